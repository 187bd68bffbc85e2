import { BarChart3, CalendarDays, ClipboardCheck, ClipboardList, Cpu, Home, Inbox, LayoutGrid, ScrollText, Upload, Users } from 'lucide-react';
import type { Actor } from '@/lib/authz/actor';
import { canOpen, type RoutePattern } from '@/lib/authz/route-access';
import { NavLink } from './nav-link';

const items: { href: RoutePattern; label: string; icon: typeof Home }[] = [
  { href: '/', label: 'Start', icon: Home },
  { href: '/cases', label: 'Cases', icon: ClipboardList },
  { href: '/meetings', label: 'Meetings', icon: CalendarDays },
  { href: '/boards', label: 'Boards', icon: LayoutGrid },
  { href: '/referrals', label: 'Referrals', icon: Inbox },
  { href: '/follow-ups', label: 'Follow-ups', icon: ClipboardCheck },
  { href: '/quality', label: 'Quality', icon: BarChart3 },
  { href: '/imports', label: 'Import data', icon: Upload },
  { href: '/admin/users', label: 'Users', icon: Users },
  { href: '/admin/models', label: 'Models', icon: Cpu },
  { href: '/admin/audit', label: 'Audit log', icon: ScrollText },
];

/** Shows only what the actor's roles may open (a convenience: every page checks again). */
export function MainNav({ actor }: { actor: Actor }) {
  return (
    <nav aria-label="Main">
      <ul className="space-y-1">
        {items
          .filter((item) => canOpen(actor, item.href))
          .map(({ href, label, icon: Icon }) => (
            <li key={href}>
              <NavLink href={href}>
                <Icon aria-hidden className="size-4" />
                {label}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}

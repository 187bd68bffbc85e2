import Link from 'next/link';
import type { Actor } from '@/lib/authz/actor';
import { can } from '@/lib/authz/permissions';

/**
 * The meeting's other screens. Kept here, in one small nav, so the agenda builder and the
 * live view (built elsewhere) are reached from the overview: "Edit agenda" for coordinators
 * (meetings.manage), "Live view" for attendees (meetings.attend). Plain links; each page
 * checks access itself.
 */
export function MeetingLinks({ actor, meetingId }: { actor: Actor; meetingId: string }) {
  const links = [
    ...(can(actor, 'meetings.manage') ? [{ href: `/meetings/${meetingId}/agenda`, label: 'Edit agenda' }] : []),
    ...(can(actor, 'meetings.attend') ? [{ href: `/meetings/${meetingId}/live`, label: 'Live view' }] : []),
  ];
  if (links.length === 0) return null;
  return (
    <nav aria-label="Meeting" data-testid="meeting-links">
      <ul className="flex flex-wrap gap-3 text-sm">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} prefetch={false} className="rounded border border-slate-300 px-3 py-1.5 font-medium text-brand-800 hover:bg-slate-100">
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

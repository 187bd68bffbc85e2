import { Bell } from 'lucide-react';
import Link from 'next/link';

/** The shell's link to /notifications with the unread count (read on the server per request). */
export function NotificationBell({ unread }: { unread: number }) {
  const label = unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`;
  return (
    <Link href="/notifications" prefetch={false} aria-label={label} title={label} className="relative inline-flex items-center rounded-md p-2 text-slate-700 hover:bg-slate-100" data-testid="notification-bell">
      <Bell aria-hidden className="size-5" />
      {unread > 0 && (
        <span aria-hidden className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-semibold text-white" data-testid="notification-count">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}

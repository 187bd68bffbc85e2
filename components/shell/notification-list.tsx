'use client';
import { ActionForm } from '@/components/ui/action-form';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { markAllNotificationsRead, markNotificationRead } from '@/lib/actions/notifications';
import type { NotificationDto } from '@/lib/schemas/notification';

const emailText = (n: NotificationDto) =>
  n.emailStatus === null
    ? 'In-app only (e-mail off)'
    : n.emailStatus === 'QUEUED'
      ? 'E-mail queued'
      : n.emailStatus === 'SENT'
        ? 'E-mail sent'
        : `E-mail failed${n.emailError ? `: ${n.emailError}` : ''}`;

/** One's notifications as plain text (whitespace kept), newest first, each with its e-mail status. */
export function NotificationList({ notifications, timeZone }: { notifications: NotificationDto[]; timeZone: string }) {
  if (notifications.length === 0) return <p className="text-sm text-slate-600">No notifications.</p>;
  const fmt = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="space-y-4">
      {notifications.some((n) => !n.readAt) && (
        <ActionForm action={markAllNotificationsRead} label="Mark all read">
          {({ pending }) => (
            <Button type="submit" variant="secondary" disabled={pending}>
              Mark all read
            </Button>
          )}
        </ActionForm>
      )}
      <ul className="space-y-3">
        {notifications.map((n) => (
          <li key={n.id} className={`rounded-md border p-3 ${n.readAt ? 'border-slate-200' : 'border-brand-100 bg-brand-50'}`} data-testid="notification" data-kind={n.kind} data-read={Boolean(n.readAt)}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <p className="font-medium">
                {!n.readAt && <span className="sr-only">Unread: </span>}
                {n.title}
              </p>
              <span className="text-xs text-slate-600">{fmt.format(new Date(n.createdAt))}</span>
            </div>
            <p className="mt-1 whitespace-pre-line text-sm text-slate-800">{n.body}</p>
            <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
              {n.link?.startsWith('/') && (
                <a href={n.link} className="font-medium text-brand-800 underline">
                  Open
                </a>
              )}
              <Badge tone={n.emailStatus === 'FAILED' ? 'danger' : 'neutral'}>
                <span data-testid="email-status">{emailText(n)}</span>
              </Badge>
              {!n.readAt && (
                <ActionForm action={markNotificationRead} label="Mark read" className="inline">
                  {({ pending }) => (
                    <>
                      <input type="hidden" name="notificationId" value={n.id} />
                      <Button type="submit" variant="ghost" disabled={pending}>
                        Mark read
                      </Button>
                    </>
                  )}
                </ActionForm>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

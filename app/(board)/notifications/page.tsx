import { NotificationList } from '@/components/shell/notification-list';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { guardPage } from '@/lib/authz/guard-page';
import { listMyNotifications } from '@/lib/db/notifications';
import { getEnv } from '@/lib/env';

export const metadata = { title: 'Notifications' };

export default async function NotificationsPage() {
  const actor = await guardPage('/notifications');
  const notifications = await listMyNotifications({ actor, take: 100 });
  return (
    <>
      <PageHeader title="Notifications" description="Reminders, postponements and agenda publications for you." />
      <Card>
        <NotificationList notifications={notifications} timeZone={getEnv().KONSIL_TIME_ZONE} />
      </Card>
    </>
  );
}

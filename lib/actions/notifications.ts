'use server';
// One's own notifications: mark one read, or all.
import { createAction } from './create-action';
import { markAllMyNotificationsRead, markNotificationsRead } from '@/lib/db/notifications';
import { notificationMarkAllReadSchema, notificationMarkReadSchema } from '@/lib/schemas/notification';

export const markNotificationRead = createAction({
  name: 'notifications.markRead',
  permission: 'notifications.read',
  input: notificationMarkReadSchema,
  handler: ({ actor, input }) => markNotificationsRead({ actor, notificationIds: typeof input.notificationId === 'string' ? [input.notificationId] : input.notificationId }),
  revalidate: () => ['/notifications'],
});

export const markAllNotificationsRead = createAction({
  name: 'notifications.markAllRead',
  permission: 'notifications.read',
  input: notificationMarkAllReadSchema,
  handler: ({ actor }) => markAllMyNotificationsRead({ actor }),
  revalidate: () => ['/notifications'],
  successMessage: 'All notifications marked read.',
});

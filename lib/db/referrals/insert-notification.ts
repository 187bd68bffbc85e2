import 'server-only';
import type { NotificationKind } from '@/lib/generated/prisma/enums';
import type { Tx } from '../client';

/**
 * One in-app notification, written in the transaction of the change it reports. No e-mail
 * (emailStatus null): listing and e-mailing notifications belongs to lib/notifications.
 */
export async function insertNotification(
  tx: Tx,
  input: { userId: string; kind: NotificationKind; title: string; body: string; link: string; caseId: string; meetingId?: string | null; createdById: string },
) {
  return tx.notification.create({ data: { ...input, meetingId: input.meetingId ?? null, emailStatus: null } });
}

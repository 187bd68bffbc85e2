import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import type { NotificationKind } from '@/lib/generated/prisma/enums';
import type { NotificationDto } from '@/lib/schemas/notification';
import { db, type Tx } from './client';

// In-app notifications (and the e-mail status of each). A user only ever sees and marks
// their own. Notifications name cases by link and pseudonym, never by the patient's name
// or MRN, so listing them reads no patient data (and an e-mail leaving the hospital carries
// none): reading them is not a patient-data read and is not audited; what caused them is
// (reminder, postpone, publication).

export interface NewNotification {
  kind: NotificationKind;
  title: string;
  body: string;
  link?: string | null;
  caseId?: string | null;
  meetingId?: string | null;
}

/**
 * Writes one notification per recipient (duplicates dropped) inside the caller's
 * transaction. With `email` the rows start QUEUED; the caller queues the e-mails after
 * commit (enqueueNotificationEmails), so a rolled-back change sends nothing.
 */
export async function createNotifications(
  tx: Tx,
  input: { recipientIds: readonly string[]; createdById: string | null; email: boolean; notification: NewNotification },
): Promise<{ id: string; userId: string }[]> {
  const recipients = [...new Set(input.recipientIds)];
  if (recipients.length === 0) return [];
  const { notification } = input;
  return tx.notification.createManyAndReturn({
    data: recipients.map((userId) => ({
      userId,
      kind: notification.kind,
      title: notification.title,
      body: notification.body,
      link: notification.link ?? null,
      caseId: notification.caseId ?? null,
      meetingId: notification.meetingId ?? null,
      createdById: input.createdById,
      emailStatus: input.email ? ('QUEUED' as const) : null,
    })),
    select: { id: true, userId: true },
  });
}

function toDto(row: {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
  emailStatus: 'QUEUED' | 'SENT' | 'FAILED' | null;
  emailError: string | null;
}): NotificationDto {
  return { ...row, createdAt: row.createdAt.toISOString(), readAt: row.readAt?.toISOString() ?? null };
}

const dtoSelect = { id: true, kind: true, title: true, body: true, link: true, createdAt: true, readAt: true, emailStatus: true, emailError: true } as const;

/** The actor's own notifications, newest first. */
export async function listMyNotifications(options: { actor: Actor; take?: number }): Promise<NotificationDto[]> {
  assertCan(options.actor, 'notifications.read');
  const rows = await db().notification.findMany({ where: { userId: options.actor.id }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: options.take ?? 100, select: dtoSelect });
  return rows.map(toDto);
}

/** How many of the actor's notifications are unread (the bell). */
export async function countMyUnreadNotifications(options: { actor: Actor }): Promise<number> {
  assertCan(options.actor, 'notifications.read');
  return db().notification.count({ where: { userId: options.actor.id, readAt: null } });
}

/** Marks the given notifications read, among the actor's own only (another user's id matches nothing). */
export async function markNotificationsRead(options: { actor: Actor; notificationIds: readonly string[] }): Promise<{ count: number }> {
  assertCan(options.actor, 'notifications.read');
  const { count } = await db().notification.updateMany({ where: { id: { in: [...options.notificationIds] }, userId: options.actor.id, readAt: null }, data: { readAt: new Date() } });
  return { count };
}

export async function markAllMyNotificationsRead(options: { actor: Actor }): Promise<{ count: number }> {
  assertCan(options.actor, 'notifications.read');
  const { count } = await db().notification.updateMany({ where: { userId: options.actor.id, readAt: null }, data: { readAt: new Date() } });
  return { count };
}

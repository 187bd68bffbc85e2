import { z } from 'zod';

export const notificationKinds = [
  'PREPARATION_REMINDER',
  'INFORMATION_REQUESTED',
  'REFERRAL_ACCEPTED',
  'REFERRAL_REJECTED',
  'CASE_POSTPONED',
  'AGENDA_PUBLISHED',
  'AGENDA_CHANGED',
  'MEETING_CANCELLED',
  'FOLLOW_UP_DUE',
  'DECISION_SIGNED',
] as const;
export type NotificationKindName = (typeof notificationKinds)[number];

/** What leaves the server for one notification: plain text, rendered as text. */
export interface NotificationDto {
  id: string;
  kind: NotificationKindName;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
  /** null = in-app only (e-mail off when it was made). */
  emailStatus: 'QUEUED' | 'SENT' | 'FAILED' | null;
  emailError: string | null;
}

/** One or more of one's own notifications (others' ids are ignored: they are not "there" for the actor). */
export const notificationMarkReadSchema = z.object({
  notificationId: z.union([z.string().min(1).max(50), z.array(z.string().min(1).max(50)).min(1).max(100)], { error: 'Which notification?' }),
});

export const notificationMarkAllReadSchema = z.object({});

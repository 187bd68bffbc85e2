import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { AppError, notFound } from '@/lib/errors';
import { formatDateTime } from '@/lib/format/date';
import { missingItems } from '@/lib/preparation/completeness';
import type { preparationReminderSchema } from '@/lib/schemas/meeting-preparation';
import { db } from '../client';
import { createNotifications } from '../notifications';
import { readMeetingPreparation } from './read-meeting-preparation';

export interface ReminderResult {
  notificationIds: string[];
  /** Notifications whose e-mail the caller must queue after commit (empty when e-mail is off). */
  emailIds: string[];
  missing: string[];
}

/**
 * A coordinator's reminder about a case that is not ready: an in-app PREPARATION_REMINDER
 * (listing what is missing, linking to the case) to the referrer and the presenter, with an
 * e-mail each when `email` (SMTP configured). Audited with what was missing and to whom.
 * The case is named by its pseudonym only (see lib/db/notifications.ts).
 */
export async function sendPreparationReminder(options: { actor: Actor; input: z.output<typeof preparationReminderSchema>; email: boolean; now?: Date }): Promise<ReminderResult> {
  const { actor, input, email, now = new Date() } = options;
  assertCan(actor, 'meetings.manage');
  return db().$transaction(async (tx) => {
    const prep = await readMeetingPreparation(tx, { actor, meetingId: input.meetingId, now, itemId: input.itemId, forChange: true });
    const item = prep.items[0];
    if (!item) throw notFound('The agenda item');
    if (prep.meeting.status === 'CANCELLED' || prep.meeting.status === 'CLOSED') throw new AppError('CONFLICT', 'This meeting is over or cancelled; no reminders.');
    const missing = missingItems(item.completeness);
    if (missing.length === 0) throw new AppError('VALIDATION', 'This case is ready: nothing is missing, so there is nothing to remind about.');
    const when = formatDateTime(prep.meeting.startsAt, prep.meeting.timeZone);
    const recipientIds = [item.referrer.id, ...(item.presenter ? [item.presenter.id] : [])];
    const body = [
      `Case ${item.patient.pseudonym} (${item.entity.replaceAll('_', ' ').toLowerCase()}) is on the agenda of ${prep.meeting.boardName} on ${when} and is not ready yet (${item.completeness.ok} of ${item.completeness.applicable} items).`,
      '',
      'Missing:',
      ...missing.map((m) => `- ${m}`),
      ...(email ? [] : ['', 'E-mail is off on this Konsil (no SMTP server configured): this reminder is in-app only.']),
    ].join('\n');
    const rows = await createNotifications(tx, {
      recipientIds,
      createdById: actor.id,
      email,
      notification: { kind: 'PREPARATION_REMINDER', title: `Preparation reminder: ${prep.meeting.boardName}, ${when}`, body, link: `/cases/${item.caseId}`, caseId: item.caseId, meetingId: prep.meeting.id },
    });
    await writeAuditEvent(tx, {
      actor,
      action: 'meeting.reminder_send',
      entityType: 'Case',
      entityId: item.caseId,
      patientId: prep.patientIds.get(item.caseId),
      detail: { meetingId: prep.meeting.id, agendaItemId: item.itemId, missing: missing.slice(0, 20).map((m) => m.slice(0, 300)), recipientIds: rows.map((r) => r.userId), email },
    });
    const ids = rows.map((r) => r.id);
    return { notificationIds: ids, emailIds: email ? ids : [], missing };
  });
}

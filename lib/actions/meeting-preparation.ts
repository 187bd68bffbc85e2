'use server';
// The meeting overview's actions: specialists mark their review of a case done (or take it
// back); coordinators send a preparation reminder, postpone a case, publish the agenda.
// Each export is built by createAction; lib/db checks permission and scope again.
import { createAction } from './create-action';
import { markCaseReview, unmarkCaseReview } from '@/lib/db/preparation/review-marks';
import { postponeAgendaItem } from '@/lib/db/preparation/postpone-case';
import { sendPreparationReminder as sendReminderRecord } from '@/lib/db/preparation/send-reminder';
import { isEmailEnabled } from '@/lib/env';
import { queueNotificationEmails } from '@/lib/notifications/queue-emails';
import { publishMeetingAgenda } from '@/lib/preparation/publish-agenda';
import { postponeCaseSchema, preparationReminderSchema, publishAgendaSchema, reviewMarkSchema, reviewUnmarkSchema } from '@/lib/schemas/meeting-preparation';

export const markReviewDone = createAction({
  name: 'meetings.markReviewDone',
  permission: 'cases.annotate',
  input: reviewMarkSchema,
  handler: ({ actor, input }) => markCaseReview({ actor, input }),
  revalidate: ({ input }) => (input.meetingId ? [`/meetings/${input.meetingId}`] : []),
  successMessage: 'Review marked done.',
});

export const undoReviewDone = createAction({
  name: 'meetings.undoReviewDone',
  permission: 'cases.annotate',
  input: reviewUnmarkSchema,
  handler: ({ actor, input }) => unmarkCaseReview({ actor, input }),
  revalidate: ({ input }) => (input.meetingId ? [`/meetings/${input.meetingId}`] : []),
  successMessage: 'Review mark taken back.',
});

export const sendPreparationReminder = createAction({
  name: 'meetings.sendPreparationReminder',
  permission: 'meetings.manage',
  input: preparationReminderSchema,
  handler: async ({ actor, input }) => {
    const email = isEmailEnabled();
    const result = await sendReminderRecord({ actor, input, email });
    const queued = await queueNotificationEmails(result.emailIds);
    return {
      recipients: result.notificationIds.length,
      message: !email
        ? `Reminder sent in-app to ${result.notificationIds.length} ${result.notificationIds.length === 1 ? 'person' : 'people'}. E-mail is off (no SMTP server configured).`
        : queued === 'failed'
          ? 'Reminder sent in-app; the e-mail could not be queued (see the notification).'
          : `Reminder sent in-app and by e-mail to ${result.notificationIds.length} ${result.notificationIds.length === 1 ? 'person' : 'people'}.`,
    };
  },
  revalidate: ({ input }) => [`/meetings/${input.meetingId}`],
});

export const postponeCase = createAction({
  name: 'meetings.postponeCase',
  permission: 'meetings.manage',
  input: postponeCaseSchema,
  handler: async ({ actor, input }) => {
    const result = await postponeAgendaItem({ actor, input, email: isEmailEnabled() });
    await queueNotificationEmails(result.emailIds);
    return { agendaVersion: result.agendaVersion };
  },
  revalidate: ({ input }) => [`/meetings/${input.meetingId}`],
  successMessage: 'The case is postponed; the referrer was notified.',
});

export const publishAgenda = createAction({
  name: 'meetings.publishAgenda',
  permission: 'meetings.manage',
  input: publishAgendaSchema,
  handler: async ({ actor, input }) => {
    const result = await publishMeetingAgenda({ actor, meetingId: input.meetingId, expectedAgendaVersion: input.expectedAgendaVersion, email: isEmailEnabled() });
    return { revision: result.revision, sha256: result.sha256, notified: result.notified };
  },
  revalidate: ({ input }) => [`/meetings/${input.meetingId}`, '/meetings'],
  successMessage: 'Agenda published; the board’s members were notified and the handout is ready.',
});

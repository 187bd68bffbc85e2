// Publishing (or republishing) a meeting's agenda: read the agenda as the coordinator saw
// it, render the PDF handout, store both with the version check again, then queue the
// members' e-mails. The steps and why they are split: lib/db/preparation/publish-agenda.ts.
import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { readAgendaForPublication, storeAgendaPublication, type PublicationResult } from '@/lib/db/preparation/publish-agenda';
import { queueNotificationEmails } from '@/lib/notifications/queue-emails';
import { renderAgendaHandout } from '@/lib/pdf/agenda-handout';

export async function publishMeetingAgenda(options: { actor: Actor; meetingId: string; expectedAgendaVersion: number; email: boolean; now?: Date }): Promise<PublicationResult> {
  const now = options.now ?? new Date();
  const prep = await readAgendaForPublication({ actor: options.actor, meetingId: options.meetingId, expectedAgendaVersion: options.expectedAgendaVersion, now });
  const revision = (prep.meeting.publishedRevision ?? 0) + 1;
  const { patientIds: _p, memberIds: _m, ...dto } = prep;
  const pdf = await renderAgendaHandout(dto, revision, now);
  const result = await storeAgendaPublication({ actor: options.actor, prep, revision, pdf, email: options.email, now });
  await queueNotificationEmails(result.emailIds);
  return result;
}

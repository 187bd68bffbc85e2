import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { writeAuditEvents } from '@/lib/audit/write-audit-event';
import type { MeetingPreparationDto } from '@/lib/schemas/meeting-preparation';
import { db } from '../client';
import { readMeetingPreparation } from './read-meeting-preparation';

/**
 * The meeting overview: header, agenda with each case's checklist and score, changes since
 * publication. A meeting outside the actor's boards is NOT_FOUND. Audited like a case list:
 * one `meeting.preparation_view` event per case shown (with its patient), same transaction.
 */
export async function loadMeetingPreparation(options: { actor: Actor; meetingId: string; now?: Date }): Promise<MeetingPreparationDto> {
  const { actor, meetingId, now = new Date() } = options;
  assertCan(actor, 'meetings.read');
  return db().$transaction(async (tx) => {
    const { patientIds, memberIds: _members, ...dto } = await readMeetingPreparation(tx, { actor, meetingId, now });
    const scores = new Map(dto.items.map((i) => [i.caseId, i.completeness.score]));
    await writeAuditEvents(
      tx,
      [...patientIds].map(([caseId, patientId]) => ({
        actor,
        action: 'meeting.preparation_view' as const,
        entityType: 'Case',
        entityId: caseId,
        patientId,
        detail: { meetingId: dto.meeting.id, score: scores.get(caseId) },
      })),
    );
    return dto;
  });
}

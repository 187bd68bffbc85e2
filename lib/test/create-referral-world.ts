// A board with a coordinator (membership role COORDINATOR), a clinician who sees one patient
// (a case they referred earlier, from createTestCase), and three meetings: one whose
// submission deadline has passed, and two after it. For referral, triage and agenda tests.
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { createTestCase, type TestCase } from './create-test-case';

export interface ReferralWorld extends TestCase {
  /** Starts in 24 h: its 48 h deadline has passed. */
  lateMeetingId: string;
  /** Starts in 8 days: where a referral made now goes. */
  nextMeetingId: string;
  /** Starts in 15 days. */
  laterMeetingId: string;
}

export async function createReferralWorld(options: { clinician: Actor; coordinator: Actor; now?: Date; reportTexts?: string[] }): Promise<ReferralWorld> {
  const now = options.now ?? new Date();
  const world = await createTestCase({ referrer: options.clinician, reportTexts: options.reportTexts, slices: 1 });
  await db().boardMembership.create({ data: { boardId: world.boardId, userId: options.coordinator.id, role: 'COORDINATOR' } });
  await db().board.update({ where: { id: world.boardId }, data: { submissionDeadlineHours: 48, defaultMinutesPerCase: 7, meetingDurationMinutes: 30 } });
  const day = 86_400_000;
  const meeting = (offsetMs: number) => db().meeting.create({ data: { boardId: world.boardId, startsAt: new Date(now.getTime() + offsetMs), durationMinutes: 30 } });
  const late = await meeting(day);
  const next = await meeting(8 * day);
  const later = await meeting(15 * day);
  return { ...world, lateMeetingId: late.id, nextMeetingId: next.id, laterMeetingId: later.id };
}

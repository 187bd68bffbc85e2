import 'server-only';
// Opening a meeting's live stream is joining it: the attendance row (first join's time, the
// specialty from the user's profile), lastSeenAt, one audit event per join, and, on a first
// join, a NOTIFY so everyone's attendance list and quorum update.
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { db } from '../client';
import { findMeetingInScope, notifyLive } from './live-change';

export async function recordAttendance(options: { actor: Actor; meetingId: string }): Promise<{ firstJoin: boolean }> {
  const { actor, meetingId } = options;
  assertCan(actor, 'meetings.attend');
  return db().$transaction(async (tx) => {
    await findMeetingInScope(tx, actor, meetingId);
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { specialty: true } });
    const now = new Date();
    const existing = await tx.meetingAttendance.findUnique({ where: { meetingId_userId: { meetingId, userId: actor.id } }, select: { id: true } });
    await tx.meetingAttendance.upsert({
      where: { meetingId_userId: { meetingId, userId: actor.id } },
      create: { meetingId, userId: actor.id, specialty: user.specialty, joinedAt: now, lastSeenAt: now },
      update: { lastSeenAt: now, leftAt: null },
    });
    const firstJoin = existing === null;
    await writeAuditEvent(tx, { actor, action: 'live.join', entityType: 'Meeting', entityId: meetingId, detail: { specialty: user.specialty, firstJoin } });
    if (firstJoin) {
      const live = await tx.meetingLiveState.findUnique({ where: { meetingId }, select: { seq: true } });
      await notifyLive(tx, { meetingId, seq: live?.seq ?? 0, kind: 'attendance' });
    }
    return { firstJoin };
  });
}

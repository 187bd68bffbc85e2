import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { AppError, conflict, notFound } from '@/lib/errors';
import { chooseTargetMeeting, overrideRefusal } from '@/lib/referrals/deadline';
import { referralRecordSchema, type acceptReferralSchema, type rejectReferralSchema, type ReferralRecord, type requestInformationSchema } from '@/lib/schemas/referral';
import { db, type Tx } from '../client';
import { appendAgendaItem } from '../agenda/append-agenda-item';
import { coordinatedBoardScope } from '../agenda/manage-scope';
import { createNotifications } from '../notifications';

// The coordinator's triage of a referral: accept onto a meeting's agenda, reject with a
// reason, or ask the referrer for information. Each is one transaction with the case's
// version check, its audit event and (reject, ask) the referrer's notification.
// Legal transitions: accept and reject from REFERRED or NEEDS_INFORMATION; ask from REFERRED.

const TRIAGE_STATUSES = ['REFERRED', 'NEEDS_INFORMATION'] as const;

async function caseForTriage(tx: Tx, actor: Actor, caseId: string) {
  const found = await tx.case.findFirst({
    where: { id: caseId, board: coordinatedBoardScope(actor) },
    select: {
      id: true, patientId: true, boardId: true, status: true, version: true, referral: true, referringUserId: true, targetMeetingId: true,
      patient: { select: { pseudonym: true } },
      board: { select: { name: true, defaultMinutesPerCase: true, submissionDeadlineHours: true } },
    },
  });
  if (!found) throw notFound('The referral');
  return found;
}

function refuseUnless(status: string, allowed: readonly string[], what: string) {
  if (!allowed.includes(status)) throw new AppError('CONFLICT', `The case is ${status.toLowerCase().replace('_', ' ')}; it cannot be ${what} now. Reload to see its current state.`);
}

/** Bumps the case's version only if it is the one the coordinator saw; else nothing changes. */
async function updateCaseSeen(tx: Tx, caseId: string, version: number, data: Parameters<Tx['case']['updateMany']>[0]['data']) {
  const { count } = await tx.case.updateMany({ where: { id: caseId, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw conflict('The referral');
}

function readRecord(value: unknown): ReferralRecord | null {
  const parsed = referralRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export interface AcceptedReferralDto {
  caseId: string;
  meetingId: string;
  agendaItemId: string;
  override: boolean;
}

/**
 * Accepts a referral onto a meeting's agenda: the meeting the coordinator chose, else the
 * case's target (the deadline rule at referral; recomputed now if it had none). The case is
 * appended to the agenda (appendAgendaItem: agendaVersion + 1) and becomes SCHEDULED.
 * Queue the case's model run only after this commits (lib/referrals/accept-referral.ts).
 */
export async function acceptReferral(options: { actor: Actor; input: z.output<typeof acceptReferralSchema>; now?: Date }): Promise<AcceptedReferralDto> {
  const { actor, input, now = new Date() } = options;
  assertCan(actor, 'referrals.triage');
  return db().$transaction(async (tx) => {
    const kase = await caseForTriage(tx, actor, input.caseId);
    refuseUnless(kase.status, TRIAGE_STATUSES, 'accepted');
    // Recent past meetings too, so choosing one is refused as "already started", not as foreign.
    const meetings = await tx.meeting.findMany({ where: { boardId: kase.boardId, startsAt: { gt: new Date(now.getTime() - 30 * 86_400_000) } }, select: { id: true, startsAt: true, status: true } });
    const ruleMeetingId = kase.targetMeetingId ?? chooseTargetMeeting({ meetings, submissionDeadlineHours: kase.board.submissionDeadlineHours, referredAt: now })?.meetingId;
    const meetingId = input.meetingId ?? ruleMeetingId;
    if (!meetingId) throw new AppError('VALIDATION', 'The board has no open meeting; choose one, or schedule a meeting first.', { fieldErrors: { meetingId: ['Choose a meeting'] } });
    const refusal = overrideRefusal({ meetings, meetingId, now });
    if (refusal) throw new AppError('VALIDATION', refusal, { fieldErrors: { meetingId: [refusal] } });
    await updateCaseSeen(tx, kase.id, input.version, { status: 'SCHEDULED', statusReason: null, targetMeetingId: meetingId });
    const { item } = await appendAgendaItem(tx, { actor, meetingId, caseId: kase.id, patientId: kase.patientId, minutesAllotted: kase.board.defaultMinutesPerCase });
    const override = meetingId !== ruleMeetingId;
    const meeting = meetings.find((m) => m.id === meetingId)!;
    await createNotifications(tx, {
      recipientIds: [kase.referringUserId],
      createdById: actor.id,
      email: false,
      notification: {
        kind: 'REFERRAL_ACCEPTED',
        title: `Referral to ${kase.board.name} accepted`,
        body: `Your referral of patient ${kase.patient.pseudonym} is on the agenda of the meeting of ${meeting.startsAt.toISOString().slice(0, 10)}.`,
        link: `/cases/${kase.id}`,
        caseId: kase.id,
        meetingId,
      },
    });
    await writeAuditEvent(tx, { actor, action: 'referral.accept', entityType: 'Case', entityId: kase.id, patientId: kase.patientId, detail: { meetingId, agendaItemId: item.id, override } });
    return { caseId: kase.id, meetingId, agendaItemId: item.id, override };
  });
}

export async function rejectReferral(options: { actor: Actor; input: z.output<typeof rejectReferralSchema> }): Promise<{ caseId: string }> {
  const { actor, input } = options;
  assertCan(actor, 'referrals.triage');
  return db().$transaction(async (tx) => {
    const kase = await caseForTriage(tx, actor, input.caseId);
    refuseUnless(kase.status, TRIAGE_STATUSES, 'rejected');
    await updateCaseSeen(tx, kase.id, input.version, { status: 'REJECTED', statusReason: input.reason });
    await createNotifications(tx, {
      recipientIds: [kase.referringUserId],
      createdById: actor.id,
      email: false,
      notification: {
        kind: 'REFERRAL_REJECTED',
        title: `Referral to ${kase.board.name} rejected`,
        body: `Your referral of patient ${kase.patient.pseudonym} was rejected: ${input.reason}`,
        link: `/cases/${kase.id}`,
        caseId: kase.id,
      },
    });
    await writeAuditEvent(tx, { actor, action: 'referral.reject', entityType: 'Case', entityId: kase.id, patientId: kase.patientId, detail: { reason: input.reason } });
    return { caseId: kase.id };
  });
}

export async function requestReferralInformation(options: { actor: Actor; input: z.output<typeof requestInformationSchema>; now?: Date }): Promise<{ caseId: string }> {
  const { actor, input, now = new Date() } = options;
  assertCan(actor, 'referrals.triage');
  return db().$transaction(async (tx) => {
    const kase = await caseForTriage(tx, actor, input.caseId);
    refuseUnless(kase.status, ['REFERRED'], 'sent back for information');
    const record = readRecord(kase.referral);
    const request = { question: input.question, askedAt: now.toISOString(), askedById: actor.id, askedByName: actor.name, answer: null, answeredAt: null };
    const referral = record ? { ...record, informationRequests: [...record.informationRequests, request] } : { informationRequests: [request] };
    await updateCaseSeen(tx, kase.id, input.version, { status: 'NEEDS_INFORMATION', statusReason: input.question, referral });
    await createNotifications(tx, {
      recipientIds: [kase.referringUserId],
      createdById: actor.id,
      email: false,
      notification: {
        kind: 'INFORMATION_REQUESTED',
        title: `${kase.board.name} needs more information`,
        body: `About your referral of patient ${kase.patient.pseudonym}: ${input.question}`,
        link: '/referrals',
        caseId: kase.id,
      },
    });
    await writeAuditEvent(tx, { actor, action: 'referral.request_info', entityType: 'Case', entityId: kase.id, patientId: kase.patientId, detail: { question: input.question } });
    return { caseId: kase.id };
  });
}

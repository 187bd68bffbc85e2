// Every quality metric on a small world whose answers are worked out by hand (in the comments),
// through the real decision path (draft → signature → follow-up) with controlled times.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { startAmendment } from '@/lib/db/decisions/amendment';
import { saveDecisionDraft } from '@/lib/db/decisions/save-decision-draft';
import { signDecision } from '@/lib/db/decisions/sign-decision';
import { completeFollowUp } from '@/lib/db/follow-ups/complete-follow-up';
import { completeFollowUpSchema, type DecisionContent } from '@/lib/schemas/decision';
import type { QualityMetric } from '@/lib/schemas/quality';
import { sampleDecisionContent } from '@/lib/test/create-signed-decision';
import { createTestActor } from '@/lib/test/create-test-actor';
import { insertTestModelVersion, uniqueModelKey } from '@/lib/test/create-test-model';
import { createTestMeeting } from '@/lib/test/create-test-meeting';
import { getModelVersion } from '@/lib/db/model-versions';
import { exportQualityCsv, readQualityReport } from './read-quality-report';

const H = 3_600_000;
const D = 24 * H;
const M1 = new Date('2026-03-10T15:00:00Z');
const M2 = new Date('2026-03-17T15:00:00Z');
// 00:30 on 1 April in Berlin (the board's zone): outside March, though still 31 March in UTC.
const M_OUT = new Date('2026-03-31T22:30:00Z');

let chair: Actor;
let member: Actor;
let referrer: Actor;
let coordinator: Actor;
let otherCoordinator: Actor;
let admin: Actor;
let boardId: string;
let modelName: string;
let modelVersionId: string;

async function sign(options: { caseId: string; meetingId: string; at: Date; content: DecisionContent }) {
  const draft = await saveDecisionDraft({ actor: member, input: { caseId: options.caseId, meetingId: options.meetingId, content: options.content } });
  const signed = await signDecision({ actor: chair, input: { decisionId: draft.decisionId, expectedVersion: draft.version }, email: false, now: options.at });
  return { ...signed, version: draft.version + 1 };
}

async function result(caseId: string, modelVersionId: string, mark: 'CONSIDERED' | 'DISAGREE' | null) {
  const r = await db().inferenceResult.create({ data: { modelVersionId, caseId, status: 'SCORED', trigger: 'ON_DEMAND', inputs: [], inputHash: 'x'.repeat(64), modelFileSha256: 'y'.repeat(64) } });
  if (mark) await db().inferenceReview.create({ data: { resultId: r.id, number: 1, mark, reason: mark === 'DISAGREE' ? 'Weight from before surgery.' : null, reviewedById: member.id } });
  return r.id;
}

const complete = (actor: Actor, taskId: string, outcome: string, reason?: string) =>
  completeFollowUp({ actor, input: completeFollowUpSchema.parse({ taskId, expectedVersion: 0, outcome, reason }) });

beforeAll(async () => {
  chair = await createTestActor({ role: 'CLINICIAN', name: 'Chair' });
  member = await createTestActor({ role: 'CLINICIAN', name: 'Member' });
  referrer = await createTestActor({ role: 'CLINICIAN', name: 'Referrer' });
  coordinator = await createTestActor({ role: 'COORDINATOR', name: 'Coordinator' });
  otherCoordinator = await createTestActor({ role: 'COORDINATOR', name: 'Elsewhere' });
  admin = await createTestActor({ role: 'ADMIN' });
  await db().user.update({ where: { id: chair.id }, data: { specialty: 'RADIOLOGY' } });
  await db().user.update({ where: { id: member.id }, data: { specialty: 'PATHOLOGY' } });

  // Board members: chair, member, coordinator (3). Quorum: radiology + pathology.
  const w = await createTestMeeting({
    referrer,
    cases: 5,
    requiredSpecialties: ['RADIOLOGY', 'PATHOLOGY'],
    members: [
      { actor: chair, role: 'CHAIR' },
      { actor: member, role: 'MEMBER' },
      { actor: coordinator, role: 'COORDINATOR' },
    ],
  });
  boardId = w.boardId;
  const [c0, c1, c2, c3, c4] = w.caseIds as [string, string, string, string, string];
  const [i0, i1, i2, i3, i4] = w.itemIds as [string, string, string, string, string];
  const m1 = w.meetingId;
  await db().meeting.update({ where: { id: m1 }, data: { startsAt: M1, status: 'CLOSED' } });
  const m2 = (await db().meeting.create({ data: { boardId, startsAt: M2, durationMinutes: 60, status: 'CLOSED' } })).id;
  const mOut = (await db().meeting.create({ data: { boardId, startsAt: M_OUT, durationMinutes: 60, status: 'CLOSED' } })).id;
  // M1: c0, c1, c2 discussed, c3 postponed; M2: c3 discussed; M_OUT: c4 discussed (out of period).
  await db().agendaItem.updateMany({ where: { id: { in: [i0, i1, i2] } }, data: { status: 'DISCUSSED' } });
  await db().agendaItem.update({ where: { id: i3 }, data: { status: 'POSTPONED', statusReason: 'PET-CT pending' } });
  await db().agendaItem.create({ data: { meetingId: m2, caseId: c3, position: 0, minutesAllotted: 5, status: 'DISCUSSED' } });
  await db().agendaItem.update({ where: { id: i4 }, data: { meetingId: mOut, status: 'DISCUSSED' } });
  // Referral → discussion: c0 4 d, c1 10 d, c2 6 d (to M1), c3 27 d (to M2); c4 out of period.
  await db().case.update({ where: { id: c0 }, data: { referredAt: new Date(M1.getTime() - 4 * D), status: 'SCHEDULED' } });
  await db().case.update({ where: { id: c1 }, data: { referredAt: new Date(M1.getTime() - 10 * D), status: 'SCHEDULED' } });
  await db().case.update({ where: { id: c2 }, data: { referredAt: new Date(M1.getTime() - 6 * D), status: 'SCHEDULED' } });
  await db().case.update({ where: { id: c3 }, data: { referredAt: new Date(M2.getTime() - 27 * D), status: 'SCHEDULED' } });
  await db().case.update({ where: { id: c4 }, data: { referredAt: new Date(M_OUT.getTime() - 100 * D) } });
  // Attendance: M1 chair + member (both members; quorum met) + referrer (not a member);
  // M2 the chair only (quorum missed); M_OUT everyone (out of period).
  await db().meetingAttendance.createMany({
    data: [
      { meetingId: m1, userId: chair.id, specialty: 'RADIOLOGY' },
      { meetingId: m1, userId: member.id, specialty: 'PATHOLOGY' },
      { meetingId: m1, userId: referrer.id, specialty: 'SURGERY' },
      { meetingId: m2, userId: chair.id, specialty: 'RADIOLOGY' },
      { meetingId: mOut, userId: chair.id, specialty: 'RADIOLOGY' },
      { meetingId: mOut, userId: member.id, specialty: 'PATHOLOGY' },
      { meetingId: mOut, userId: coordinator.id, specialty: null },
    ],
  });
  // Model outputs considered: c0 marked CONSIDERED, c1 DISAGREE, c2 unmarked (one model version).
  const modelKey = uniqueModelKey('quality');
  const mv = await insertTestModelVersion({ status: 'ACTIVE', modelKey, semver: '2.1.0' });
  modelName = `${modelKey}@2.1.0`;
  modelVersionId = mv.id;
  const r0 = await result(c0, mv.id, 'CONSIDERED');
  const r1 = await result(c1, mv.id, 'DISAGREE');
  const r2 = await result(c2, mv.id, null);

  // First signatures: c0 2 h, c1 4 h, c2 30 h after M1; c3 1 h after M2. c4 never signed.
  const s0 = await sign({ caseId: c0, meetingId: m1, at: new Date(M1.getTime() + 2 * H), content: sampleDecisionContent({ consideredResultIds: [r0] }) });
  const s1 = await sign({
    caseId: c1,
    meetingId: m1,
    at: new Date(M1.getTime() + 4 * H),
    content: sampleDecisionContent({ consideredResultIds: [r1], guideline: { basis: 'S3', reference: 'S3 lung', deviates: true, deviationReason: 'Patient declines chemotherapy.' } }),
  });
  const s2 = await sign({ caseId: c2, meetingId: m1, at: new Date(M1.getTime() + 30 * H), content: sampleDecisionContent({ consideredResultIds: [r2] }) });
  await sign({ caseId: c3, meetingId: m2, at: new Date(M2.getTime() + 1 * H), content: sampleDecisionContent() });
  // c2 is amended: its newest version deviates from the guideline (the first did not).
  const opened = await startAmendment({ actor: member, input: { decisionId: s2.decisionId, expectedVersion: s2.version } });
  const edited = await saveDecisionDraft({
    actor: member,
    input: { caseId: c2, meetingId: m1, expectedVersion: opened.version, content: sampleDecisionContent({ consideredResultIds: [r2], guideline: { basis: 'S3', reference: 'S3 lung', deviates: true, deviationReason: 'Trial slot.' } }) },
  });
  await signDecision({ actor: chair, input: { decisionId: s2.decisionId, expectedVersion: edited.version, amendmentReason: 'Deviation recorded.' }, email: false, now: new Date(M1.getTime() + 50 * H) });

  // Follow-ups: c0 implemented, c1 not implemented (patient's wish), c2 modified (comorbidity), c3 open.
  await complete(referrer, s0.followUpTaskId, 'IMPLEMENTED');
  await complete(referrer, s1.followUpTaskId, 'NOT_IMPLEMENTED', 'PATIENT_WISH');
  await complete(referrer, s2.followUpTaskId, 'MODIFIED', 'COMORBIDITY_PERFORMANCE_STATUS');
});

const march = { board: undefined as string | undefined, from: '2026-03-01', to: '2026-03-31' };
const byKey = (metrics: QualityMetric[]) => Object.fromEntries(metrics.filter((m) => m.boardId === boardId).map((m) => [m.key, { value: m.value, numerator: m.numerator, denominator: m.denominator }]));

describe('quality metrics', () => {
  it('computes each figure for the board and period', async () => {
    const report = await readQualityReport({ actor: coordinator, query: { ...march, board: boardId }, timeZone: 'Europe/Berlin' });
    expect(report.boards.map((b) => b.id)).toContain(boardId);
    const m = byKey(report.metrics);
    expect(m.cases_discussed).toEqual({ value: 4, numerator: null, denominator: null });
    // [4, 6, 10, 27] days: median 8; p90 at rank 2.7 → 10 + 0.7 · 17 = 21.9.
    expect(m.referral_to_discussion_days_median!.value).toBeCloseTo(8, 6);
    expect(m.referral_to_discussion_days_p90!.value).toBeCloseTo(21.9, 6);
    expect(m.referral_to_discussion_days_median!.denominator).toBe(4);
    // First signatures [1, 2, 4, 30] hours (the amendment does not count): median 3; p90 4 + 0.7 · 26 = 22.2.
    expect(m.discussion_to_signature_hours_median!.value).toBeCloseTo(3, 6);
    expect(m.discussion_to_signature_hours_p90!.value).toBeCloseTo(22.2, 6);
    expect(m.follow_ups_open!.value).toBe(1);
    expect(m.implementation_rate).toEqual({ value: 1 / 3, numerator: 1, denominator: 3 });
    expect(m.modified_share).toEqual({ value: 1 / 3, numerator: 1, denominator: 3 });
    expect(m.not_implemented_share).toEqual({ value: 1 / 3, numerator: 1, denominator: 3 });
    expect(m['non_implementation_reason_share[PATIENT_WISH]']).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(m['non_implementation_reason_share[COMORBIDITY_PERFORMANCE_STATUS]']).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(m['non_implementation_reason_share[LOGISTICS]']).toEqual({ value: 0, numerator: 0, denominator: 2 });
    // Newest versions: c1 and c2 (amended) deviate, of 4 signed decisions.
    expect(m.guideline_deviation_rate).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
    // 5 agenda items in March (4 at M1, 1 at M2), 1 postponed.
    expect(m.postponement_rate).toEqual({ value: 0.2, numerator: 1, denominator: 5 });
    // Members present 2 (M1) + 1 (M2) of 3 + 3 seats; quorum at M1 only.
    expect(m.attendance_rate).toEqual({ value: 0.5, numerator: 3, denominator: 6 });
    expect(m.quorum_rate).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(m[`model_considered_share[${modelName}]`]).toEqual({ value: 1 / 3, numerator: 1, denominator: 3 });
    expect(m[`model_disagree_share[${modelName}]`]).toEqual({ value: 1 / 3, numerator: 1, denominator: 3 });
    expect(m[`model_unmarked_share[${modelName}]`]).toEqual({ value: 1 / 3, numerator: 1, denominator: 3 });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { actorId: coordinator.id, action: 'quality.read' }, orderBy: { id: 'desc' } });
    expect(audit.detail).toEqual({ boardIds: [boardId], from: '2026-03-01', to: '2026-03-31' });
    expect(audit.patientId).toBeNull();
  });

  it('counts the meeting just past midnight in the board’s zone in the next period', async () => {
    const april = byKey((await readQualityReport({ actor: coordinator, query: { board: boardId, from: '2026-04-01', to: '2026-04-30' }, timeZone: 'Europe/Berlin' })).metrics);
    expect(april.cases_discussed!.value).toBe(1);
    expect(april.implementation_rate).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(april.quorum_rate).toEqual({ value: 1, numerator: 1, denominator: 1 });
    expect(april.attendance_rate).toEqual({ value: 1, numerator: 3, denominator: 3 });
  });

  it('shows a coordinator only the boards they coordinate, an admin every board', async () => {
    const elsewhere = await readQualityReport({ actor: otherCoordinator, query: { ...march, board: boardId }, timeZone: 'Europe/Berlin' });
    expect(elsewhere.metrics).toEqual([]);
    expect(elsewhere.boards.map((b) => b.id)).not.toContain(boardId);
    const asAdmin = byKey((await readQualityReport({ actor: admin, query: march, timeZone: 'Europe/Berlin' })).metrics);
    expect(asAdmin.cases_discussed!.value).toBe(4);
    await expect(readQualityReport({ actor: member, query: march, timeZone: 'Europe/Berlin' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('exports one CSV row per metric and audits the export', async () => {
    const { csv } = await exportQualityCsv({ actor: coordinator, query: { ...march, board: boardId }, timeZone: 'Europe/Berlin' });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('board,period_from,period_to,metric,unit,value,numerator,denominator');
    const board = await db().board.findUniqueOrThrow({ where: { id: boardId } });
    expect(lines).toContain(`${board.name},2026-03-01,2026-03-31,cases_discussed,count,4,,`);
    expect(lines).toContain(`${board.name},2026-03-01,2026-03-31,implementation_rate,share,0.333333,1,3`);
    expect(lines).toContain(`${board.name},2026-03-01,2026-03-31,postponement_rate,share,0.2,1,5`);
    // 13 board metrics + 6 reasons + 3 for the one model version.
    expect(lines).toHaveLength(1 + 22);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { actorId: coordinator.id, action: 'quality.export' }, orderBy: { id: 'desc' } });
    expect(audit.detail).toEqual({ boardIds: [boardId], from: '2026-03-01', to: '2026-03-31', rows: 22 });
  });

  it('gives the model registry each version’s agreement with board decisions (newest signed versions)', async () => {
    const version = await getModelVersion({ actor: admin, versionId: modelVersionId });
    expect(version.stats).toMatchObject({ consideredInDecisions: 3, markedConsideredShare: 1 / 3, markedDisagreeShare: 1 / 3 });
  });
});

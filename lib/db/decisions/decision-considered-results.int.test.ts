// The model outputs a board considered are part of the signed record: the signature copies the
// newest clinician mark of each, later marks leave that copy alone, and only shown (non-shadow)
// results of the same case can be named at all. The copies are append-only in the database.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { reviewInferenceResult } from '@/lib/db/inference-results';
import { runModelsForCase } from '@/lib/inference/run-models-for-case';
import { makeTestSpec } from '@/lib/inference/test-support/linear-model';
import { sampleDecisionContent } from '@/lib/test/create-signed-decision';
import { createTestActor } from '@/lib/test/create-test-actor';
import { createInferenceCase, registerTestModel, uniqueModelKey } from '@/lib/test/create-test-model';
import { openRawPg, snapshot } from '@/lib/test/raw-pg';
import { readCaseDecisions } from './read-case-decisions';
import { saveDecisionDraft } from './save-decision-draft';
import { signDecision } from './sign-decision';

let chair: Actor;
let member: Actor;
let referrer: Actor;
let admin: Actor;
let raw: pg.Client;
let shownResultId: string;
let shadowResultId: string;

beforeAll(async () => {
  chair = await createTestActor({ role: 'CLINICIAN', name: 'Chair' });
  member = await createTestActor({ role: 'CLINICIAN', name: 'Member' });
  referrer = await createTestActor({ role: 'CLINICIAN', name: 'Referrer' });
  admin = await createTestActor({ role: 'ADMIN' });
  raw = await openRawPg();
  const modelKey = uniqueModelKey('decision');
  await registerTestModel({ admin, status: 'ACTIVE', spec: makeTestSpec({ modelKey }) });
  await registerTestModel({ admin, status: 'SHADOW', spec: makeTestSpec({ modelKey, version: '1.1.0' }) });
});
afterAll(async () => {
  await raw.end();
});

/** An inference case on a meeting's agenda, `chair` its board's chair; its shown and shadow results. */
async function caseWithResults() {
  const world = await createInferenceCase({ referrer, boardMembers: [chair, member] });
  await db().boardMembership.updateMany({ where: { boardId: world.boardId, userId: chair.id }, data: { role: 'CHAIR' } });
  const meeting = await db().meeting.create({ data: { boardId: world.boardId, startsAt: new Date(Date.now() + 3_600_000), durationMinutes: 60, status: 'PUBLISHED' } });
  await db().agendaItem.create({ data: { meetingId: meeting.id, caseId: world.caseId, position: 0, minutesAllotted: 5 } });
  const results = await runModelsForCase({ actor: referrer, caseId: world.caseId });
  const shown = results.find((r) => !r.shadow);
  const shadow = results.find((r) => r.shadow);
  if (!shown || !shadow) throw new Error(`expected a shown and a shadow result, got ${JSON.stringify(results.map((r) => r.shadow))}`);
  return { caseId: world.caseId, meetingId: meeting.id, shownResultId: shown.resultId, shadowResultId: shadow.resultId };
}

describe('considered model outputs', () => {
  let w: Awaited<ReturnType<typeof caseWithResults>>;
  let decisionId: string;
  let versionId: string;

  beforeAll(async () => {
    w = await caseWithResults();
    shownResultId = w.shownResultId;
    shadowResultId = w.shadowResultId;
  });

  it('copies the newest review mark at signing', async () => {
    await reviewInferenceResult({ actor: member, input: { resultId: shownResultId, mark: 'CONSIDERED' } });
    const newest = await reviewInferenceResult({ actor: member, input: { resultId: shownResultId, mark: 'DISAGREE', reason: 'Weight is outdated.', expectedVersion: 1 } });
    const saved = await saveDecisionDraft({ actor: member, input: { caseId: w.caseId, meetingId: w.meetingId, content: sampleDecisionContent({ consideredResultIds: [shownResultId] }) } });
    decisionId = saved.decisionId;
    const signed = await signDecision({ actor: chair, input: { decisionId, expectedVersion: saved.version }, email: false });
    const version = await db().decisionVersion.findFirstOrThrow({ where: { decisionId, number: signed.versionNumber }, include: { consideredResults: true } });
    versionId = version.id;
    const review2 = await db().inferenceReview.findFirstOrThrow({ where: { resultId: shownResultId, number: newest.version } });
    expect(version.consideredResults).toHaveLength(1);
    expect(version.consideredResults[0]).toMatchObject({ inferenceResultId: shownResultId, reviewId: review2.id, mark: 'DISAGREE', reason: 'Weight is outdated.' });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'decision.sign', entityId: decisionId } });
    expect(audit.detail).toMatchObject({ consideredResultIds: [shownResultId] });
  });

  it('keeps the signed copy when the result is marked again later, and shows that copy', async () => {
    const before = await snapshot(raw, 'SELECT * FROM decision_considered_results WHERE "decisionVersionId" = $1', [versionId]);
    await reviewInferenceResult({ actor: member, input: { resultId: shownResultId, mark: 'CONSIDERED', expectedVersion: 2 } });
    expect(await snapshot(raw, 'SELECT * FROM decision_considered_results WHERE "decisionVersionId" = $1', [versionId])).toBe(before);
    const read = await readCaseDecisions({ actor: referrer, caseId: w.caseId });
    expect(read.decisions[0]!.versions[0]!.consideredResults).toEqual([expect.objectContaining({ resultId: shownResultId, mark: 'DISAGREE', reason: 'Weight is outdated.' })]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the signed copies in plain SQL', async () => {
    const before = await snapshot(raw, 'SELECT * FROM decision_considered_results WHERE "decisionVersionId" = $1', [versionId]);
    await expect(raw.query(`UPDATE decision_considered_results SET mark = 'CONSIDERED', reason = NULL WHERE "decisionVersionId" = $1`, [versionId])).rejects.toThrow(/append-only/);
    await expect(raw.query('DELETE FROM decision_considered_results WHERE "decisionVersionId" = $1', [versionId])).rejects.toThrow(/append-only/);
    await expect(raw.query('TRUNCATE decision_considered_results')).rejects.toThrow(/append-only/);
    expect(await snapshot(raw, 'SELECT * FROM decision_considered_results WHERE "decisionVersionId" = $1', [versionId])).toBe(before);
  });

  it('records "no mark" for a result nobody has marked yet', async () => {
    const other = await caseWithResults();
    const saved = await saveDecisionDraft({ actor: member, input: { caseId: other.caseId, meetingId: other.meetingId, content: sampleDecisionContent({ consideredResultIds: [other.shownResultId] }) } });
    await signDecision({ actor: chair, input: { decisionId: saved.decisionId, expectedVersion: saved.version }, email: false });
    const copies = await db().decisionConsideredResult.findMany({ where: { decisionVersion: { decisionId: saved.decisionId } } });
    expect(copies).toEqual([expect.objectContaining({ inferenceResultId: other.shownResultId, reviewId: null, mark: null, reason: null })]);
  });

  it('refuses a shadow result or another case’s result with a field error, saving nothing', async () => {
    const other = await caseWithResults();
    const count = await db().decision.count({ where: { caseId: other.caseId } });
    for (const foreign of [other.shadowResultId, shownResultId, shadowResultId, 'cnosuchresult000000000000']) {
      await expect(
        saveDecisionDraft({ actor: member, input: { caseId: other.caseId, meetingId: other.meetingId, content: sampleDecisionContent({ consideredResultIds: [other.shownResultId, foreign] }) } }),
      ).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { consideredResultIds: [expect.stringMatching(/not one of this case/)] } });
    }
    expect(await db().decision.count({ where: { caseId: other.caseId } })).toBe(count);

    // A draft saved before a result could be checked again (e.g. edited in SQL) is checked again at signing.
    const saved = await saveDecisionDraft({ actor: member, input: { caseId: other.caseId, meetingId: other.meetingId, content: sampleDecisionContent({ consideredResultIds: [other.shownResultId] }) } });
    await raw.query(`UPDATE decisions SET draft = jsonb_set(draft, '{consideredResultIds}', $2::jsonb) WHERE id = $1`, [saved.decisionId, JSON.stringify([other.shownResultId, shownResultId])]);
    await expect(signDecision({ actor: chair, input: { decisionId: saved.decisionId, expectedVersion: saved.version }, email: false })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { consideredResultIds: [expect.any(String)] },
    });
    expect(await db().decision.findUniqueOrThrow({ where: { id: saved.decisionId } })).toMatchObject({ status: 'DRAFT', version: saved.version });
    expect(await db().decisionVersion.count({ where: { decisionId: saved.decisionId } })).toBe(0);
  });
});

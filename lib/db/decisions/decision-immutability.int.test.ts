// A signed decision cannot change, through the app or around it. Every path a change could take
// is tried after signing: the app's own functions (refused with CONFLICT, nothing written, no
// audit event) and plain SQL on a second connection (refused by the database's triggers and
// checks). After each refusal the rows are compared, column by column, with before.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { sampleDecisionContent } from '@/lib/test/create-signed-decision';
import { createTestActor } from '@/lib/test/create-test-actor';
import { createTestMeeting } from '@/lib/test/create-test-meeting';
import { openRawPg, snapshot } from '@/lib/test/raw-pg';
import { cancelAmendment, startAmendment } from './amendment';
import { saveDecisionDraft } from './save-decision-draft';
import { signDecision } from './sign-decision';

let chair: Actor;
let member: Actor;
let referrer: Actor;
let raw: pg.Client;

beforeAll(async () => {
  chair = await createTestActor({ role: 'CLINICIAN', name: 'Chair' });
  member = await createTestActor({ role: 'CLINICIAN', name: 'Member' });
  referrer = await createTestActor({ role: 'CLINICIAN', name: 'Referrer' });
  raw = await openRawPg();
});
afterAll(async () => {
  await raw.end();
});

interface Signed {
  caseId: string;
  meetingId: string;
  decisionId: string;
  /** The decisions row version after signing. */
  version: number;
  taskId: string;
}

async function signedDecision(): Promise<Signed> {
  const w = await createTestMeeting({ referrer, cases: 1, members: [{ actor: chair, role: 'CHAIR' }, { actor: member, role: 'MEMBER' }] });
  const caseId = w.caseIds[0]!;
  const saved = await saveDecisionDraft({ actor: member, input: { caseId, meetingId: w.meetingId, content: sampleDecisionContent() } });
  const signed = await signDecision({ actor: chair, input: { decisionId: saved.decisionId, expectedVersion: saved.version }, email: false });
  return { caseId, meetingId: w.meetingId, decisionId: saved.decisionId, version: saved.version + 1, taskId: signed.followUpTaskId };
}

/** Everything that makes up the decision: its row, its versions, its follow-up task, its audit trail. */
const everything = async (decisionId: string) => [
  await snapshot(raw, 'SELECT * FROM decisions WHERE id = $1', [decisionId]),
  await snapshot(raw, 'SELECT * FROM decision_versions WHERE "decisionId" = $1', [decisionId]),
  await snapshot(raw, 'SELECT * FROM follow_up_tasks WHERE "decisionId" = $1', [decisionId]),
  await snapshot(raw, 'SELECT id, action FROM audit_events WHERE "entityId" = $1 OR detail->>\'decisionId\' = $1', [decisionId]),
];

/** The statement fails with `message`, and afterwards every row of the decision is as before. */
async function expectRefusedBySql(decisionId: string, sql: string, params: unknown[], message: RegExp) {
  const before = await everything(decisionId);
  await expect(raw.query(sql, params)).rejects.toThrow(message);
  expect(await everything(decisionId)).toEqual(before);
}

describe('a signed decision through the app', () => {
  it('refuses another draft save, a second signature and cancelling a non-existent amendment, writing nothing', async () => {
    const d = await signedDecision();
    const before = await everything(d.decisionId);
    await expect(saveDecisionDraft({ actor: member, input: { caseId: d.caseId, meetingId: d.meetingId, expectedVersion: d.version, content: sampleDecisionContent({ rationale: 'Rewritten after signing.' }) } })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    // A "first save" for the same case and meeting is not a way around it either.
    await expect(saveDecisionDraft({ actor: member, input: { caseId: d.caseId, meetingId: d.meetingId, content: sampleDecisionContent({ rationale: 'A second decision.' }) } })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(signDecision({ actor: chair, input: { decisionId: d.decisionId, expectedVersion: d.version }, email: false })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(signDecision({ actor: chair, input: { decisionId: d.decisionId, expectedVersion: d.version, amendmentReason: 'Sneaky second signature.' }, email: false })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(cancelAmendment({ actor: member, input: { decisionId: d.decisionId, expectedVersion: d.version } })).rejects.toMatchObject({ code: 'CONFLICT' });
    // A stale version does not open an amendment either.
    await expect(startAmendment({ actor: member, input: { decisionId: d.decisionId, expectedVersion: d.version - 1 } })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await everything(d.decisionId)).toEqual(before);
    expect(await db().decision.count({ where: { caseId: d.caseId } })).toBe(1);
  });
});

describe('a signed decision through plain SQL', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of its versions', async () => {
    const d = await signedDecision();
    await expectRefusedBySql(d.decisionId, `UPDATE decision_versions SET content = jsonb_set(content, '{rationale}', '"forged"') WHERE "decisionId" = $1`, [d.decisionId], /append-only|not allowed|refuse/i);
    await expectRefusedBySql(d.decisionId, `UPDATE decision_versions SET "signedById" = $2 WHERE "decisionId" = $1`, [d.decisionId, member.id], /append-only|not allowed|refuse/i);
    await expectRefusedBySql(d.decisionId, `UPDATE decision_versions SET "contentSha256" = repeat('0', 64) WHERE "decisionId" = $1`, [d.decisionId], /append-only|not allowed|refuse/i);
    await expectRefusedBySql(d.decisionId, 'DELETE FROM decision_versions WHERE "decisionId" = $1', [d.decisionId], /append-only|not allowed|refuse/i);
    await expectRefusedBySql(d.decisionId, 'TRUNCATE decision_versions CASCADE', [], /append-only|not allowed|refuse/i);
    // Truncating the parent table would take the versions with it: refused the same way.
    await expectRefusedBySql(d.decisionId, 'TRUNCATE decisions CASCADE', [], /append-only|not allowed|refuse/i);
  });

  it('refuses editing the signed draft, going back to DRAFT, deleting the decision or moving it', async () => {
    const d = await signedDecision();
    const other = await createTestMeeting({ referrer, cases: 1, members: [{ actor: chair, role: 'CHAIR' }] });
    await expectRefusedBySql(d.decisionId, `UPDATE decisions SET draft = jsonb_set(draft, '{rationale}', '"forged"') WHERE id = $1`, [d.decisionId], /signed and immutable/);
    await expectRefusedBySql(d.decisionId, `UPDATE decisions SET status = 'DRAFT' WHERE id = $1`, [d.decisionId], /cannot become a draft again/);
    await expectRefusedBySql(d.decisionId, `UPDATE decisions SET status = 'DRAFT', draft = '{}' WHERE id = $1`, [d.decisionId], /cannot become a draft again/);
    await expectRefusedBySql(d.decisionId, 'DELETE FROM decisions WHERE id = $1', [d.decisionId], /cannot be deleted/);
    await expectRefusedBySql(d.decisionId, 'UPDATE decisions SET "caseId" = $2 WHERE id = $1', [d.decisionId, other.caseIds[0]], /another case or meeting/);
    await expectRefusedBySql(d.decisionId, 'UPDATE decisions SET "meetingId" = $2 WHERE id = $1', [d.decisionId, other.meetingId], /another case or meeting/);
  });

  it('refuses an open amendment going back to DRAFT or being deleted, and signing it without a matching version', async () => {
    const d = await signedDecision();
    await startAmendment({ actor: member, input: { decisionId: d.decisionId, expectedVersion: d.version } });
    await raw.query(`UPDATE decisions SET draft = jsonb_set(draft, '{rationale}', '"amended text"'), version = version + 1 WHERE id = $1`, [d.decisionId]);
    await expectRefusedBySql(d.decisionId, `UPDATE decisions SET status = 'DRAFT' WHERE id = $1`, [d.decisionId], /cannot become a draft again/);
    await expectRefusedBySql(d.decisionId, 'DELETE FROM decisions WHERE id = $1', [d.decisionId], /cannot be deleted/);
    // "Signed" with the amended text but without the version that would record it.
    await expectRefusedBySql(d.decisionId, `UPDATE decisions SET status = 'SIGNED' WHERE id = $1`, [d.decisionId], /only be SIGNED with a signed version equal/);
  });

  it('refuses SIGNED without a version, and AMENDING or an inserted SIGNED row that was never signed', async () => {
    const w = await createTestMeeting({ referrer, cases: 2, members: [{ actor: chair, role: 'CHAIR' }, { actor: member, role: 'MEMBER' }] });
    const draft = await saveDecisionDraft({ actor: member, input: { caseId: w.caseIds[0]!, meetingId: w.meetingId, content: sampleDecisionContent() } });
    await expectRefusedBySql(draft.decisionId, `UPDATE decisions SET status = 'SIGNED' WHERE id = $1`, [draft.decisionId], /only be SIGNED with a signed version equal/);
    await expectRefusedBySql(draft.decisionId, `UPDATE decisions SET status = 'AMENDING' WHERE id = $1`, [draft.decisionId], /has no signed version to amend/);
    const count = await db().decision.count({ where: { caseId: w.caseIds[1]! } });
    await expect(
      raw.query(`INSERT INTO decisions (id, "caseId", "meetingId", status, draft, "updatedAt") VALUES ('forged-signed-decision', $1, $2, 'SIGNED', '{}', now())`, [w.caseIds[1], w.meetingId]),
    ).rejects.toThrow(/starts as a DRAFT/);
    await expect(
      raw.query(`INSERT INTO decisions (id, "caseId", "meetingId", status, draft, "updatedAt") VALUES ('forged-amending-decision', $1, $2, 'AMENDING', '{}', now())`, [w.caseIds[1], w.meetingId]),
    ).rejects.toThrow(/starts as a DRAFT/);
    expect(await db().decision.count({ where: { caseId: w.caseIds[1]! } })).toBe(count);
  });

  it('refuses a version number with a gap, a repeated number, and an amendment without a reason', async () => {
    const d = await signedDecision();
    const insert = (number: number, reason: string | null) =>
      expectRefusedBySql(
        d.decisionId,
        `INSERT INTO decision_versions (id, "decisionId", number, content, "amendmentReason", "signedById", "contentSha256") SELECT 'forged-' || $2::text, id, $2::int, draft, $3, $4, repeat('a', 64) FROM decisions WHERE id = $1`,
        [d.decisionId, number, reason, chair.id],
        number === 2 ? /needs a reason/ : /must get version 2 next/,
      );
    await insert(3, 'Skipping a number.');
    await insert(1, null);
    await insert(2, null);
    await insert(2, '   ');
  });

  it('refuses a version forged beside the signing path: on a signed decision, by a non-chair, with a bogus hash, or without signing the decision', async () => {
    const d = await signedDecision();
    const forge = `INSERT INTO decision_versions (id, "decisionId", number, content, "amendmentReason", "signedById", "contentSha256") SELECT $5, id, $2::int, $6::jsonb, $3, $4, $7 FROM decisions WHERE id = $1`;
    const palliative = JSON.stringify(sampleDecisionContent({ intent: 'PALLIATIVE' }));
    // A second version on a SIGNED decision (no amendment opened), even by the chair with a reason.
    await expectRefusedBySql(d.decisionId, forge, [d.decisionId, 2, 'Quietly changed.', chair.id, 'forged-v2', palliative, 'a'.repeat(64)], /only added by signing its draft or an open amendment/);

    const w = await createTestMeeting({ referrer, cases: 1, members: [{ actor: chair, role: 'CHAIR' }, { actor: member, role: 'MEMBER' }] });
    const draft = await saveDecisionDraft({ actor: member, input: { caseId: w.caseIds[0]!, meetingId: w.meetingId, content: sampleDecisionContent() } });
    const draftContent = JSON.stringify(sampleDecisionContent());
    await expectRefusedBySql(draft.decisionId, forge, [draft.decisionId, 1, null, member.id, 'forged-member', draftContent, 'a'.repeat(64)], /only an active chair/);
    await expectRefusedBySql(draft.decisionId, forge, [draft.decisionId, 1, null, chair.id, 'forged-hash', draftContent, 'not-a-hash'], /sha256/);
    // By the chair, well-formed, but the decision is left a DRAFT: refused when the statement commits.
    await expectRefusedBySql(draft.decisionId, forge, [draft.decisionId, 1, null, chair.id, 'forged-unsigned', draftContent, 'a'.repeat(64)], /added without signing the decision/);
    expect(await db().decisionVersion.count({ where: { decisionId: draft.decisionId } })).toBe(0);
  });

  it('refuses a follow-up outcome without its reason, and an outcome without a completion time', async () => {
    const d = await signedDecision();
    await expectRefusedBySql(d.decisionId, `UPDATE follow_up_tasks SET status = 'NOT_IMPLEMENTED', "completedAt" = now() WHERE id = $1`, [d.taskId], /follow_up_tasks_outcome_check/);
    await expectRefusedBySql(d.decisionId, `UPDATE follow_up_tasks SET status = 'MODIFIED', "completedAt" = now() WHERE id = $1`, [d.taskId], /follow_up_tasks_outcome_check/);
    await expectRefusedBySql(d.decisionId, `UPDATE follow_up_tasks SET status = 'IMPLEMENTED' WHERE id = $1`, [d.taskId], /follow_up_tasks_outcome_check/);
    await expectRefusedBySql(d.decisionId, `UPDATE follow_up_tasks SET reason = 'PATIENT_WISH' WHERE id = $1`, [d.taskId], /follow_up_tasks_outcome_check/);
  });
});

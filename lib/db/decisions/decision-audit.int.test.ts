// Every change to a decision leaves exactly its audit events, naming the patient, written by
// the same transaction as the change (the rows' xmin, the id of the transaction that wrote
// them, is the same); a refused call leaves none. The signature's event quotes the content's
// fingerprint, recomputed here independently of the app's helper.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { canonicalJson } from '@/lib/fhir/source-hash';
import { sampleDecisionContent } from '@/lib/test/create-signed-decision';
import { createTestActor } from '@/lib/test/create-test-actor';
import { createTestMeeting } from '@/lib/test/create-test-meeting';
import { openRawPg } from '@/lib/test/raw-pg';
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

const ACTIONS = ['decision.draft_save', 'decision.sign', 'decision.amend_start', 'decision.amend_cancel', 'follow_up.create'] as const;

/** Audit rows per action about this decision or its follow-up task. */
async function counts(decisionId: string): Promise<Record<string, number>> {
  const rows = await raw.query<{ action: string; n: number }>(
    `SELECT action, count(*)::int AS n FROM audit_events WHERE action = ANY($2) AND ("entityId" = $1 OR detail->>'decisionId' = $1) GROUP BY action`,
    [decisionId, ACTIONS],
  );
  return Object.fromEntries(ACTIONS.map((a) => [a, rows.rows.find((r) => r.action === a)?.n ?? 0]));
}

/** The newest audit row of an action on an entity, with the id of the transaction that wrote it. */
async function newestEvent(action: string, entityId: string) {
  const r = await raw.query<{ xid: string; patientId: string; detail: Record<string, unknown>; actorId: string }>(
    'SELECT xmin::text AS xid, "patientId", detail, "actorId" FROM audit_events WHERE action = $1 AND "entityId" = $2 ORDER BY id DESC LIMIT 1',
    [action, entityId],
  );
  return r.rows[0]!;
}
const xminOf = async (table: string, column: string, id: string) => (await raw.query<{ xid: string }>(`SELECT xmin::text AS xid FROM ${table} WHERE "${column}" = $1`, [id])).rows[0]!.xid;

describe('audit events of decisions', () => {
  it('writes exactly one event per successful save, signature, amendment start and cancel, in the change’s transaction', async () => {
    const w = await createTestMeeting({ referrer, cases: 1, members: [{ actor: chair, role: 'CHAIR' }, { actor: member, role: 'MEMBER' }] });
    const caseId = w.caseIds[0]!;
    const { patientId } = await db().case.findUniqueOrThrow({ where: { id: caseId }, select: { patientId: true } });
    const zero = Object.fromEntries(ACTIONS.map((a) => [a, 0]));

    const content = sampleDecisionContent();
    const first = await saveDecisionDraft({ actor: member, input: { caseId, meetingId: w.meetingId, content: sampleDecisionContent({ rationale: 'first' }) } });
    const id = first.decisionId;
    expect(await counts(id)).toEqual({ ...zero, 'decision.draft_save': 1 });
    let event = await newestEvent('decision.draft_save', id);
    expect(event).toMatchObject({ patientId, actorId: member.id, detail: { decisionId: id, version: first.version, created: true } });
    expect(event.xid).toBe(await xminOf('decisions', 'id', id));

    const second = await saveDecisionDraft({ actor: member, input: { caseId, meetingId: w.meetingId, expectedVersion: first.version, content } });
    expect(await counts(id)).toEqual({ ...zero, 'decision.draft_save': 2 });
    event = await newestEvent('decision.draft_save', id);
    expect(event).toMatchObject({ patientId, detail: { version: second.version, created: false } });
    expect(event.xid).toBe(await xminOf('decisions', 'id', id));

    const signed = await signDecision({ actor: chair, input: { decisionId: id, expectedVersion: second.version }, email: false });
    expect(await counts(id)).toEqual({ ...zero, 'decision.draft_save': 2, 'decision.sign': 1, 'follow_up.create': 1 });
    const sign = await newestEvent('decision.sign', id);
    const expectedSha = createHash('sha256').update(canonicalJson(content)).digest('hex');
    expect(sign).toMatchObject({ patientId, actorId: chair.id, detail: { decisionId: id, versionNumber: 1, contentSha256: expectedSha, amendmentReason: null } });
    expect(signed.contentSha256).toBe(expectedSha);
    const version = await db().decisionVersion.findFirstOrThrow({ where: { decisionId: id, number: 1 } });
    expect(version.contentSha256).toBe(expectedSha);
    const followUp = await newestEvent('follow_up.create', signed.followUpTaskId);
    expect(followUp).toMatchObject({ patientId, detail: { taskId: signed.followUpTaskId, decisionId: id, ownerId: referrer.id, updated: false } });
    // Version, task, the decisions row and both events: one transaction.
    const signTx = await xminOf('decision_versions', 'id', version.id);
    expect(sign.xid).toBe(signTx);
    expect(followUp.xid).toBe(signTx);
    expect(await xminOf('follow_up_tasks', 'id', signed.followUpTaskId)).toBe(signTx);
    expect(await xminOf('decisions', 'id', id)).toBe(signTx);

    const opened = await startAmendment({ actor: member, input: { decisionId: id, expectedVersion: second.version + 1 } });
    expect(await counts(id)).toEqual({ ...zero, 'decision.draft_save': 2, 'decision.sign': 1, 'follow_up.create': 1, 'decision.amend_start': 1 });
    event = await newestEvent('decision.amend_start', id);
    expect(event).toMatchObject({ patientId, actorId: member.id, detail: { decisionId: id, fromVersionNumber: 1 } });
    expect(event.xid).toBe(await xminOf('decisions', 'id', id));

    const cancelled = await cancelAmendment({ actor: member, input: { decisionId: id, expectedVersion: opened.version } });
    expect(await counts(id)).toEqual({ ...zero, 'decision.draft_save': 2, 'decision.sign': 1, 'follow_up.create': 1, 'decision.amend_start': 1, 'decision.amend_cancel': 1 });
    event = await newestEvent('decision.amend_cancel', id);
    expect(event).toMatchObject({ patientId, detail: { decisionId: id, versionNumber: 1 } });
    expect(event.xid).toBe(await xminOf('decisions', 'id', id));

    // An amendment signed: one more sign event carrying its reason; the task is unchanged, so no follow_up.create.
    const reopened = await startAmendment({ actor: member, input: { decisionId: id, expectedVersion: cancelled.version } });
    const amendedContent = sampleDecisionContent({ rationale: 'Amended rationale.' });
    const amendedSave = await saveDecisionDraft({ actor: member, input: { caseId, meetingId: w.meetingId, expectedVersion: reopened.version, content: amendedContent } });
    await signDecision({ actor: chair, input: { decisionId: id, expectedVersion: amendedSave.version, amendmentReason: 'Rationale incomplete.' }, email: false });
    expect(await counts(id)).toEqual({ 'decision.draft_save': 3, 'decision.sign': 2, 'follow_up.create': 1, 'decision.amend_start': 2, 'decision.amend_cancel': 1 });
    expect((await newestEvent('decision.sign', id)).detail).toMatchObject({
      versionNumber: 2,
      amendmentReason: 'Rationale incomplete.',
      contentSha256: createHash('sha256').update(canonicalJson(amendedContent)).digest('hex'),
    });
  });

  it('writes no event for a refused save, signature, amendment start or cancel', async () => {
    const w = await createTestMeeting({ referrer, cases: 1, members: [{ actor: chair, role: 'CHAIR' }, { actor: member, role: 'MEMBER' }] });
    const caseId = w.caseIds[0]!;
    const incomplete = await saveDecisionDraft({ actor: member, input: { caseId, meetingId: w.meetingId, content: sampleDecisionContent({ rationale: '' }) } });
    const id = incomplete.decisionId;
    const before = await counts(id);
    const refused = [
      // stale version
      () => saveDecisionDraft({ actor: member, input: { caseId, meetingId: w.meetingId, expectedVersion: incomplete.version + 5, content: sampleDecisionContent() } }),
      // a second first save
      () => saveDecisionDraft({ actor: member, input: { caseId, meetingId: w.meetingId, content: sampleDecisionContent() } }),
      // not the chair
      () => signDecision({ actor: member, input: { decisionId: id, expectedVersion: incomplete.version }, email: false }),
      // not signable (no rationale)
      () => signDecision({ actor: chair, input: { decisionId: id, expectedVersion: incomplete.version }, email: false }),
      // nothing signed to amend, no amendment to cancel
      () => startAmendment({ actor: member, input: { decisionId: id, expectedVersion: incomplete.version } }),
      () => cancelAmendment({ actor: member, input: { decisionId: id, expectedVersion: incomplete.version } }),
    ];
    for (const call of refused) await expect(call()).rejects.toMatchObject({ code: expect.stringMatching(/^(CONFLICT|FORBIDDEN|VALIDATION)$/) });
    expect(await counts(id)).toEqual(before);
    expect(await db().decision.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'DRAFT', version: incomplete.version });
  });
});

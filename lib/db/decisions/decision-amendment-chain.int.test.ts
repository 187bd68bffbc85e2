// Amendments add versions beside the signed ones and never touch them: v1 → v2 → v3, each with
// its reason, signer and time; the earlier versions stay byte for byte what was signed. Only
// the board's chair signs an amendment, and a coordinator cannot even open one.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { decisionContentSha256 } from '@/lib/decisions/content-hash';
import { decisionContentSchema, type DecisionContent } from '@/lib/schemas/decision';
import { sampleDecisionContent } from '@/lib/test/create-signed-decision';
import { createTestActor } from '@/lib/test/create-test-actor';
import { createTestMeeting } from '@/lib/test/create-test-meeting';
import { openRawPg, snapshot } from '@/lib/test/raw-pg';
import { startAmendment } from './amendment';
import { readCaseDecisions } from './read-case-decisions';
import { saveDecisionDraft } from './save-decision-draft';
import { signDecision } from './sign-decision';

let chair: Actor;
let member: Actor;
let referrer: Actor;
let otherChair: Actor;
let coordinator: Actor;
let raw: pg.Client;

beforeAll(async () => {
  chair = await createTestActor({ role: 'CLINICIAN', name: 'Chair' });
  member = await createTestActor({ role: 'CLINICIAN', name: 'Member' });
  referrer = await createTestActor({ role: 'CLINICIAN', name: 'Referrer' });
  otherChair = await createTestActor({ role: 'CLINICIAN', name: 'Chair elsewhere' });
  coordinator = await createTestActor({ role: 'COORDINATOR', name: 'Coordinator' });
  raw = await openRawPg();
});
afterAll(async () => {
  await raw.end();
});

const world = async () => {
  const w = await createTestMeeting({ referrer, cases: 1, members: [{ actor: chair, role: 'CHAIR' }, { actor: member, role: 'MEMBER' }, { actor: coordinator, role: 'COORDINATOR' }] });
  // otherChair chairs another board: a chair, just not of this decision's board.
  await createTestMeeting({ referrer, cases: 0, members: [{ actor: otherChair, role: 'CHAIR' }] });
  return { caseId: w.caseIds[0]!, meetingId: w.meetingId };
};

/** Opens an amendment, saves `content` into it, signs it with `reason`; returns the row version after. */
async function amend(args: { decisionId: string; caseId: string; meetingId: string; version: number; content: DecisionContent; reason: string }): Promise<number> {
  const opened = await startAmendment({ actor: member, input: { decisionId: args.decisionId, expectedVersion: args.version } });
  const saved = await saveDecisionDraft({ actor: member, input: { caseId: args.caseId, meetingId: args.meetingId, expectedVersion: opened.version, content: args.content } });
  await signDecision({ actor: chair, input: { decisionId: args.decisionId, expectedVersion: saved.version, amendmentReason: args.reason }, email: false });
  return saved.version + 1;
}

const versionRow = (decisionId: string, number: number) => snapshot(raw, 'SELECT * FROM decision_versions WHERE "decisionId" = $1 AND number = $2', [decisionId, number]);

describe('the amendment chain', () => {
  it('keeps v1 and v2 byte-identical while v2 and v3 are added, each with reason, signer and time', async () => {
    const { caseId, meetingId } = await world();
    const c1 = sampleDecisionContent();
    const c2 = sampleDecisionContent({ rationale: 'Resectable stage IIA disease; ECOG 1 (corrected).' });
    const c3 = sampleDecisionContent({ rationale: 'Resectable stage IIA disease; ECOG 1 (corrected).', intent: 'PALLIATIVE' });
    const saved = await saveDecisionDraft({ actor: member, input: { caseId, meetingId, content: c1 } });
    const t0 = new Date();
    await signDecision({ actor: chair, input: { decisionId: saved.decisionId, expectedVersion: saved.version }, email: false });
    const v1 = await versionRow(saved.decisionId, 1);

    let version = await amend({ decisionId: saved.decisionId, caseId, meetingId, version: saved.version + 1, content: c2, reason: 'ECOG was misread.' });
    const v2 = await versionRow(saved.decisionId, 2);
    expect(await versionRow(saved.decisionId, 1)).toBe(v1);
    version = await amend({ decisionId: saved.decisionId, caseId, meetingId, version, content: c3, reason: 'Metastasis found on PET: palliative.' });
    expect(await versionRow(saved.decisionId, 1)).toBe(v1);
    expect(await versionRow(saved.decisionId, 2)).toBe(v2);

    const rows = await db().decisionVersion.findMany({ where: { decisionId: saved.decisionId }, orderBy: { number: 'asc' } });
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3]);
    expect(rows.map((r) => r.amendmentReason)).toEqual([null, 'ECOG was misread.', 'Metastasis found on PET: palliative.']);
    expect(rows.map((r) => r.signedById)).toEqual([chair.id, chair.id, chair.id]);
    for (const [i, content] of [c1, c2, c3].entries()) {
      expect(rows[i]!.content).toEqual(content);
      // The stored fingerprint is the content's, recomputed here from what was stored.
      expect(rows[i]!.contentSha256).toBe(decisionContentSha256(decisionContentSchema.parse(rows[i]!.content)));
      expect(rows[i]!.contentSha256).toBe(decisionContentSha256(content));
    }
    expect(rows[0]!.signedAt.getTime()).toBeGreaterThanOrEqual(t0.getTime() - 1000);
    expect(rows[1]!.signedAt.getTime()).toBeGreaterThanOrEqual(rows[0]!.signedAt.getTime());
    expect(rows[2]!.signedAt.getTime()).toBeGreaterThanOrEqual(rows[1]!.signedAt.getTime());
    // The decisions row is the newest version, signed.
    const row = await db().decision.findUniqueOrThrow({ where: { id: saved.decisionId } });
    expect(row).toMatchObject({ status: 'SIGNED', version });
    expect(row.draft).toEqual(c3);
    // One follow-up task for the whole chain.
    expect(await db().followUpTask.count({ where: { decisionId: saved.decisionId } })).toBe(1);

    const read = await readCaseDecisions({ actor: referrer, caseId });
    const shown = read.decisions[0]!.versions;
    expect(shown.map((v) => v.number)).toEqual([3, 2, 1]);
    expect(shown.map((v) => v.amendmentReason)).toEqual(['Metastasis found on PET: palliative.', 'ECOG was misread.', null]);
    expect(shown.map((v) => v.signedBy.id)).toEqual([chair.id, chair.id, chair.id]);
    expect(shown.map((v) => v.contentSha256)).toEqual([rows[2]!.contentSha256, rows[1]!.contentSha256, rows[0]!.contentSha256]);
    expect(shown[2]!.content).toEqual(c1);
  });

  it('refuses an amendment that changes nothing, leaving it open and the versions as they were', async () => {
    const { caseId, meetingId } = await world();
    const saved = await saveDecisionDraft({ actor: member, input: { caseId, meetingId, content: sampleDecisionContent() } });
    await signDecision({ actor: chair, input: { decisionId: saved.decisionId, expectedVersion: saved.version }, email: false });
    const opened = await startAmendment({ actor: member, input: { decisionId: saved.decisionId, expectedVersion: saved.version + 1 } });
    // Unchanged, and re-saved unchanged (an autosave of the same text).
    await expect(signDecision({ actor: chair, input: { decisionId: saved.decisionId, expectedVersion: opened.version, amendmentReason: 'No reason really.' }, email: false })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/changes nothing/),
    });
    const resaved = await saveDecisionDraft({ actor: member, input: { caseId, meetingId, expectedVersion: opened.version, content: sampleDecisionContent() } });
    const before = await snapshot(raw, 'SELECT * FROM decision_versions WHERE "decisionId" = $1', [saved.decisionId]);
    await expect(signDecision({ actor: chair, input: { decisionId: saved.decisionId, expectedVersion: resaved.version, amendmentReason: 'No reason really.' }, email: false })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await snapshot(raw, 'SELECT * FROM decision_versions WHERE "decisionId" = $1', [saved.decisionId])).toBe(before);
    expect(await db().decision.findUniqueOrThrow({ where: { id: saved.decisionId } })).toMatchObject({ status: 'AMENDING', version: resaved.version });
    expect(await db().auditEvent.count({ where: { action: 'decision.sign', entityId: saved.decisionId } })).toBe(1);
  });

  it('lets only this board’s chair sign an amendment; a coordinator can neither open, edit nor sign one', async () => {
    const { caseId, meetingId } = await world();
    const saved = await saveDecisionDraft({ actor: member, input: { caseId, meetingId, content: sampleDecisionContent() } });
    await signDecision({ actor: chair, input: { decisionId: saved.decisionId, expectedVersion: saved.version }, email: false });
    await expect(startAmendment({ actor: coordinator, input: { decisionId: saved.decisionId, expectedVersion: saved.version + 1 } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const opened = await startAmendment({ actor: member, input: { decisionId: saved.decisionId, expectedVersion: saved.version + 1 } });
    await expect(saveDecisionDraft({ actor: coordinator, input: { caseId, meetingId, expectedVersion: opened.version, content: sampleDecisionContent({ rationale: 'By the coordinator.' }) } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const edited = await saveDecisionDraft({ actor: member, input: { caseId, meetingId, expectedVersion: opened.version, content: sampleDecisionContent({ rationale: 'Corrected by a member.' }) } });
    const input = { decisionId: saved.decisionId, expectedVersion: edited.version, amendmentReason: 'Correction.' };
    await expect(signDecision({ actor: member, input, email: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(signDecision({ actor: coordinator, input, email: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // A chair of another board is not this board's chair (and does not even see the case).
    await expect(signDecision({ actor: otherChair, input, email: false })).rejects.toMatchObject({ code: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/) });
    expect(await db().decisionVersion.count({ where: { decisionId: saved.decisionId } })).toBe(1);
    expect(await db().decision.findUniqueOrThrow({ where: { id: saved.decisionId } })).toMatchObject({ status: 'AMENDING', version: edited.version });
    const signed = await signDecision({ actor: chair, input, email: false });
    expect(signed.versionNumber).toBe(2);
  });
});

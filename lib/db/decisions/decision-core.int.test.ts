// The decision's life in the database: draft → signed (version 1, follow-up task) → amendment
// (version 2 with its reason), with the chair rule and the version checks.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { createTestActor } from '@/lib/test/create-test-actor';
import { createTestMeeting } from '@/lib/test/create-test-meeting';
import { sampleDecisionContent } from '@/lib/test/create-signed-decision';
import { decisionContentSchema } from '@/lib/schemas/decision';
import { cancelAmendment, startAmendment } from './amendment';
import { readCaseDecisions } from './read-case-decisions';
import { saveDecisionDraft } from './save-decision-draft';
import { signDecision } from './sign-decision';

let chair: Actor;
let member: Actor;
let referrer: Actor;

beforeAll(async () => {
  chair = await createTestActor({ role: 'CLINICIAN', name: 'Chair' });
  member = await createTestActor({ role: 'CLINICIAN', name: 'Member' });
  referrer = await createTestActor({ role: 'CLINICIAN', name: 'Referrer' });
});

const world = () => createTestMeeting({ referrer, cases: 1, members: [{ actor: chair, role: 'CHAIR' }, { actor: member, role: 'MEMBER' }] });

describe('decision core', () => {
  it('signs a draft into version 1 with a follow-up for the referrer, then amends it into version 2', async () => {
    const w = await world();
    const caseId = w.caseIds[0]!;
    const first = await saveDecisionDraft({ actor: member, input: { caseId, meetingId: w.meetingId, content: sampleDecisionContent({ rationale: 'draft' }) } });
    const second = await saveDecisionDraft({ actor: member, input: { caseId, meetingId: w.meetingId, expectedVersion: first.version, content: sampleDecisionContent() } });
    await expect(signDecision({ actor: member, input: { decisionId: first.decisionId, expectedVersion: second.version }, email: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const signed = await signDecision({ actor: chair, input: { decisionId: first.decisionId, expectedVersion: second.version }, email: false });
    expect(signed.versionNumber).toBe(1);
    const task = await db().followUpTask.findUniqueOrThrow({ where: { id: signed.followUpTaskId } });
    expect(task.ownerId).toBe(referrer.id);
    expect((await db().case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('DECIDED');

    await expect(saveDecisionDraft({ actor: member, input: { caseId, meetingId: w.meetingId, expectedVersion: second.version + 1, content: sampleDecisionContent({ rationale: 'changed' }) } })).rejects.toMatchObject({ code: 'CONFLICT' });

    const opened = await startAmendment({ actor: member, input: { decisionId: first.decisionId, expectedVersion: second.version + 1 } });
    const edited = await saveDecisionDraft({ actor: member, input: { caseId, meetingId: w.meetingId, expectedVersion: opened.version, content: sampleDecisionContent({ rationale: 'Corrected: ECOG 1.' }) } });
    await expect(signDecision({ actor: chair, input: { decisionId: first.decisionId, expectedVersion: edited.version }, email: false })).rejects.toMatchObject({ code: 'VALIDATION' });
    const amended = await signDecision({ actor: chair, input: { decisionId: first.decisionId, expectedVersion: edited.version, amendmentReason: 'ECOG was misread.' }, email: false });
    expect(amended.versionNumber).toBe(2);
    expect(amended.followUpTaskId).toBe(signed.followUpTaskId);

    const read = await readCaseDecisions({ actor: referrer, caseId });
    expect(read.decisions[0]!.versions.map((v) => v.number)).toEqual([2, 1]);
    expect(read.decisions[0]!.versions[0]!.amendmentReason).toBe('ECOG was misread.');
    expect(read.canSign).toBe(false);
    expect((await readCaseDecisions({ actor: chair, caseId })).canSign).toBe(true);
  });

  it('abandons an amendment back to the signed content', async () => {
    const w = await world();
    const caseId = w.caseIds[0]!;
    const d = await saveDecisionDraft({ actor: member, input: { caseId, meetingId: w.meetingId, content: sampleDecisionContent() } });
    await signDecision({ actor: chair, input: { decisionId: d.decisionId, expectedVersion: d.version }, email: false });
    const opened = await startAmendment({ actor: member, input: { decisionId: d.decisionId, expectedVersion: d.version + 1 } });
    const edited = await saveDecisionDraft({ actor: member, input: { caseId, meetingId: w.meetingId, expectedVersion: opened.version, content: sampleDecisionContent({ rationale: 'Something else' }) } });
    await cancelAmendment({ actor: member, input: { decisionId: d.decisionId, expectedVersion: edited.version } });
    const row = await db().decision.findUniqueOrThrow({ where: { id: d.decisionId } });
    expect(row.status).toBe('SIGNED');
    expect((row.draft as { rationale: string }).rationale).toBe(sampleDecisionContent().rationale);
  });

  it('lets only board members write the decision, and names only the case’s people in it', async () => {
    const w = await world();
    const caseId = w.caseIds[0]!;
    const outsider = await createTestActor({ role: 'CLINICIAN', name: 'Other board' });
    // The referrer reads the case but is not on the board: no draft, no amendment.
    await expect(saveDecisionDraft({ actor: referrer, input: { caseId, meetingId: w.meetingId, content: sampleDecisionContent() } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await readCaseDecisions({ actor: referrer, caseId })).canEdit).toBe(false);
    // A follow-up owner, attendee or dissenter from outside the case is refused with the field.
    await expect(saveDecisionDraft({ actor: member, input: { caseId, meetingId: w.meetingId, content: sampleDecisionContent({ followUpOwnerId: outsider.id }) } })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { followUpOwnerId: [expect.stringContaining('clinician of this board')] },
    });
    await expect(saveDecisionDraft({ actor: member, input: { caseId, meetingId: w.meetingId, content: sampleDecisionContent({ attendeeIds: [outsider.id] }) } })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await db().decision.count({ where: { caseId } })).toBe(0);
    // The referrer may own the follow-up (the default), and a named member too.
    const leaving = await createTestActor({ role: 'CLINICIAN', name: 'Resident, leaving' });
    await db().boardMembership.create({ data: { boardId: w.boardId, userId: leaving.id, role: 'MEMBER' } });
    const attendeeIds = [chair.id, member.id, leaving.id];
    const saved = await saveDecisionDraft({ actor: member, input: { caseId, meetingId: w.meetingId, content: sampleDecisionContent({ followUpOwnerId: member.id, attendeeIds }) } });
    const signed = await signDecision({ actor: chair, input: { decisionId: saved.decisionId, expectedVersion: saved.version }, email: false });
    const opened = await startAmendment({ actor: member, input: { decisionId: saved.decisionId, expectedVersion: saved.version + 1 } });
    await expect(cancelAmendment({ actor: referrer, input: { decisionId: saved.decisionId, expectedVersion: opened.version } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // An attendee who has since been deactivated (and left the board) stays on the amendment's record.
    await db().user.update({ where: { id: leaving.id }, data: { active: false } });
    await db().boardMembership.deleteMany({ where: { userId: leaving.id } });
    const resaved = await saveDecisionDraft({ actor: member, input: { caseId, meetingId: w.meetingId, expectedVersion: opened.version, content: sampleDecisionContent({ followUpOwnerId: member.id, attendeeIds, rationale: 'Amended rationale.' }) } });
    expect(resaved.status).toBe('AMENDING');
    expect(signed.versionNumber).toBe(1);
  });

  it('refuses an impossible or past follow-up date', async () => {
    const w = await world();
    const caseId = w.caseIds[0]!;
    expect(decisionContentSchema.safeParse({ ...sampleDecisionContent(), followUpDueOn: '2026-02-31' }).success).toBe(false);
    const saved = await saveDecisionDraft({ actor: member, input: { caseId, meetingId: w.meetingId, content: sampleDecisionContent({ followUpDueOn: '2020-01-01' }) } });
    await expect(signDecision({ actor: chair, input: { decisionId: saved.decisionId, expectedVersion: saved.version }, email: false })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { followUpDueOn: [expect.any(String)] },
    });
  });
});

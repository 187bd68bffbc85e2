// The benchmark's verdict must be able to say FAIL: the checks of decision-bench-verify.ts
// against a real decision, first with the true acknowledgements (nothing to report), then with
// forged ones and with changes made behind the app's back (each reported).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { startAmendment } from '@/lib/db/decisions/amendment';
import { saveDecisionDraft } from '@/lib/db/decisions/save-decision-draft';
import { signDecision } from '@/lib/db/decisions/sign-decision';
import { sampleDecisionContent } from '@/lib/test/create-signed-decision';
import { createTestActor } from '@/lib/test/create-test-actor';
import { createTestMeeting } from '@/lib/test/create-test-meeting';
import { openRawPg } from '@/lib/test/raw-pg';
import { verifyDecisionBench, type Ack, type Verification } from './decision-bench-verify';

let chair: Actor;
let member: Actor;

beforeAll(async () => {
  chair = await createTestActor({ role: 'CLINICIAN' });
  member = await createTestActor({ role: 'CLINICIAN' });
});

/** Save, save, sign, open an amendment — with the acknowledgements the server gave. */
async function history(): Promise<{ decisionId: string; acks: Ack[] }> {
  const w = await createTestMeeting({ referrer: member, cases: 1, members: [{ actor: chair, role: 'CHAIR' }, { actor: member, role: 'MEMBER' }] });
  const caseId = w.caseIds[0]!;
  const a = await saveDecisionDraft({ actor: member, input: { caseId, meetingId: w.meetingId, content: sampleDecisionContent({ rationale: 'edit a' }) } });
  const b = await saveDecisionDraft({ actor: member, input: { caseId, meetingId: w.meetingId, expectedVersion: a.version, content: sampleDecisionContent({ rationale: 'edit b' }) } });
  const s = await signDecision({ actor: chair, input: { decisionId: a.decisionId, expectedVersion: b.version }, email: false });
  const o = await startAmendment({ actor: member, input: { decisionId: a.decisionId, expectedVersion: b.version + 1 } });
  return {
    decisionId: a.decisionId,
    acks: [
      { kind: 'save', decisionId: a.decisionId, rowVersion: a.version, marker: 'edit a' },
      { kind: 'save', decisionId: a.decisionId, rowVersion: b.version, marker: 'edit b' },
      { kind: 'sign', decisionId: a.decisionId, rowVersion: b.version + 1, versionNumber: s.versionNumber, contentSha256: s.contentSha256 },
      { kind: 'amend_start', decisionId: a.decisionId, rowVersion: o.version },
    ],
  };
}

/** The findings about one decision (the run's database holds other tests' decisions too). */
async function findings(decisionId: string, acks: Ack[]) {
  const v: Verification = await verifyDecisionBench(process.env.DATABASE_URL!, acks);
  const about = (list: string[]) => list.filter((s) => s.includes(decisionId));
  return { lost: about(v.lost), duplicated: about(v.duplicated), unacknowledged: about(v.unacknowledgedCommits), auditGaps: about(v.auditGaps) };
}

describe('the decision benchmark’s verification', () => {
  it('finds nothing wrong with the true acknowledgements', async () => {
    const { decisionId, acks } = await history();
    expect(await findings(decisionId, acks)).toEqual({ lost: [], duplicated: [], unacknowledged: [], auditGaps: [] });
  });

  it('reports a forged acknowledgement as lost, two acknowledgements of one version as duplicated, and an unacknowledged commit', async () => {
    const { decisionId, acks } = await history();
    expect((await findings(decisionId, [...acks, { kind: 'save', decisionId, rowVersion: 9, marker: 'never written' }])).lost).toHaveLength(2);
    expect((await findings(decisionId, [...acks, { kind: 'save', decisionId, rowVersion: 1, marker: 'edit c' }])).duplicated).toHaveLength(1);
    const wrongSha = acks.map((a) => (a.kind === 'sign' ? { ...a, contentSha256: '0'.repeat(64) } : a));
    expect((await findings(decisionId, wrongSha)).lost).toHaveLength(1);
    expect((await findings(decisionId, acks.slice(0, 3))).unacknowledged).toHaveLength(1);
  });

  it('reports a draft overwritten behind the app’s back as lost, and a version bump without its audit event as a gap', async () => {
    const { decisionId, acks } = await history();
    const raw = await openRawPg();
    try {
      await raw.query(`UPDATE decisions SET draft = jsonb_set(draft, '{rationale}', '"overwritten"') WHERE id = $1`, [decisionId]);
      expect((await findings(decisionId, acks)).lost).toHaveLength(1);
      await raw.query('UPDATE decisions SET version = version + 1 WHERE id = $1', [decisionId]);
      expect((await findings(decisionId, acks)).auditGaps).toHaveLength(1);
    } finally {
      await raw.end();
    }
  });
});

// A signed decision for tests, made through the real path (saveDecisionDraft + signDecision:
// the same checks, triggers, follow-up task and audit events as the app). Pair with
// createTestMeeting: `author` must be a clinician member of the board, `chair` its CHAIR.
import type { Actor } from '@/lib/authz/actor';
import { saveDecisionDraft } from '@/lib/db/decisions/save-decision-draft';
import { signDecision, type SignedDecision } from '@/lib/db/decisions/sign-decision';
import { decisionContentSchema, type DecisionContent } from '@/lib/schemas/decision';

/** A complete, signable decision; override any field. */
export function sampleDecisionContent(overrides: Partial<DecisionContent> = {}): DecisionContent {
  return decisionContentSchema.parse({
    intent: 'CURATIVE',
    recommendations: [
      {
        id: 'rec-1',
        modality: 'SURGERY',
        sequencing: 'DEFINITIVE',
        codes: [{ system: 'http://snomed.info/sct', code: '173171007', display: 'Lobectomy of lung' }],
        details: 'Video-assisted lobectomy with systematic lymph node dissection.',
      },
      {
        id: 'rec-2',
        modality: 'SYSTEMIC_THERAPY',
        sequencing: 'ADJUVANT',
        codes: [
          { system: 'http://www.whocc.no/atc', code: 'L01XA01', display: 'cisplatin' },
          { system: 'http://www.whocc.no/atc', code: 'L01CA04', display: 'vinorelbine' },
        ],
        details: '4 cycles cisplatin/vinorelbine if pN+.',
      },
    ],
    guideline: { basis: 'S3', reference: 'S3-Leitlinie Lungenkarzinom 3.0 (2024)', deviates: false, deviationReason: '' },
    rationale: 'Resectable stage IIA disease in a fit patient (ECOG 0).',
    ...overrides,
  });
}

export async function createSignedDecision(options: {
  author: Actor;
  chair: Actor;
  caseId: string;
  meetingId: string;
  content?: DecisionContent;
  /** When the chair signs (default now): a follow-up cannot be due before it. */
  signedAt?: Date;
}): Promise<SignedDecision> {
  const saved = await saveDecisionDraft({ actor: options.author, input: { caseId: options.caseId, meetingId: options.meetingId, content: options.content ?? sampleDecisionContent() } });
  return signDecision({ actor: options.chair, input: { decisionId: saved.decisionId, expectedVersion: saved.version }, email: false, now: options.signedAt });
}

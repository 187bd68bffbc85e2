// The signed decision as a CarePlan (intent `plan`). Standard elements wherever R4 has one:
// identifier (urn:konsil:decision, `<decisionId>/v<number>`: a re-import finds its row by it),
// status (active; revoked for a superseded version), category (the treatment intent as SNOMED CT
// 373808002 curative / 363676003 palliative, Konsil's system for "unclear"), created = signedAt,
// author = signer, contributor = attendees, description = rationale, activity = the proposed
// requests, supportingInfo = the referral. What R4 has no element for (guideline basis and
// deviation, patient preference, dissent, trial considered, follow-up, amendment history, content
// hash) is a note each, with a fixed label the importer reads back (NOTE_LABELS).
import type {Annotation, CarePlan, CodeableConcept } from '@medplum/fhirtypes';
import type { DecisionContent, GuidelineBasis, TreatmentIntent } from '@/lib/schemas/decision';
import { SYSTEM } from '../code-systems';
import type { DecisionExportData } from './export-input';
import { fhirId, KONSIL_SYSTEM, type EntryRef } from './fhir-ids';

/** Treatment intent ↔ category coding (SNOMED CT procedure-intent concepts, as mCODE uses them). */
export const INTENT_CODINGS: Record<TreatmentIntent, { system: string; code: string; display: string }> = {
  CURATIVE: { system: SYSTEM.snomed, code: '373808002', display: 'Curative - procedure intent' },
  PALLIATIVE: { system: SYSTEM.snomed, code: '363676003', display: 'Palliative - procedure intent' },
  UNCLEAR: { system: KONSIL_SYSTEM.treatmentIntent, code: 'UNCLEAR', display: 'Treatment intent unclear' },
};

export const guidelineLabel: Record<GuidelineBasis, string> = {
  NCCN: 'NCCN',
  ESMO: 'ESMO',
  S3: 'S3 guideline (AWMF)',
  ASCO: 'ASCO',
  INSTITUTIONAL: 'Institutional standard',
  OTHER: 'Other',
  NONE: 'None',
};

/** The labels that start the CarePlan's notes; lib/fhir/map-care-plan.ts parses them back. */
export const NOTE_LABELS = {
  guideline: 'Guideline basis: ',
  guidelineReference: 'Guideline reference: ',
  deviation: 'Deviates from the guideline: ',
  trialConsidered: 'Clinical trial considered: ',
  preference: 'Patient preference: ',
  dissent: 'Dissent: ',
  followUp: 'Follow-up: ',
  amendment: 'Amendment: ',
  contentSha256: 'Content sha256: ',
} as const;

export function carePlanIdentifierValue(decisionId: string, versionNumber: number): string {
  return `${decisionId}/v${versionNumber}`;
}

function notes(content: DecisionContent, data: DecisionExportData): Annotation[] {
  const out: Annotation[] = [];
  const g = content.guideline;
  if (g.basis) out.push({ text: `${NOTE_LABELS.guideline}${g.basis}` });
  if (g.reference) out.push({ text: `${NOTE_LABELS.guidelineReference}${g.reference}` });
  if (g.deviates) out.push({ text: `${NOTE_LABELS.deviation}${g.deviationReason}` });
  if (content.trial.considered) out.push({ text: `${NOTE_LABELS.trialConsidered}${content.trial.id || 'yes'}` });
  if (content.patientPreference) out.push({ text: `${NOTE_LABELS.preference}${content.patientPreference}` });
  for (const d of content.dissents) out.push({ text: `${NOTE_LABELS.dissent}${d.name}: ${d.statement}` });
  if (data.followUp) out.push({ text: `${NOTE_LABELS.followUp}${data.followUp.owner.name}, due ${data.followUp.dueOn}` });
  for (const h of data.history) {
    if (h.number > 1) out.push({ text: `${NOTE_LABELS.amendment}version ${h.number}, ${h.signedAt}, ${h.signedBy.name}: ${h.amendmentReason ?? ''}` });
  }
  out.push({ text: `${NOTE_LABELS.contentSha256}${data.version.contentSha256}` });
  return out;
}

export function carePlanResource(
  data: DecisionExportData,
  options: {
    status: 'active' | 'revoked';
    refs: { patient: EntryRef; author: EntryRef; contributors: EntryRef[]; encounter?: EntryRef; referral: EntryRef; activities: EntryRef[] };
  },
): CarePlan {
  const { content, number, signedAt } = data.version;
  const { refs } = options;
  const category: CodeableConcept[] = [{ coding: [{ system: KONSIL_SYSTEM.careTeamCategory, code: 'tumor-board-decision', display: 'Tumor board decision' }], text: 'Tumor board decision' }];
  if (content.intent) category.push({ coding: [INTENT_CODINGS[content.intent]], text: INTENT_CODINGS[content.intent].display });
  return {
    resourceType: 'CarePlan',
    id: fhirId(`${data.decision.id}-v${number}`),
    identifier: [{ system: KONSIL_SYSTEM.decision, value: carePlanIdentifierValue(data.decision.id, number) }],
    status: options.status,
    intent: 'plan',
    category,
    title: `${data.board.name}: decision${number > 1 ? ` (amended, version ${number})` : ''}`,
    ...(content.rationale ? { description: content.rationale } : {}),
    subject: refs.patient,
    ...(refs.encounter ? { encounter: refs.encounter } : {}),
    created: signedAt,
    author: refs.author,
    ...(refs.contributors.length > 0 ? { contributor: refs.contributors } : {}),
    supportingInfo: [refs.referral],
    activity: refs.activities.map((reference) => ({ reference })),
    note: notes(content, data),
  };
}

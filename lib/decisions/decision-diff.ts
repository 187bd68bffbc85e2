// What differs between two versions of a decision's content, field by field, as text people
// can compare. The conflict view lists these for "their saved version" vs "your unsaved
// changes", so nobody chooses between two drafts without seeing what each says.
import type { DecisionContent, Recommendation } from '@/lib/schemas/decision';
import { guidelineLabels, intentLabels, modalityLabels, sequencingLabels } from './decision-labels';

export interface DecisionFieldDiff {
  /** Stable key (the content field), for tests and React keys. */
  field: string;
  label: string;
  theirs: string;
  mine: string;
}

type NameOf = (userId: string) => string;

export function describeRecommendation(r: Recommendation): string {
  const parts = [modalityLabels[r.modality]];
  if (r.sequencing !== 'NOT_APPLICABLE') parts.push(sequencingLabels[r.sequencing].toLowerCase());
  if (r.codes.length) parts.push(r.codes.map((c) => `${c.display} (${c.code})`).join(', '));
  if (r.totalDoseGy !== null) parts.push(`${r.totalDoseGy} Gy${r.fractions !== null ? ` in ${r.fractions} fractions` : ''}`);
  if (r.trialId) parts.push(`trial ${r.trialId}`);
  if (r.details) parts.push(r.details);
  return parts.join(' · ');
}

const none = '—';
const list = (items: string[]) => (items.length ? items.join('\n') : none);

/** Each comparable field of the content rendered as one text. */
function fieldTexts(c: DecisionContent, nameOf: NameOf): { field: string; label: string; text: string }[] {
  return [
    { field: 'intent', label: 'Treatment intent', text: c.intent ? intentLabels[c.intent] : none },
    { field: 'recommendations', label: 'Recommendations', text: list(c.recommendations.map((r, i) => `${i + 1}. ${describeRecommendation(r)}`)) },
    { field: 'guideline.basis', label: 'Guideline basis', text: c.guideline.basis ? guidelineLabels[c.guideline.basis] : none },
    { field: 'guideline.reference', label: 'Guideline reference', text: c.guideline.reference || none },
    { field: 'guideline.deviates', label: 'Deviates from the guideline', text: c.guideline.deviates ? `Yes: ${c.guideline.deviationReason || '(no reason yet)'}` : 'No' },
    { field: 'trial', label: 'Clinical trial considered', text: c.trial.considered ? `Yes${c.trial.id ? `: ${c.trial.id}` : ''}` : 'No' },
    { field: 'patientPreference', label: 'Patient preference', text: c.patientPreference || none },
    { field: 'rationale', label: 'Rationale', text: c.rationale || none },
    { field: 'dissents', label: 'Dissents', text: list(c.dissents.map((d) => `${d.userId ? nameOf(d.userId) : d.name}: ${d.statement}`)) },
    { field: 'attendeeIds', label: 'Attendees', text: list([...c.attendeeIds].map(nameOf).sort()) },
    { field: 'consideredResultIds', label: 'Model outputs considered', text: `${c.consideredResultIds.length} selected` },
    { field: 'followUpOwnerId', label: 'Follow-up owner', text: c.followUpOwnerId ? nameOf(c.followUpOwnerId) : 'Referring clinician (default)' },
    { field: 'followUpDueOn', label: 'Follow-up due', text: c.followUpDueOn ?? '6 weeks after signing (default)' },
  ];
}

/** The fields whose text differs, in the form's order. Empty = the two say the same. */
export function diffDecisionContent(theirs: DecisionContent, mine: DecisionContent, nameOf: NameOf): DecisionFieldDiff[] {
  const a = fieldTexts(theirs, nameOf);
  const b = fieldTexts(mine, nameOf);
  const diffs: DecisionFieldDiff[] = [];
  a.forEach((t, i) => {
    const m = b[i]!;
    const sameSelection = t.field === 'consideredResultIds' && [...theirs.consideredResultIds].sort().join() === [...mine.consideredResultIds].sort().join();
    if (t.text !== m.text || (t.field === 'consideredResultIds' && !sameSelection)) diffs.push({ field: t.field, label: t.label, theirs: t.text, mine: m.text });
  });
  return diffs;
}

// Words for a decision's content, shared by the protocol PDFs and the imported-decision view, so
// a recommendation reads the same everywhere (and codes always name their system).
import type { DecisionContent, Recommendation } from '@/lib/schemas/decision';
import { CODE_SYSTEMS } from '@/lib/schemas/decision';
import { guidelineLabel } from '@/lib/fhir/export/care-plan-resource';
import { intentLabels, modalityLabels, sequencingLabels } from '@/lib/decisions/decision-labels';

export function codeSystemName(system: string): string {
  if (system === CODE_SYSTEMS.snomed) return 'SNOMED CT';
  if (system === CODE_SYSTEMS.atc) return 'ATC';
  return system;
}

/** "Radiotherapy, adjuvant" */
export function recommendationHeading(r: Pick<Recommendation, 'modality' | 'sequencing'>): string {
  return r.sequencing === 'NOT_APPLICABLE' ? modalityLabels[r.modality] : `${modalityLabels[r.modality]}, ${sequencingLabels[r.sequencing].toLowerCase()}`;
}

/** The lines under a recommendation's heading: codes, details, dose, trial. */
export function recommendationLines(r: Recommendation): string[] {
  const lines = r.codes.map((c) => `${c.display} (${codeSystemName(c.system)} ${c.code})`);
  if (r.details) lines.push(r.details);
  if (r.totalDoseGy !== null || r.fractions !== null) {
    lines.push([r.totalDoseGy !== null ? `${r.totalDoseGy} Gy` : 'dose not given', r.fractions !== null ? `in ${r.fractions} fractions` : ''].filter(Boolean).join(' '));
  }
  if (r.trialId) lines.push(`Trial ${r.trialId}`);
  return lines;
}

/** One line for lists: "Curative: Surgery, definitive; Systemic therapy, adjuvant". */
export function decisionSummary(content: Pick<DecisionContent, 'intent' | 'recommendations'>): string {
  const intent = content.intent ? intentLabels[content.intent] : 'Intent not given';
  return `${intent}: ${content.recommendations.map(recommendationHeading).join('; ') || 'no recommendation'}`;
}

export function guidelineText(g: DecisionContent['guideline']): string {
  const basis = g.basis ? guidelineLabel[g.basis] : 'not given';
  return g.reference ? `${basis}: ${g.reference}` : basis;
}

export function shortSha(sha256: string): string {
  return sha256.slice(0, 12);
}

// Each recommendation of the signed decision as proposed requests (intent `proposal`): systemic
// therapy → one MedicationRequest per drug (ATC in medicationCodeableConcept; the drugs of one
// recommendation share a groupIdentifier), everything else → one ServiceRequest (SNOMED CT codes,
// radiotherapy dose as quantity in Gy (UCUM) and fractions as the timing's count). Modality and
// sequencing travel as categories in Konsil's systems, so a re-import gets the recommendation back.
import { modalityLabels, sequencingLabels } from '@/lib/decisions/decision-labels';
import type {Annotation, CodeableConcept, MedicationRequest, ServiceRequest } from '@medplum/fhirtypes';
import type { Recommendation } from '@/lib/schemas/decision';
import { SYSTEM } from '../code-systems';
import { fhirId, KONSIL_SYSTEM, type EntryRef } from './fhir-ids';

export interface RecommendationContext {
  decisionId: string;
  versionNumber: number;
  /** Of the CarePlan: active, or revoked for a superseded version. */
  status: 'active' | 'revoked';
  signedAt: string;
  /** The trial named on the decision, used when the recommendation names none. */
  decisionTrialId: string;
  refs: { patient: EntryRef; requester: EntryRef; encounter?: EntryRef };
}

export function recommendationIdentifierValue(context: Pick<RecommendationContext, 'decisionId' | 'versionNumber'>, recommendationId: string): string {
  return `${context.decisionId}/v${context.versionNumber}/${recommendationId}`;
}

function categories(recommendation: Recommendation): CodeableConcept[] {
  return [
    { coding: [{ system: KONSIL_SYSTEM.modality, code: recommendation.modality, display: modalityLabels[recommendation.modality] }] },
    { coding: [{ system: KONSIL_SYSTEM.sequencing, code: recommendation.sequencing, display: sequencingLabels[recommendation.sequencing] }] },
  ];
}

function notes(recommendation: Recommendation): Annotation[] {
  return recommendation.details ? [{ text: recommendation.details }] : [];
}

/** True when the recommendation becomes MedicationRequests (one per ATC code). */
export function isMedicationRecommendation(recommendation: Recommendation): boolean {
  return recommendation.modality === 'SYSTEMIC_THERAPY' && recommendation.codes.some((c) => c.system === 'http://www.whocc.no/atc');
}

export function medicationRequests(recommendation: Recommendation, context: RecommendationContext): MedicationRequest[] {
  const value = recommendationIdentifierValue(context, recommendation.id);
  const drugs = recommendation.codes.filter((c) => c.system === SYSTEM.atc);
  return drugs.map((drug, i) => ({
    resourceType: 'MedicationRequest',
    id: fhirId(`${context.decisionId}-v${context.versionNumber}-${recommendation.id}-${i + 1}`),
    identifier: [{ system: KONSIL_SYSTEM.recommendation, value: `${value}/${i + 1}` }],
    groupIdentifier: { system: KONSIL_SYSTEM.recommendation, value },
    status: context.status === 'active' ? 'active' : 'cancelled',
    intent: 'proposal',
    category: categories(recommendation),
    medicationCodeableConcept: { coding: [{ system: drug.system, code: drug.code, display: drug.display }], text: drug.display },
    subject: context.refs.patient,
    ...(context.refs.encounter ? { encounter: context.refs.encounter } : {}),
    authoredOn: context.signedAt,
    requester: context.refs.requester,
    note: notes(recommendation),
  }));
}

export function serviceRequest(recommendation: Recommendation, context: RecommendationContext): ServiceRequest {
  const value = recommendationIdentifierValue(context, recommendation.id);
  const coded = recommendation.codes.filter((c) => c.system === SYSTEM.snomed);
  const trialId = recommendation.trialId || (recommendation.modality === 'CLINICAL_TRIAL' ? context.decisionTrialId : '');
  const label = modalityLabels[recommendation.modality];
  return {
    resourceType: 'ServiceRequest',
    id: fhirId(`${context.decisionId}-v${context.versionNumber}-${recommendation.id}`),
    identifier: [{ system: KONSIL_SYSTEM.recommendation, value }],
    status: context.status === 'active' ? 'active' : 'revoked',
    intent: 'proposal',
    category: categories(recommendation),
    code: coded.length > 0 ? { coding: coded.map((c) => ({ system: c.system, code: c.code, display: c.display })), text: coded.map((c) => c.display).join(', ') } : { text: recommendation.details || label },
    ...(trialId ? { orderDetail: [{ coding: [{ system: KONSIL_SYSTEM.trial, code: trialId.replace(/\s+/g, ' ') }], text: `Clinical trial ${trialId}` }] } : {}),
    ...(recommendation.totalDoseGy !== null ? { quantityQuantity: { value: recommendation.totalDoseGy, unit: 'Gy', system: SYSTEM.ucum, code: 'Gy' } } : {}),
    ...(recommendation.fractions !== null ? { occurrenceTiming: { repeat: { count: recommendation.fractions } } } : {}),
    subject: context.refs.patient,
    ...(context.refs.encounter ? { encounter: context.refs.encounter } : {}),
    authoredOn: context.signedAt,
    requester: context.refs.requester,
    note: notes(recommendation),
  };
}

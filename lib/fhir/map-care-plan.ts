// FHIR CarePlan (a board decision from another system, or one Konsil exported) → ImportedDecision
// row. The CarePlan alone says little: its activities reference the proposed MedicationRequests
// and ServiceRequests, and a Provenance in the same Bundle says who signed it and when. Those are
// read here through the Bundle (`lookups`), not imported on their own (a proposal is not a drug the
// patient takes). What comes back is the decision content shape (lib/schemas/decision.ts) as far
// as the sender said it: Konsil's own export round-trips (lib/fhir/export/, the note labels of
// care-plan-resource.ts); other senders get intent, recommendations with their codes, and the
// description as rationale.
import type { CarePlan, CodeableConcept, MedicationRequest, OperationOutcomeIssue, Practitioner, Provenance, Resource, ServiceRequest } from '@medplum/fhirtypes';
import {
  CODE_SYSTEMS,
  decisionContentSchema,
  guidelineBases,
  modalities,
  sequencings,
  type DecisionContent,
  type GuidelineBasis,
  type Modality,
  type Recommendation,
  type Sequencing,
  type TreatmentIntent,
} from '@/lib/schemas/decision';
import { INTENT_CODINGS, NOTE_LABELS } from './export/care-plan-resource';
import { KONSIL_SYSTEM } from './export/fhir-ids';
import { clean, toInstant } from './fhir-values';
import { at, errorIssue, warningIssue } from './issues';
import type { ImportedDecisionRow } from './mapped-rows';

export interface CarePlanLookups {
  /** The Bundle entry a reference points to (undefined when it is not in the Bundle). */
  findBundled: (reference: string) => Resource | undefined;
  /** The Provenance in the Bundle whose target is this CarePlan. */
  findProvenance: () => Provenance | undefined;
}

const CODE = /^[A-Za-z0-9.]{1,20}$/;

export function mapCarePlan(carePlan: CarePlan, path: string, lookups: CarePlanLookups): { row?: ImportedDecisionRow; issues: OperationOutcomeIssue[] } {
  const issues: OperationOutcomeIssue[] = [];
  const recommendations: Recommendation[] = [];
  const byGroup = new Map<string, Recommendation>();
  (carePlan.activity ?? []).forEach((activity, i) => {
    const reference = activity.reference?.reference;
    const target = reference ? lookups.findBundled(reference) : undefined;
    if (target?.resourceType === 'MedicationRequest') {
      const request = target as MedicationRequest;
      const group = clean(request.groupIdentifier?.value);
      const existing = group ? byGroup.get(group) : undefined;
      const drug = drugCoding(request.medicationCodeableConcept);
      if (existing) {
        if (drug) existing.codes.push(drug);
        return;
      }
      const recommendation = recommendationFrom(request, recommendations.length, 'SYSTEMIC_THERAPY');
      if (drug) recommendation.codes.push(drug);
      else if (!recommendation.details) recommendation.details = limit(clean(request.medicationCodeableConcept?.text) ?? '', 1000);
      recommendations.push(recommendation);
      if (group) byGroup.set(group, recommendation);
    } else if (target?.resourceType === 'ServiceRequest') {
      const request = target as ServiceRequest;
      const recommendation = recommendationFrom(request, recommendations.length, guessModality(request));
      recommendation.codes.push(...snomedCodings(request.code));
      if (!recommendation.details && recommendation.codes.length === 0) recommendation.details = limit(clean(request.code?.text) ?? '', 1000);
      const dose = request.quantityQuantity;
      if (dose?.value !== undefined && (dose.code === 'Gy' || dose.unit === 'Gy') && dose.value > 0 && dose.value <= 200) recommendation.totalDoseGy = dose.value;
      const count = request.occurrenceTiming?.repeat?.count;
      if (count !== undefined && Number.isInteger(count) && count > 0 && count <= 100) recommendation.fractions = count;
      const trial = request.orderDetail?.flatMap((d) => d.coding ?? []).find((c) => c.system === KONSIL_SYSTEM.trial);
      if (trial?.code) recommendation.trialId = limit(trial.code, 60);
      recommendations.push(recommendation);
    } else if (activity.detail) {
      const recommendation = emptyRecommendation(recommendations.length, 'FURTHER_DIAGNOSTICS');
      recommendation.codes.push(...snomedCodings(activity.detail.code));
      recommendation.details = limit(clean(activity.detail.description) ?? clean(activity.detail.code?.text) ?? '', 1000);
      recommendations.push(recommendation);
    } else {
      issues.push(warningIssue('This activity is not read: it references nothing in the Bundle and has no detail', at(path, `activity[${i}]`), 'not-found'));
    }
  });

  const notes = (carePlan.note ?? []).map((n) => clean(n.text)).filter((t): t is string => Boolean(t));
  const noted = (label: string) => notes.filter((n) => n.startsWith(label)).map((n) => n.slice(label.length).trim());
  const basis = noted(NOTE_LABELS.guideline)[0];
  const deviation = noted(NOTE_LABELS.deviation)[0];
  const trialConsidered = noted(NOTE_LABELS.trialConsidered)[0];
  const candidate: DecisionContent = {
    intent: intentOf(carePlan.category),
    recommendations: recommendations.slice(0, 20).map((r) => ({ ...r, codes: r.codes.slice(0, 12) })),
    guideline: {
      basis: basis === undefined ? null : (guidelineBases as readonly string[]).includes(basis) ? (basis as GuidelineBasis) : 'OTHER',
      reference: limit(noted(NOTE_LABELS.guidelineReference)[0] ?? '', 500),
      deviates: deviation !== undefined,
      deviationReason: limit(deviation ?? '', 2000),
    },
    trial: { considered: trialConsidered !== undefined, id: trialConsidered && trialConsidered !== 'yes' ? limit(trialConsidered, 60) : '' },
    patientPreference: limit(noted(NOTE_LABELS.preference)[0] ?? '', 2000),
    rationale: limit(clean(carePlan.description) ?? '', 5000),
    dissents: noted(NOTE_LABELS.dissent)
      .slice(0, 20)
      .map((text) => {
        const colon = text.indexOf(': ');
        return colon > 0 ? { userId: null, name: limit(text.slice(0, colon), 200), statement: limit(text.slice(colon + 2), 2000) } : { userId: null, name: 'Not named', statement: limit(text, 2000) };
      }),
    attendeeIds: [],
    consideredResultIds: [],
    followUpOwnerId: null,
    followUpDueOn: null,
  };
  const parsed = decisionContentSchema.safeParse(candidate);
  if (!parsed.success) {
    return { issues: [...issues, errorIssue(`Konsil cannot read this CarePlan as a decision: ${parsed.error.issues[0]?.message ?? 'invalid'}`, path, 'invalid')] };
  }
  if (parsed.data.recommendations.length === 0) issues.push(warningIssue('The CarePlan proposes nothing Konsil can read (no activity references a request in the Bundle)', at(path, 'activity'), 'incomplete'));

  const signature = signatureOf(carePlan, lookups);
  return {
    row: {
      intent: parsed.data.intent,
      title: limit(clean(carePlan.title) ?? 'Imported care plan', 300),
      content: parsed.data,
      signedBy: signature.by,
      signedAt: signature.at,
    },
    issues,
  };
}

function limit(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function intentOf(categories: CodeableConcept[] | undefined): TreatmentIntent | null {
  const codings = (categories ?? []).flatMap((c) => c.coding ?? []);
  for (const [intent, coding] of Object.entries(INTENT_CODINGS) as [TreatmentIntent, { system: string; code: string }][]) {
    if (codings.some((c) => c.system === coding.system && c.code === coding.code)) return intent;
  }
  return null;
}

function konsilCode<T extends string>(categories: CodeableConcept[] | undefined, system: string, allowed: readonly T[]): T | undefined {
  const code = (categories ?? []).flatMap((c) => c.coding ?? []).find((c) => c.system === system)?.code;
  return code && (allowed as readonly string[]).includes(code) ? (code as T) : undefined;
}

function emptyRecommendation(index: number, modality: Modality): Recommendation {
  return { id: `rec-${index + 1}`, modality, sequencing: 'NOT_APPLICABLE', codes: [], details: '', totalDoseGy: null, fractions: null, trialId: '' };
}

function recommendationFrom(request: MedicationRequest | ServiceRequest, index: number, fallback: Modality): Recommendation {
  const recommendation = emptyRecommendation(index, konsilCode(request.category, KONSIL_SYSTEM.modality, modalities) ?? fallback);
  recommendation.sequencing = konsilCode<Sequencing>(request.category, KONSIL_SYSTEM.sequencing, sequencings) ?? 'NOT_APPLICABLE';
  // Konsil's identifier ends in the recommendation's own id (…/v<n>/<id>[/<drug>]).
  const value = request.resourceType === 'MedicationRequest' ? request.groupIdentifier?.value : request.identifier?.find((i) => i.system === KONSIL_SYSTEM.recommendation)?.value;
  const id = value?.split('/').at(-1);
  if (id && /^[A-Za-z0-9-]{1,40}$/.test(id)) recommendation.id = id;
  recommendation.details = limit(clean(request.note?.[0]?.text) ?? '', 1000);
  return recommendation;
}

/** A ServiceRequest without Konsil's modality: a dose in Gy is radiotherapy; anything else is read as diagnostics. */
function guessModality(request: ServiceRequest): Modality {
  return request.quantityQuantity?.code === 'Gy' || request.quantityQuantity?.unit === 'Gy' ? 'RADIOTHERAPY' : 'FURTHER_DIAGNOSTICS';
}

function drugCoding(concept: CodeableConcept | undefined): Recommendation['codes'][number] | undefined {
  const atc = concept?.coding?.find((c) => c.system === CODE_SYSTEMS.atc && c.code && CODE.test(c.code));
  return atc ? { system: CODE_SYSTEMS.atc, code: atc.code!, display: limit(clean(atc.display) ?? clean(concept?.text) ?? atc.code!, 200) } : undefined;
}

function snomedCodings(concept: CodeableConcept | undefined): Recommendation['codes'] {
  return (concept?.coding ?? [])
    .filter((c) => c.system === CODE_SYSTEMS.snomed && c.code && CODE.test(c.code))
    .map((c) => ({ system: CODE_SYSTEMS.snomed, code: c.code!, display: limit(clean(c.display) ?? c.code!, 200) }));
}

function signatureOf(carePlan: CarePlan, lookups: CarePlanLookups): { by: string | null; at: string | null } {
  const provenance = lookups.findProvenance();
  const agent = provenance?.agent.find((a) => a.type?.coding?.some((c) => c.code === 'verifier')) ?? provenance?.agent.find((a) => a.type?.coding?.some((c) => c.code === 'author')) ?? provenance?.agent[0];
  const who = agent?.who ?? carePlan.author;
  return { by: who ? personName(who, lookups) : null, at: toInstant(provenance?.recorded) ?? toInstant(carePlan.created) ?? null };
}

function personName(who: { reference?: string; display?: string }, lookups: CarePlanLookups): string | null {
  if (clean(who.display)) return limit(clean(who.display)!, 200);
  const target = who.reference ? lookups.findBundled(who.reference) : undefined;
  if (target?.resourceType === 'Practitioner') {
    const name = (target as Practitioner).name?.[0];
    const text = clean(name?.text) ?? [name?.prefix?.join(' '), name?.given?.join(' '), name?.family].filter(Boolean).join(' ');
    return text ? limit(text, 200) : null;
  }
  return null;
}

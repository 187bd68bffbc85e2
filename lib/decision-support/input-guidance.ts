// Why a model was not scored, and what a clinician can do about it, input by input. The
// stored result says which input kept the model from scoring (status, note); the card says
// where that input is read from, and so what would fill it. Pure.
import type { FeatureSource } from '@/lib/models/model-card';
import type { FeatureStatus, InferenceInputDto, ModelCardSummary } from '@/lib/schemas/inference';
import { displayUnit, formatNumber } from './format';

type CardFeature = ModelCardSummary['features'][number];

/** Report facts in words, and the report that usually states them. */
const FACTS: Record<Extract<FeatureSource, { kind: 'reportFact' }>['fact'], { what: string; where: string }> = {
  TUMOR_SIZE: { what: 'tumour size', where: 'pathology report' },
  GRADE: { what: 'histological grade', where: 'pathology report' },
  NODES: { what: 'number of positive lymph nodes', where: 'pathology report' },
  ER: { what: 'oestrogen receptor status', where: 'pathology report' },
  PR: { what: 'progesterone receptor status', where: 'pathology report' },
  KI67: { what: 'Ki-67 index', where: 'pathology report' },
  ECOG: { what: 'ECOG performance status', where: 'clinical report' },
};

const unitText = (unit: string) => displayUnit(unit) || 'no unit';

/** What would give the model a usable value for this input. */
export function whatToDo(feature: Pick<CardFeature, 'label' | 'unit' | 'validRange' | 'source'>, input: Pick<InferenceInputDto, 'status' | 'rawUnit' | 'rawValue'>): string | null {
  const { source } = feature;
  const status: FeatureStatus = input.status;
  if (status === 'ok') return null;
  if (status === 'imputed') return 'The model used its training value instead; record the real value and run the models again.';
  if (status === 'out_of_range') {
    const { min, max } = feature.validRange;
    const unit = displayUnit(feature.unit);
    return `Check the value: the model was trained on ${formatNumber(min)}–${formatNumber(max)}${unit ? ` ${unit}` : ''}. If it is right, this model does not apply to the patient.`;
  }
  if (status === 'unit_unknown') {
    return `The value is recorded in "${input.rawUnit ?? 'no unit'}", which the model cannot convert: record it in ${unitText(feature.unit)}.`;
  }
  // missing
  switch (source.kind) {
    case 'reportFact': {
      const fact = FACTS[source.fact];
      if (typeof input.rawValue === 'string') return `Confirm a ${fact.what} stated as a number in the ${fact.where} (Reports panel).`;
      return `Confirm the ${fact.what} in the ${fact.where} (Reports panel): only facts a clinician confirmed are used.`;
    }
    case 'observation':
      return `Record the ${source.display} (LOINC ${source.loinc}) in the hospital's system; it arrives with the next import.`;
    case 'codedObservation':
      return `Record the ${source.display} (${source.system} ${source.code}) in the hospital's system; it arrives with the next import.`;
    case 'patient':
      return source.field === 'ageYears' ? "Record the patient's birth date." : "The model needs the patient's sex recorded as female or male.";
    case 'therapy':
    case 'condition':
      return null;
  }
}

export interface BlockingInput {
  name: string;
  label: string;
  status: FeatureStatus;
  /** The run's own words on what it found (stored with the result). */
  note: string | null;
  todo: string | null;
}

const BLOCKING: ReadonlySet<FeatureStatus> = new Set(['missing', 'out_of_range', 'unit_unknown']);

/** The inputs that kept the model from being scored, in card order, with what to do about each. */
export function blockingInputs(inputs: readonly InferenceInputDto[], features: readonly CardFeature[]): BlockingInput[] {
  const byName = new Map(features.map((f) => [f.name, f]));
  return inputs
    .filter((i) => BLOCKING.has(i.status))
    .map((i) => {
      const feature = byName.get(i.name);
      return { name: i.name, label: i.label, status: i.status, note: i.note, todo: feature ? whatToDo(feature, i) : null };
    });
}

const statusWords: Record<FeatureStatus, string> = { ok: 'ok', missing: 'missing', out_of_range: 'out of range', unit_unknown: 'in a unit the model cannot use', imputed: 'imputed' };

/** "Not scored: Tumour size (largest diameter) is missing; Age is out of range." */
export function notScoredHeadline(blocking: readonly BlockingInput[]): string {
  if (blocking.length === 0) return 'Not scored.';
  return `Not scored: ${blocking.map((b) => `${b.label} is ${statusWords[b.status]}`).join('; ')}.`;
}

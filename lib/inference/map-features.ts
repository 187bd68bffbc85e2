// Turns a case's data into a model's input vector, feature by feature as the card says,
// and says for each what it found: the raw value and unit, where it came from, and a
// status (ok, missing, out_of_range, unit_unknown, imputed). Pure: no database, no runtime.
//
// Rules (lib/inference/README.md):
// - a value in another unit than the model's is converted only by a conversion the card
//   declares; otherwise it is unit_unknown. Units are never guessed: a value without a unit
//   matches only a dimensionless model unit ("1", "{score}", "{bool}": UCUM's unity);
// - a value outside the card's validRange (after conversion) is out_of_range;
// - a missing value is imputed only when the card says `impute`, and the result is flagged;
// - missing under `block`, out_of_range and unit_unknown keep the model from being scored.
import { ageInYears } from '@/lib/format/date';
import type { ModelFeature } from '@/lib/models/model-card';
import type { InferenceFlag, MappedFeature } from '@/lib/schemas/inference';
import type { CaseFeatureData, FeatureObservation } from './case-feature-data';

export interface FeatureMapping {
  /** One per card feature, in card order. */
  features: MappedFeature[];
  flags: InferenceFlag[];
  /** The model's input in card order; null when a blocking flag keeps the model from being scored. */
  vector: number[] | null;
}

/**
 * The unit each structured part of a report fact is in (lib/report-facts: ECOG {score},
 * TUMOR_SIZE {mm}, NODES {positive, examined}, ER/PR/KI67 {percent}, GRADE {grade}).
 * A part not listed here has no known unit, so it maps only to a dimensionless feature.
 */
export const FACT_DETAIL_UNITS: Record<string, string> = {
  'ECOG.score': '{score}',
  'ECOG.karnofsky': '%',
  'ER.percent': '%',
  'ER.allred': '{score}',
  'PR.percent': '%',
  'PR.allred': '{score}',
  'KI67.percent': '%',
  'GRADE.grade': '1',
  'GRADE.score': '1',
  'GRADE.gradeGroup': '1',
  'TUMOR_SIZE.mm': 'mm',
  'NODES.positive': '1',
  'NODES.examined': '1',
};

/** FHIR Condition clinical statuses that mean the condition is over (not a current comorbidity). */
const ENDED_CONDITION = new Set(['inactive', 'remission', 'resolved']);

/** MedicationStatement statuses that do not mean the drug was given. */
const NOT_GIVEN = new Set(['entered-in-error', 'intended', 'not-taken']);

interface Found {
  rawValue: number | string | null;
  rawUnit: string | null;
  source: string;
  /** ISO 8601, converted once here (a mapping stores it and names its day in the source). */
  observedAt: string | null;
  /** Why nothing usable was found. */
  note?: string;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The item that sorts last by the keys (compared in order). */
function newest<T>(items: T[], keys: (item: T) => number[]): T | undefined {
  let best: T | undefined;
  for (const item of items) {
    if (!best) best = item;
    else {
      const a = keys(item);
      const b = keys(best);
      const i = a.findIndex((v, k) => v !== b[k]);
      if (i >= 0 && a[i]! > b[i]!) best = item;
    }
  }
  return best;
}

type ObservationIndex = Map<string, FeatureObservation>;
const loincKey = (loinc: string) => `L|${loinc}`;
// NUL separates system and code: neither a URI nor a code contains it, where '|' could (a|b + c vs a + b|c).
const codeKey = (system: string, code: string) => `C|${system}\u0000${code}`;

/**
 * The newest observation per LOINC code and per system|code, effective at or before the
 * reference date (of two at the same instant, the first listed), built once per mapping so
 * each feature is a lookup, not a scan of every observation (a 30-feature card on a case
 * with 30 values would otherwise compare 900 pairs).
 */
function indexObservations(data: CaseFeatureData): ObservationIndex {
  const index: ObservationIndex = new Map();
  const reference = data.referenceDate.getTime();
  const keep = (key: string, o: FeatureObservation) => {
    const current = index.get(key);
    if (!current || o.effectiveAt.getTime() > current.effectiveAt.getTime()) index.set(key, o);
  };
  for (const o of data.observations) {
    // Written as "not on or before" so an invalid date (NaN) is skipped too, as the old filter did.
    if (!(o.effectiveAt.getTime() <= reference)) continue;
    if (o.loincCode !== null) keep(loincKey(o.loincCode), o);
    if (o.codeSystem !== null && o.code !== null) keep(codeKey(o.codeSystem, o.code), o);
  }
  return index;
}

/** What every feature of one mapping shares, worked out once. */
interface MappingContext {
  data: CaseFeatureData;
  observations: ObservationIndex;
  referenceDay: string;
}

function findValue(feature: ModelFeature, context: MappingContext): Found {
  const { data, observations, referenceDay } = context;
  const source = feature.source;
  const reference = data.referenceDate;
  switch (source.kind) {
    case 'patient': {
      if (source.field === 'ageYears') {
        const birthDate = data.patient.birthDate;
        if (!birthDate) return { rawValue: null, rawUnit: 'a', source: 'Patient birth date', observedAt: null, note: 'The birth date is not known.' };
        return { rawValue: ageInYears(birthDate, reference), rawUnit: 'a', source: `Age on ${referenceDay} from birth date ${birthDate}`, observedAt: null };
      }
      const sex = data.patient.sex;
      if (sex !== 'FEMALE' && sex !== 'MALE') return { rawValue: null, rawUnit: '{bool}', source: 'Patient sex', observedAt: null, note: `The patient's sex is recorded as ${sex.toLowerCase()}.` };
      return { rawValue: sex === 'FEMALE' ? 1 : 0, rawUnit: '{bool}', source: `Patient sex (${sex.toLowerCase()})`, observedAt: null };
    }
    case 'observation':
    case 'codedObservation': {
      const code = source.kind === 'observation' ? `LOINC ${source.loinc}` : `${source.system}|${source.code}`;
      const found = observations.get(source.kind === 'observation' ? loincKey(source.loinc) : codeKey(source.system, source.code));
      if (!found) return { rawValue: null, rawUnit: null, source: `Observation ${code} (${source.display})`, observedAt: null, note: `No numeric ${source.display} observation on or before ${referenceDay}.` };
      const at = found.effectiveAt.toISOString();
      return { rawValue: found.value, rawUnit: found.unit, source: `Observation ${code} (${found.display}), ${at.slice(0, 10)}`, observedAt: at };
    }
    case 'reportFact': {
      const facts = data.confirmedFacts.filter((f) => f.kind === source.fact);
      // Newest report first; of two verdicts on the same report, the later one.
      const found = newest(facts, (f) => [f.reportIssuedAt.getTime(), f.reviewedAt.getTime()]);
      const unit = FACT_DETAIL_UNITS[`${source.fact}.${source.detail}`] ?? null;
      const what = `Confirmed report fact ${source.fact}.${source.detail}`;
      if (!found) return { rawValue: null, rawUnit: unit, source: what, observedAt: null, note: `No ${source.fact} fact confirmed by a clinician on this case.` };
      const issued = found.reportIssuedAt.toISOString();
      const where = `${what} ("${found.value}"), report of ${issued.slice(0, 10)}`;
      if (!found.detail) return { rawValue: null, rawUnit: unit, source: where, observedAt: issued, note: 'The confirmed fact is no longer found in its report text.' };
      const part = found.detail[source.detail];
      if (typeof part === 'number') return { rawValue: part, rawUnit: unit, source: where, observedAt: issued };
      if (typeof part === 'boolean') return { rawValue: part ? 1 : 0, rawUnit: '{bool}', source: where, observedAt: issued };
      return {
        rawValue: typeof part === 'string' ? part : null,
        rawUnit: unit,
        source: where,
        observedAt: issued,
        note: `The newest confirmed ${source.fact} fact has no numeric "${source.detail}".`,
      };
    }
    case 'therapy': {
      const prefixes = source.atcPrefixes.map((p) => p.toUpperCase());
      const given = data.medications.filter(
        (m) =>
          m.fhirResourceType === 'MedicationStatement' &&
          !NOT_GIVEN.has(m.status) &&
          m.startDate !== null &&
          m.startDate.getTime() <= reference.getTime() &&
          prefixes.some((p) => (m.atcCode ?? '').toUpperCase().startsWith(p)),
      );
      const first = newest(given, (m) => [-m.startDate!.getTime()]);
      if (!first) return { rawValue: 0, rawUnit: '{bool}', source: `No ${source.display} (ATC ${prefixes.join(', ')}) given before ${referenceDay}`, observedAt: null };
      const from = first.startDate!.toISOString();
      return { rawValue: 1, rawUnit: '{bool}', source: `${first.display} (ATC ${first.atcCode}) given from ${from.slice(0, 10)}`, observedAt: from };
    }
    case 'condition': {
      const prefixes = source.icd10Prefixes.map((p) => p.toUpperCase());
      const matching = data.conditions.filter((c) => prefixes.some((p) => (c.icd10Code ?? '').toUpperCase().startsWith(p)));
      // A condition the record calls resolved, inactive or in remission is not a current one;
      // one without a clinical status counts (it was recorded, nobody said it ended).
      const found = matching.find((c) => !ENDED_CONDITION.has(c.clinicalStatus ?? ''));
      if (!found) {
        const ended = matching[0];
        const why = ended ? ` (ICD-10 ${ended.icd10Code} ${ended.display} is recorded as ${ended.clinicalStatus})` : '';
        return { rawValue: 0, rawUnit: '{bool}', source: `No current ${source.display} condition (ICD-10 ${prefixes.join(', ')}) recorded${why}`, observedAt: null };
      }
      return { rawValue: 1, rawUnit: '{bool}', source: `Condition ICD-10 ${found.icd10Code} (${found.display})${found.clinicalStatus ? `, ${found.clinicalStatus}` : ''}`, observedAt: null };
    }
  }
}

/**
 * Dimensionless in UCUM: unity "1" and annotations such as "{score}" or "{bool}" (an annotation
 * alone equals 1). A value sent without a unit (a score, a count) counts as dimensionless too.
 */
const isDimensionless = (unit: string | null) => unit === null || unit === '1' || /^\{[^{}]*\}$/.test(unit);

/** The value in the model's unit, or null when no declared conversion gets it there. */
export function toModelUnit(value: number, rawUnit: string | null, feature: Pick<ModelFeature, 'unit' | 'conversions'>): number | null {
  const unit = rawUnit?.trim() || null;
  if (unit === feature.unit) return value;
  const conversion = unit === null ? undefined : feature.conversions.find((c) => c.from === unit);
  if (conversion) return value * conversion.factor + conversion.offset;
  if (isDimensionless(unit) && isDimensionless(feature.unit)) return value;
  return null;
}

function mapOne(feature: ModelFeature, context: MappingContext): { mapped: MappedFeature; flag: InferenceFlag | null } {
  const found = findValue(feature, context);
  const { name } = feature;
  const { rawValue, rawUnit, source, observedAt } = found;
  // Each branch builds its MappedFeature in one literal (this runs per feature on every run).
  if (typeof rawValue !== 'number') {
    const note = found.note ?? 'No value found.';
    if (feature.missing.policy === 'impute') {
      const message = `${feature.label}: ${note} The training value ${feature.missing.value} ${feature.unit} was used instead.`;
      return { mapped: { name, rawValue, rawUnit, source, observedAt, value: feature.missing.value, status: 'imputed', note: message }, flag: { code: 'imputed', feature: name, message, blocking: false } };
    }
    const message = `${feature.label}: ${note}`;
    return { mapped: { name, rawValue, rawUnit, source, observedAt, value: null, status: 'missing', note: message }, flag: { code: 'missing', feature: name, message, blocking: true } };
  }
  const value = toModelUnit(rawValue, rawUnit, feature);
  if (value === null) {
    const message = `${feature.label}: the value is in ${rawUnit ? `"${rawUnit}"` : 'no unit'}, the model needs ${feature.unit}, and the card declares no conversion.`;
    return { mapped: { name, rawValue, rawUnit, source, observedAt, value: null, status: 'unit_unknown', note: message }, flag: { code: 'unit_unknown', feature: name, message, blocking: true } };
  }
  const { min, max } = feature.validRange;
  if (!Number.isFinite(value) || value < min || value > max) {
    const message = `${feature.label}: ${round(value)} ${feature.unit} is outside the range the model was trained on (${min}–${max} ${feature.unit}).`;
    return { mapped: { name, rawValue, rawUnit, source, observedAt, value: null, status: 'out_of_range', note: message }, flag: { code: 'out_of_range', feature: name, message, blocking: true } };
  }
  return { mapped: { name, rawValue, rawUnit, source, observedAt, value, status: 'ok', note: null }, flag: null };
}

const round = (v: number) => Math.round(v * 1000) / 1000;

export function mapFeatures(features: readonly ModelFeature[], data: CaseFeatureData): FeatureMapping {
  const mapped: MappedFeature[] = [];
  const flags: InferenceFlag[] = [];
  const context: MappingContext = { data, observations: indexObservations(data), referenceDay: day(data.referenceDate) };
  for (const feature of features) {
    const one = mapOne(feature, context);
    mapped.push(one.mapped);
    if (one.flag) flags.push(one.flag);
  }
  const blocked = flags.some((f) => f.blocking);
  return { features: mapped, flags, vector: blocked ? null : mapped.map((m) => m.value!) };
}

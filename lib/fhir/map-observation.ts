// FHIR Observation (labs, vital signs, TNM staging, ECOG/Karnofsky) → Observation row.
import type { CodeableConcept, Observation, ObservationComponent, OperationOutcomeIssue, Quantity } from '@medplum/fhirtypes';
import { ECOG_ANSWER_GRADES, SYSTEM } from './code-systems';
import { clean, codingIn, conceptLabel, firstCoding, toInstant } from './fhir-values';
import { at, errorIssue, warningIssue } from './issues';
import type { ObservationRow } from './mapped-rows';
import { observationCategory } from './observation-category';

type Value = Pick<ObservationRow, 'valueNumeric' | 'valueText' | 'valueCode' | 'unit'>;
const NO_VALUE: Value = { valueNumeric: null, valueText: null, valueCode: null, unit: null };

export function mapObservation(observation: Observation, path: string): { row?: ObservationRow; issues: OperationOutcomeIssue[] } {
  const issues: OperationOutcomeIssue[] = [];
  const loinc = codingIn(observation.code, SYSTEM.loinc);
  const other = loinc ? undefined : firstCoding(observation.code);
  const display = conceptLabel(observation.code, loinc);
  if (!display) issues.push(errorIssue('Konsil needs to know what was observed: Observation.code has no text, display or code', at(path, 'code'), 'required'));

  const effective = observation.effectiveDateTime ?? observation.effectivePeriod?.start ?? observation.effectiveInstant;
  const effectiveAt = toInstant(effective);
  if (!effectiveAt) {
    issues.push(
      errorIssue(
        'Konsil needs the date of the observation (effectiveDateTime, effectivePeriod.start or effectiveInstant): the timeline is ordered by it',
        at(path, 'effective[x]'),
        'required',
      ),
    );
  }
  if (!display || !effectiveAt) return { issues };

  const category = observationCategory(observation);
  const value = readValue(observation, category, path, issues);
  const range = observation.referenceRange?.[0];
  const interpretation = codingIn(observation.interpretation?.[0], SYSTEM.observationInterpretation)?.code;

  return {
    row: {
      category,
      loincCode: clean(loinc?.code) ?? null,
      codeSystem: clean(other?.system) ?? null,
      code: clean(other?.code) ?? null,
      display,
      status: observation.status,
      ...value,
      referenceLow: range?.low?.value ?? null,
      referenceHigh: range?.high?.value ?? null,
      referenceText: clean(range?.text) ?? null,
      interpretation: clean(interpretation) ?? null,
      effectiveAt,
    },
    issues,
  };
}

function readValue(observation: Observation, category: ObservationRow['category'], path: string, issues: OperationOutcomeIssue[]): Value {
  if (observation.valueQuantity) return quantityValue(observation.valueQuantity);
  if (observation.valueCodeableConcept) return codedValue(observation.valueCodeableConcept);
  if (observation.valueInteger !== undefined) {
    // ECOG/Karnofsky send the score as an integer; its LOINC answer (interpretation) reads better.
    const answer = category === 'PERFORMANCE_STATUS' ? conceptLabel(observation.interpretation?.[0]) : undefined;
    return { ...NO_VALUE, valueNumeric: observation.valueInteger, valueText: answer ?? null };
  }
  if (observation.valueString !== undefined) return { ...NO_VALUE, valueText: observation.valueString };
  if (observation.valueBoolean !== undefined) return { ...NO_VALUE, valueText: observation.valueBoolean ? 'true' : 'false' };
  if (observation.valueDateTime !== undefined) return { ...NO_VALUE, valueText: observation.valueDateTime };
  if (observation.valueTime !== undefined) return { ...NO_VALUE, valueText: observation.valueTime };
  if (observation.valueRange) {
    const { low, high } = observation.valueRange;
    return { ...NO_VALUE, valueText: `${low?.value ?? ''}–${high?.value ?? ''}`, unit: (low && unitOf(low)) ?? (high && unitOf(high)) ?? null };
  }
  if (observation.valueRatio || observation.valueSampledData || observation.valuePeriod) {
    issues.push(warningIssue('This kind of value (Ratio, SampledData, Period) is not stored; the observation is kept without it', at(path, 'value[x]'), 'not-supported'));
    return NO_VALUE;
  }
  if (observation.component?.length) return { ...NO_VALUE, valueText: componentsText(observation.component) };
  if (observation.dataAbsentReason) return { ...NO_VALUE, valueText: conceptLabel(observation.dataAbsentReason) ?? null };
  return NO_VALUE;
}

/**
 * The unit column: the UCUM code when the quantity is coded in UCUM (machine-readable),
 * else the printable `unit` text as sent. A code from any other system (or one without
 * a system) is never stored: the column promises UCUM, and a local code ("MMOLL") is
 * neither UCUM nor readable.
 */
function unitOf(quantity: Quantity): string | null {
  return clean(quantity.system === SYSTEM.ucum ? quantity.code : undefined) ?? clean(quantity.unit) ?? null;
}

function quantityValue(quantity: Quantity): Value {
  const unit = unitOf(quantity);
  const comparator = quantity.comparator;
  return {
    valueNumeric: quantity.value ?? null,
    // "<5" must not read as 5: the comparator goes into the text.
    valueText: comparator && quantity.value !== undefined ? `${comparator}${quantity.value}` : null,
    valueCode: null,
    unit,
  };
}

function codedValue(concept: CodeableConcept): Value {
  const coding = firstCoding(concept);
  const code = clean(coding?.code) ?? null;
  const ecogGrade = coding?.system === SYSTEM.loinc && code ? ECOG_ANSWER_GRADES.get(code) : undefined;
  return { valueNumeric: ecogGrade ?? null, valueText: conceptLabel(concept, coding) ?? null, valueCode: code, unit: null };
}

/** Blood pressure and other panels: "Systolic blood pressure 120 mm[Hg]; Diastolic blood pressure 80 mm[Hg]". */
function componentsText(components: ObservationComponent[]): string | null {
  const parts = components.map((c) => {
    const label = conceptLabel(c.code) ?? '';
    const q = c.valueQuantity;
    const value = q ? `${q.comparator ?? ''}${q.value ?? ''} ${q.unit ?? q.code ?? ''}`.trim() : (conceptLabel(c.valueCodeableConcept) ?? c.valueString ?? (c.valueInteger !== undefined ? String(c.valueInteger) : ''));
    return `${label} ${value}`.trim();
  });
  const text = parts.filter(Boolean).join('; ');
  return text || null;
}

// One Observation per lab value: LOINC code, UCUM quantity, the reference
// interval of the patient's sex and the H/L/N interpretation against it. Tumor
// markers also claim the mCODE tumor marker profile.
import type { Observation, Quantity } from '@medplum/fhirtypes';
import { fhirDateTime } from '../dates';
import { PROFILE, SYSTEM } from '../clinical/code-systems';
import { LABS, interpret } from '../clinical/lab-catalog';
import type { LabResult } from '../clinical/lab-series';
import { codeable, syntheticMeta } from './transaction-bundle';

const INTERPRETATION = { H: 'High', L: 'Low', N: 'Normal' } as const;

export function labObservation(result: LabResult, sex: 'FEMALE' | 'MALE', patientRef: string, conditionRef: string): Observation {
  const lab = LABS[result.lab];
  const quantity = (value: number): Quantity => ({ value, unit: lab.unitText, system: SYSTEM.ucum, code: lab.ucum });
  const [low, high] = lab.range[sex];
  const flag = interpret(result.value, low, high);
  return {
    resourceType: 'Observation',
    meta: syntheticMeta(lab.tumorMarker ? PROFILE.tumorMarker : undefined),
    status: 'final',
    category: [codeable({ system: SYSTEM.observationCategory, code: 'laboratory', display: 'Laboratory' })],
    code: { coding: [{ system: SYSTEM.loinc, code: lab.loinc, display: lab.display }], text: lab.display },
    subject: { reference: patientRef },
    ...(lab.tumorMarker ? { focus: [{ reference: conditionRef }] } : {}),
    effectiveDateTime: fhirDateTime(result.date),
    issued: fhirDateTime(new Date(result.date.getTime() + 3 * 3_600_000)),
    valueQuantity: quantity(result.value),
    interpretation: [codeable({ system: SYSTEM.interpretation, code: flag, display: INTERPRETATION[flag] })],
    referenceRange: [{ ...(low !== undefined ? { low: quantity(low) } : {}), high: quantity(high), ...(low === undefined ? { text: `< ${high} ${lab.unitText}` } : {}) }],
  };
}

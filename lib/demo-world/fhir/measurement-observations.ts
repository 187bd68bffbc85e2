// Results outside the lab catalog (receptor ligand-binding assays, FNA morphometry,
// menopausal status, weight loss): one Observation each, coded only in a Konsil-local
// system (no LOINC code exists for them) with a UCUM quantity. Results about the tumor
// point at the cancer condition, as tumor markers do.
import type { Observation } from '@medplum/fhirtypes';
import { fhirDateTime, atTime } from '../dates';
import { SYSTEM } from '../clinical/code-systems';
import type { MeasurementSpec } from '../clinical/story';
import { codeable, syntheticMeta } from './transaction-bundle';

const CATEGORY_DISPLAY = { laboratory: 'Laboratory', 'social-history': 'Social History', exam: 'Exam' } as const;

export function measurementObservation(m: MeasurementSpec, patientRef: string, conditionRef: string): Observation {
  const effective = atTime(m.date, m.category === 'laboratory' ? 11 : 10);
  return {
    resourceType: 'Observation',
    meta: syntheticMeta(),
    status: 'final',
    category: [codeable({ system: SYSTEM.observationCategory, code: m.category, display: CATEGORY_DISPLAY[m.category] })],
    code: { coding: [m.code], text: m.code.display },
    subject: { reference: patientRef },
    ...(m.aboutTumor ? { focus: [{ reference: conditionRef }] } : {}),
    effectiveDateTime: fhirDateTime(effective),
    ...(m.category === 'laboratory' ? { issued: fhirDateTime(new Date(effective.getTime() + 26 * 3_600_000)) } : {}),
    valueQuantity: { value: m.value, unit: m.unit.text, system: SYSTEM.ucum, code: m.unit.ucum },
    ...(m.method ? { method: { text: m.method } } : {}),
  };
}

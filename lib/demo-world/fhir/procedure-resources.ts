// Procedures (SNOMED CT codes; surgery claims the mCODE cancer-related surgical
// procedure profile) and systemic therapies as one MedicationStatement per drug
// (ATC code), grouped by the regimen extension and the dosage text.
import type { MedicationStatement, Procedure } from '@medplum/fhirtypes';
import { fhirDate } from '../dates';
import { PROCEDURE_CATEGORY, PROFILE, REGIMEN_EXTENSION_URL } from '../clinical/code-systems';
import type { DrugSpec, ProcedureSpec, TherapySpec } from '../clinical/story';
import { codeable, syntheticMeta } from './transaction-bundle';

export function procedureResource(p: ProcedureSpec, patientRef: string, conditionRef: string): Procedure {
  return {
    resourceType: 'Procedure',
    meta: syntheticMeta(p.category === 'SURGERY' ? PROFILE.surgicalProcedure : undefined),
    status: 'completed',
    category: codeable(PROCEDURE_CATEGORY[p.category]),
    code: { coding: [p.code], text: p.note ?? p.code.display },
    subject: { reference: patientRef },
    ...(p.end ? { performedPeriod: { start: fhirDate(p.start), end: fhirDate(p.end) } } : { performedDateTime: fhirDate(p.start) }),
    ...(p.bodySite ? { bodySite: [codeable(p.bodySite)] } : {}),
    reasonReference: [{ reference: conditionRef }],
    ...(p.note ? { note: [{ text: p.note }] } : {}),
  };
}

export function medicationStatement(therapy: TherapySpec, drug: DrugSpec, today: Date, patientRef: string, conditionRef: string): MedicationStatement {
  const ended = therapy.end !== undefined && therapy.end <= today;
  const status = !ended ? 'active' : therapy.stopReason ? 'stopped' : 'completed';
  return {
    resourceType: 'MedicationStatement',
    meta: syntheticMeta(),
    extension: [{ url: REGIMEN_EXTENSION_URL, valueString: therapy.regimen }],
    status,
    ...(status === 'stopped' ? { statusReason: [{ text: therapy.stopReason === 'progression' ? 'Disease progression' : 'Toxicity' }] } : {}),
    medicationCodeableConcept: { coding: [drug.atc], text: drug.atc.display },
    subject: { reference: patientRef },
    effectivePeriod: { start: fhirDate(therapy.start), ...(ended ? { end: fhirDate(therapy.end!) } : {}) },
    dateAsserted: fhirDate(ended ? therapy.end! : today),
    reasonReference: [{ reference: conditionRef }],
    note: [{ text: `Regimen: ${therapy.regimen} (${therapy.intent})` }],
    dosage: [{ text: drug.dose }],
  };
}

// Patient → FHIR Patient: the MRN as an identifier typed MR (v2-0203), so the importer (and any
// receiver) matches the patient by it; demo patients carry HTEST in meta.security.
import type { Patient } from '@medplum/fhirtypes';
import { SYSTEM } from '../code-systems';
import type { DecisionExportData } from './export-input';
import { fhirId } from './fhir-ids';

const gender = { FEMALE: 'female', MALE: 'male', OTHER: 'other', UNKNOWN: 'unknown' } as const;

export function patientResource(patient: DecisionExportData['patient']): Patient {
  return {
    resourceType: 'Patient',
    id: fhirId(patient.id),
    ...(patient.isSynthetic ? { meta: { security: [{ system: SYSTEM.actReason, code: 'HTEST', display: 'test health data' }] } } : {}),
    identifier: [
      {
        use: 'usual',
        type: { coding: [{ system: SYSTEM.identifierType, code: 'MR', display: 'Medical record number' }] },
        ...(patient.mrnSystem ? { system: patient.mrnSystem } : {}),
        value: patient.mrn,
      },
    ],
    name: [{ use: 'official', family: patient.familyName, given: [patient.givenName] }],
    gender: gender[patient.sex],
    ...(patient.birthDate ? { birthDate: patient.birthDate } : {}),
  };
}

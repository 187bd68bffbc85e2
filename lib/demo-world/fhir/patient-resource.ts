import type { Patient } from '@medplum/fhirtypes';
import { PROFILE, SYSTEM } from '../clinical/code-systems';
import { codeable, syntheticMeta } from './transaction-bundle';

export interface PatientResourceInput {
  mrn: string;
  familyName: string;
  givenName: string;
  sex: 'FEMALE' | 'MALE';
  birthDate: string;
}

export function patientResource(p: PatientResourceInput): Patient {
  return {
    resourceType: 'Patient',
    meta: syntheticMeta(PROFILE.patient),
    identifier: [{ use: 'usual', type: codeable({ system: SYSTEM.v2_0203, code: 'MR', display: 'Medical record number' }), system: SYSTEM.mrn, value: p.mrn }],
    active: true,
    name: [{ use: 'official', family: p.familyName, given: [p.givenName], text: `${p.givenName} ${p.familyName}` }],
    gender: p.sex === 'FEMALE' ? 'female' : 'male',
    birthDate: p.birthDate,
  };
}

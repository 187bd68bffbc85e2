// mCODE PrimaryCancerCondition (ICD-10 code, ICD-O-3 morphology in the
// histology-morphology-behavior extension, ICD-O-3 topography beside the SNOMED
// body site, stage summary pointing at the stage group) and
// SecondaryCancerCondition for each metastatic site.
import type { Condition } from '@medplum/fhirtypes';
import { fhirDate } from '../dates';
import { PROFILE, SYSTEM, SYSTEM as S } from '../clinical/code-systems';
import type { DiagnosisSpec, MetastasisSpec } from '../clinical/story';
import { codeable, syntheticMeta } from './transaction-bundle';

const clinicalStatus = (code: 'active' | 'remission') => codeable({ system: S.conditionClinical, code, display: code === 'active' ? 'Active' : 'Remission' });
const verification = (code: 'confirmed' | 'provisional') => codeable({ system: S.conditionVerification, code, display: code === 'confirmed' ? 'Confirmed' : 'Provisional' });
const problemList = [codeable({ system: S.conditionCategory, code: 'problem-list-item', display: 'Problem List Item' })];

export function primaryCancerCondition(d: DiagnosisSpec, patientRef: string, stage: { ref: string; group: string } | undefined, recordedOn: Date): Condition {
  return {
    resourceType: 'Condition',
    meta: syntheticMeta(PROFILE.primaryCancer),
    extension: [{ url: PROFILE.histologyExtension, valueCodeableConcept: codeable(d.morphology) }],
    clinicalStatus: clinicalStatus('active'),
    verificationStatus: verification('confirmed'),
    category: problemList,
    code: { coding: [d.icd10], text: d.text },
    bodySite: [{ coding: [d.bodySite, d.topography], text: d.topography.display }],
    subject: { reference: patientRef },
    onsetDateTime: fhirDate(d.date),
    recordedDate: fhirDate(recordedOn),
    ...(stage ? { stage: [{ summary: { coding: [{ system: SYSTEM.ajcc, code: stage.group, display: `Stage ${stage.group}` }], text: `Stage ${stage.group}` }, assessment: [{ reference: stage.ref }] }] } : {}),
  };
}

export function secondaryCancerCondition(m: MetastasisSpec, patientRef: string, primaryRef: string, provisional: boolean): Condition {
  return {
    resourceType: 'Condition',
    meta: syntheticMeta(PROFILE.secondaryCancer),
    extension: [{ url: PROFILE.relatedPrimaryExtension, valueReference: { reference: primaryRef } }],
    clinicalStatus: clinicalStatus('active'),
    verificationStatus: verification(provisional ? 'provisional' : 'confirmed'),
    category: problemList,
    code: { coding: [m.icd10], text: m.icd10.display },
    bodySite: [{ coding: [m.bodySite], text: m.bodySite.display }],
    subject: { reference: patientRef },
    onsetDateTime: fhirDate(m.date),
    recordedDate: fhirDate(m.date),
  };
}

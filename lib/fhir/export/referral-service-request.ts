// The referral to the board as a ServiceRequest (intent `order`): the question asked is its
// note, the diagnosis its reasonCode (ICD-10), the referring clinician its requester.
import type {ServiceRequest } from '@medplum/fhirtypes';
import type { DecisionExportData } from './export-input';
import { fhirId, KONSIL_SYSTEM, type EntryRef } from './fhir-ids';

export function referralServiceRequest(
  data: Pick<DecisionExportData, 'case' | 'board'>,
  refs: { patient: EntryRef; requester: EntryRef; encounter?: EntryRef },
): ServiceRequest {
  const c = data.case;
  return {
    resourceType: 'ServiceRequest',
    id: fhirId(`referral-${c.id}`),
    identifier: [{ system: KONSIL_SYSTEM.case, value: c.id }],
    status: 'completed',
    intent: 'order',
    code: { text: `Tumor board review: ${data.board.name}` },
    subject: refs.patient,
    ...(c.referredAt ? { authoredOn: c.referredAt } : {}),
    requester: refs.requester,
    performer: [{ display: data.board.name }],
    ...(c.icd10Code
      ? { reasonCode: [{ coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: c.icd10Code, ...(c.icd10Display ? { display: c.icd10Display } : {}) }], text: c.icd10Display ?? c.icd10Code }] }
      : {}),
    note: [{ text: `Question to the board: ${c.question}` }, { text: `Tumor entity: ${c.entity.replaceAll('_', ' ').toLowerCase()}` }],
  };
}

// Is a FHIR Condition the patient's cancer, a metastasis, or something else?
// Konsil decides in this order, first match wins:
//  1. meta.profile names the mCODE Primary or Secondary Cancer Condition profile;
//  2. the ICD-10 code (WHO, -CM and -GM share these ranges):
//       C77–C79  secondary malignant neoplasms                        → SECONDARY_CANCER
//       C00–C76, C80–C97  malignant neoplasms (stated/presumed primary,
//                 unspecified site, lymphoid and haematopoietic)      → PRIMARY_CANCER
//       D00–D09  in situ neoplasms                                     → PRIMARY_CANCER
//       D37–D48  neoplasms of uncertain or unknown behaviour           → PRIMARY_CANCER
//     mCODE: "cancers that are not clearly secondary (of uncertain origin or
//     behaviour) should be documented as primary"; in situ and uncertain-behaviour
//     tumours (DCIS, MDS…) are routinely discussed by tumor boards.
//     Benign neoplasms (D10–D36) and everything else                 → COMORBIDITY;
//  3. without ICD-10, the ICD-O-3 behaviour digit of the histology: /6 (metastatic
//     site) → SECONDARY_CANCER; /1, /2, /3, /9 → PRIMARY_CANCER;
//  4. otherwise COMORBIDITY.
// Condition.category is not used: its standard codes (problem-list-item,
// encounter-diagnosis) say nothing about cancer. A cancer coded only in SNOMED CT
// without an mCODE profile therefore lands in COMORBIDITY (no terminology server
// to walk the hierarchy); senders should use the profile or ICD-10.
import type { ConditionKind } from '@/lib/generated/prisma/enums';
import { MCODE } from './code-systems';

export function conditionKind(input: { profiles: readonly string[]; icd10Code: string | null; icdO3Morphology: string | null }): ConditionKind {
  const profiles = input.profiles.map((p) => p.split('|')[0]);
  if (profiles.includes(MCODE.primaryCancerCondition)) return 'PRIMARY_CANCER';
  if (profiles.includes(MCODE.secondaryCancerCondition)) return 'SECONDARY_CANCER';

  const icd = input.icd10Code ? /^([A-Z])(\d{2})/.exec(input.icd10Code.toUpperCase()) : null;
  if (icd) {
    const chapter = icd[1]!;
    const block = Number(icd[2]);
    if (chapter === 'C') return block >= 77 && block <= 79 ? 'SECONDARY_CANCER' : 'PRIMARY_CANCER';
    if (chapter === 'D' && (block <= 9 || (block >= 37 && block <= 48))) return 'PRIMARY_CANCER';
    return 'COMORBIDITY';
  }

  const behaviour = input.icdO3Morphology ? /\/(\d)$/.exec(input.icdO3Morphology)?.[1] : undefined;
  if (behaviour === '6') return 'SECONDARY_CANCER';
  if (behaviour === '1' || behaviour === '2' || behaviour === '3' || behaviour === '9') return 'PRIMARY_CANCER';
  return 'COMORBIDITY';
}

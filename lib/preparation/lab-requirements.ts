// Which laboratory values a case needs, recent, before its board discusses it: per tumor
// entity a short declared list of LOINC codes. Chosen for what the board's decision
// usually turns on, not for completeness of a work-up:
// - a blood count (haemoglobin, leukocytes, platelets) for every entity that may go to
//   systemic therapy or surgery;
// - creatinine where platinum, contrast or nephrotoxic therapy is on the table (lung, GI,
//   uro-oncology);
// - bilirubin for the GI entities (liver function before chemotherapy, biliary obstruction);
// - PSA for prostate cancer (it stages and follows the disease); LDH for melanoma (part of
//   the M category in AJCC 8).
// A hospital that wants another list edits this file (and its test).
import type { TumorEntity } from '@/lib/generated/prisma/enums';

export interface RequiredLab {
  loinc: string;
  label: string;
}

const HB: RequiredLab = { loinc: '718-7', label: 'Haemoglobin' };
const WBC: RequiredLab = { loinc: '6690-2', label: 'Leukocytes' };
const PLT: RequiredLab = { loinc: '777-3', label: 'Platelets' };
const CREA: RequiredLab = { loinc: '2160-0', label: 'Creatinine' };
const BILI: RequiredLab = { loinc: '1975-2', label: 'Bilirubin' };
const PSA: RequiredLab = { loinc: '2857-1', label: 'PSA' };
const LDH: RequiredLab = { loinc: '2532-0', label: 'LDH' };

const CBC = [HB, WBC, PLT];
const GI = [...CBC, CREA, BILI];

export const REQUIRED_LABS: Record<TumorEntity, readonly RequiredLab[]> = {
  LUNG: [...CBC, CREA],
  BREAST: CBC,
  COLORECTAL: GI,
  UPPER_GI: GI,
  PANCREAS: GI,
  HEPATOBILIARY: GI,
  PROSTATE: [PSA, CREA],
  KIDNEY: [...CBC, CREA],
  BLADDER: [...CBC, CREA],
  GYNECOLOGIC: CBC,
  HEAD_AND_NECK: [...CBC, CREA],
  SKIN: [LDH],
  CNS: CBC,
  LYMPHOMA: [...CBC, LDH],
  SARCOMA: CBC,
  OTHER: [],
};

/** Every LOINC code any entity needs (what the loader fetches). */
export const ALL_REQUIRED_LOINC: readonly string[] = [...new Set(Object.values(REQUIRED_LABS).flatMap((labs) => labs.map((l) => l.loinc)))];

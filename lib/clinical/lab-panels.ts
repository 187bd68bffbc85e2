// How the case screen groups laboratory results and which tumor markers matter for
// which entity. Keyed by LOINC; an analyte we do not know goes under "Other".
// Pure data, shared by the server loaders and their tests.
import { tumorMarkerName, tumorMarkerRank } from '@/lib/case-screen/tumor-markers';

export const labPanelOrder = ['Tumor markers', 'Blood count', 'Kidney', 'Liver', 'Electrolytes', 'Coagulation', 'Inflammation', 'Endocrine', 'Other'] as const;
export type LabPanel = (typeof labPanelOrder)[number];

const panelByLoinc: Record<string, LabPanel> = {
  // blood count
  '718-7': 'Blood count', // hemoglobin
  '6690-2': 'Blood count', // leukocytes
  '751-8': 'Blood count', // neutrophils
  '731-0': 'Blood count', // lymphocytes
  '777-3': 'Blood count', // platelets
  '4544-3': 'Blood count', // hematocrit
  // kidney
  '2160-0': 'Kidney', // creatinine
  '33914-3': 'Kidney', // eGFR (MDRD)
  '62238-1': 'Kidney', // eGFR (CKD-EPI)
  '3094-0': 'Kidney', // urea nitrogen
  // liver
  '1742-6': 'Liver', // ALT
  '1920-8': 'Liver', // AST
  '1975-2': 'Liver', // bilirubin total
  '6768-6': 'Liver', // alkaline phosphatase
  '2324-2': 'Liver', // GGT
  '1751-7': 'Liver', // albumin
  '2532-0': 'Liver', // LDH (reported with the liver/cell-turnover panel in most labs)
  // electrolytes
  '2951-2': 'Electrolytes', // sodium
  '2823-3': 'Electrolytes', // potassium
  '17861-6': 'Electrolytes', // calcium
  // coagulation
  '6301-6': 'Coagulation', // INR
  '5902-2': 'Coagulation', // prothrombin time
  // inflammation
  '1988-5': 'Inflammation', // CRP
  // endocrine
  '2986-8': 'Endocrine', // testosterone
  '3016-3': 'Endocrine', // TSH
};

/** Any known serum tumor marker (the one table: lib/case-screen/tumor-markers.ts). */
export function isTumorMarkerCode(loincCode: string | null): boolean {
  return tumorMarkerName(loincCode) !== null;
}

/** True when this marker is followed in this entity (it is then shown first and emphasized). */
export function isTumorMarkerFor(loincCode: string | null, entity: string): boolean {
  return tumorMarkerRank(entity, loincCode) !== -1;
}

/** An analyte's panel; a marker that also has a routine panel (LDH → Liver) keeps it. */
export function labPanelFor(loincCode: string | null): LabPanel {
  const routine = loincCode ? panelByLoinc[loincCode] : undefined;
  if (routine) return routine;
  return isTumorMarkerCode(loincCode) ? 'Tumor markers' : 'Other';
}

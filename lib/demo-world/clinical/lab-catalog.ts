// The laboratory tests the world draws: LOINC code, UCUM unit, adult reference
// interval and a typical value in health. Intervals are common adult ones; a
// real laboratory publishes its own.
export interface LabDefinition {
  loinc: string;
  display: string;
  /** UCUM code (Observation.valueQuantity.code). */
  ucum: string;
  /** How people write the unit (Observation.valueQuantity.unit). */
  unitText: string;
  /** Reference interval; low undefined when only an upper limit applies (tumor markers). */
  range: { FEMALE: [number | undefined, number]; MALE: [number | undefined, number] };
  /** Typical healthy value, per sex. */
  typical: { FEMALE: number; MALE: number };
  decimals: number;
  tumorMarker: boolean;
}

const same = <T>(value: T) => ({ FEMALE: value, MALE: value });

export const LABS = {
  hemoglobin: { loinc: '718-7', display: 'Hemoglobin [Mass/volume] in Blood', ucum: 'g/dL', unitText: 'g/dL', range: { FEMALE: [12.0, 15.5], MALE: [13.5, 17.5] }, typical: { FEMALE: 13.5, MALE: 15.0 }, decimals: 1, tumorMarker: false },
  leukocytes: { loinc: '6690-2', display: 'Leukocytes [#/volume] in Blood by Automated count', ucum: '10*3/uL', unitText: '10^3/µL', range: same([4.0, 10.0]), typical: same(6.8), decimals: 1, tumorMarker: false },
  neutrophils: { loinc: '751-8', display: 'Neutrophils [#/volume] in Blood by Automated count', ucum: '10*3/uL', unitText: '10^3/µL', range: same([1.8, 7.5]), typical: same(4.2), decimals: 2, tumorMarker: false },
  platelets: { loinc: '777-3', display: 'Platelets [#/volume] in Blood by Automated count', ucum: '10*3/uL', unitText: '10^3/µL', range: same([150, 400]), typical: same(255), decimals: 0, tumorMarker: false },
  creatinine: { loinc: '2160-0', display: 'Creatinine [Mass/volume] in Serum or Plasma', ucum: 'mg/dL', unitText: 'mg/dL', range: { FEMALE: [0.5, 0.9], MALE: [0.7, 1.2] }, typical: { FEMALE: 0.74, MALE: 0.94 }, decimals: 2, tumorMarker: false },
  alt: { loinc: '1742-6', display: 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma', ucum: 'U/L', unitText: 'U/L', range: { FEMALE: [undefined, 35], MALE: [undefined, 50] }, typical: { FEMALE: 20, MALE: 26 }, decimals: 0, tumorMarker: false },
  ast: { loinc: '1920-8', display: 'Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma', ucum: 'U/L', unitText: 'U/L', range: { FEMALE: [undefined, 35], MALE: [undefined, 50] }, typical: { FEMALE: 22, MALE: 25 }, decimals: 0, tumorMarker: false },
  bilirubin: { loinc: '1975-2', display: 'Bilirubin.total [Mass/volume] in Serum or Plasma', ucum: 'mg/dL', unitText: 'mg/dL', range: same([0.1, 1.2]), typical: same(0.55), decimals: 2, tumorMarker: false },
  alkalinePhosphatase: { loinc: '6768-6', display: 'Alkaline phosphatase [Enzymatic activity/volume] in Serum or Plasma', ucum: 'U/L', unitText: 'U/L', range: { FEMALE: [35, 105], MALE: [40, 130] }, typical: { FEMALE: 68, MALE: 74 }, decimals: 0, tumorMarker: false },
  ldh: { loinc: '2532-0', display: 'Lactate dehydrogenase [Enzymatic activity/volume] in Serum or Plasma', ucum: 'U/L', unitText: 'U/L', range: same([135, 250]), typical: same(180), decimals: 0, tumorMarker: false },
  cea: { loinc: '2039-6', display: 'Carcinoembryonic Ag [Mass/volume] in Serum or Plasma', ucum: 'ng/mL', unitText: 'ng/mL', range: same([undefined, 5.0]), typical: same(1.8), decimals: 1, tumorMarker: true },
  ca153: { loinc: '6875-9', display: 'Cancer Ag 15-3 [Units/volume] in Serum or Plasma', ucum: 'U/mL', unitText: 'U/mL', range: same([undefined, 25]), typical: same(14), decimals: 1, tumorMarker: true },
  ca199: { loinc: '24108-3', display: 'Cancer Ag 19-9 [Units/volume] in Serum or Plasma', ucum: 'U/mL', unitText: 'U/mL', range: same([undefined, 37]), typical: same(12), decimals: 0, tumorMarker: true },
  psa: { loinc: '2857-1', display: 'Prostate specific Ag [Mass/volume] in Serum or Plasma', ucum: 'ng/mL', unitText: 'ng/mL', range: same([undefined, 4.0]), typical: same(1.2), decimals: 2, tumorMarker: true },
  testosterone: { loinc: '2986-8', display: 'Testosterone [Mass/volume] in Serum or Plasma', ucum: 'ng/dL', unitText: 'ng/dL', range: { FEMALE: [15, 70], MALE: [250, 830] }, typical: { FEMALE: 35, MALE: 480 }, decimals: 0, tumorMarker: false },
  s100b: { loinc: '47275-3', display: 'S100 calcium binding protein B [Mass/volume] in Serum', ucum: 'ug/L', unitText: 'µg/L', range: same([undefined, 0.105]), typical: same(0.05), decimals: 3, tumorMarker: true },
} as const satisfies Record<string, LabDefinition>;

export type LabKey = keyof typeof LABS;

/** Drawn at every visit, whatever the entity. */
export const ROUTINE_PANEL: readonly LabKey[] = [
  'hemoglobin', 'leukocytes', 'neutrophils', 'platelets', 'creatinine', 'alt', 'ast', 'bilirubin', 'alkalinePhosphatase', 'ldh',
];

/** FHIR interpretation code for a value against an interval. */
export function interpret(value: number, low: number | undefined, high: number): 'H' | 'L' | 'N' {
  if (value > high) return 'H';
  if (low !== undefined && value < low) return 'L';
  return 'N';
}

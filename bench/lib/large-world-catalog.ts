// What the large bench world is made of: boards, the entities seen there with their
// codes, tumor markers and therapies, and the laboratory analytes drawn at every
// visit. Shapes follow the demo world (lib/demo-world), reused where it has them.
import { LABS } from '../../lib/demo-world/clinical/lab-catalog';

/** Bump when the world's shape changes: an older bench database is then reseeded. */
export const LARGE_WORLD_VERSION = 1;

export const BENCH_ACTOR_EMAIL = 'bench.clinician@bench.konsil';

export interface Analyte {
  loinc: string;
  display: string;
  unit: string;
  low: number | null;
  high: number;
  /** Typical value and spread of the world's patients (ill people: wider than in health). */
  mean: number;
  sd: number;
  decimals: number;
}

const fromDemo = (key: keyof typeof LABS, sd: number): Analyte => {
  const lab = LABS[key];
  const [low, high] = lab.range.FEMALE;
  return { loinc: lab.loinc, display: lab.display, unit: lab.ucum, low: low ?? null, high, mean: lab.typical.FEMALE, sd, decimals: lab.decimals };
};

/** 19 analytes every patient has at every visit (blood count, kidney, liver, electrolytes, CRP, INR, CEA). */
export const ROUTINE_ANALYTES: Analyte[] = [
  fromDemo('hemoglobin', 1.8),
  fromDemo('leukocytes', 2.6),
  fromDemo('neutrophils', 1.9),
  fromDemo('platelets', 80),
  fromDemo('creatinine', 0.22),
  fromDemo('alt', 14),
  fromDemo('ast', 12),
  fromDemo('bilirubin', 0.3),
  fromDemo('alkalinePhosphatase', 30),
  fromDemo('ldh', 55),
  fromDemo('cea', 3.5),
  { loinc: '62238-1', display: 'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI)', unit: 'mL/min/{1.73_m2}', low: 60, high: 200, mean: 78, sd: 18, decimals: 0 },
  { loinc: '2951-2', display: 'Sodium [Moles/volume] in Serum or Plasma', unit: 'mmol/L', low: 135, high: 145, mean: 139, sd: 3, decimals: 0 },
  { loinc: '2823-3', display: 'Potassium [Moles/volume] in Serum or Plasma', unit: 'mmol/L', low: 3.5, high: 5.1, mean: 4.2, sd: 0.45, decimals: 1 },
  { loinc: '17861-6', display: 'Calcium [Mass/volume] in Serum or Plasma', unit: 'mg/dL', low: 8.6, high: 10.3, mean: 9.4, sd: 0.6, decimals: 1 },
  { loinc: '1751-7', display: 'Albumin [Mass/volume] in Serum or Plasma', unit: 'g/dL', low: 3.5, high: 5.2, mean: 4.0, sd: 0.5, decimals: 1 },
  { loinc: '1988-5', display: 'C reactive protein [Mass/volume] in Serum or Plasma', unit: 'mg/L', low: null, high: 5, mean: 6, sd: 9, decimals: 1 },
  { loinc: '2324-2', display: 'Gamma glutamyl transferase [Enzymatic activity/volume] in Serum or Plasma', unit: 'U/L', low: null, high: 40, mean: 32, sd: 24, decimals: 0 },
  { loinc: '6301-6', display: 'INR in Platelet poor plasma by Coagulation assay', unit: '{INR}', low: 0.85, high: 1.15, mean: 1.02, sd: 0.12, decimals: 2 },
];

export const VISITS_PER_PATIENT = 5;

export interface EntityProfile {
  entity: 'LUNG' | 'BREAST' | 'COLORECTAL' | 'PROSTATE' | 'SKIN';
  boardSlug: string;
  /** Share of women among the entity's patients. */
  female: number;
  icd10: [string, string];
  morphology: string;
  topography: string;
  /** The entity's own tumor marker: with the routine panel, 19 + 1 = 20 analytes a visit. */
  marker: Analyte;
  questions: string[];
  /** Systemic therapy: ATC code, drug, regimen. */
  drugs: [string, string][];
  regimen: string;
  surgery: string;
}

export const ENTITY_PROFILES: EntityProfile[] = [
  {
    entity: 'LUNG', boardSlug: 'bench-thoracic', female: 0.42,
    icd10: ['C34.1', 'Malignant neoplasm: Upper lobe, bronchus or lung'], morphology: '8140/3', topography: 'C34.1',
    marker: { loinc: '19180-9', display: 'Cytokeratin 19 fragment [Mass/volume] in Serum', unit: 'ng/mL', low: null, high: 3.3, mean: 3.5, sd: 3, decimals: 1 },
    questions: ['Adjuvant therapy after lobectomy?', 'Treatment of stage III NSCLC: definitive chemoradiation or surgery?', 'Second-line therapy after progression on pembrolizumab?'],
    drugs: [['L01XA02', 'carboplatin'], ['L01BA04', 'pemetrexed'], ['L01FF02', 'pembrolizumab']], regimen: 'carboplatin/pemetrexed/pembrolizumab',
    surgery: 'Video-assisted thoracoscopic lobectomy with systematic lymph node dissection',
  },
  {
    entity: 'BREAST', boardSlug: 'bench-breast', female: 0.99,
    icd10: ['C50.4', 'Malignant neoplasm: Upper-outer quadrant of breast'], morphology: '8500/3', topography: 'C50.4',
    marker: { ...fromDemo('ca153', 12) },
    questions: ['Neoadjuvant or primary surgery for HER2-positive cT2 cN1?', 'Adjuvant endocrine therapy with CDK4/6 inhibitor?', 'Therapy for new liver metastases?'],
    drugs: [['L01CD01', 'paclitaxel'], ['L01FD01', 'trastuzumab'], ['L01FD02', 'pertuzumab']], regimen: 'paclitaxel/trastuzumab/pertuzumab',
    surgery: 'Breast-conserving surgery with sentinel lymph node biopsy',
  },
  {
    entity: 'COLORECTAL', boardSlug: 'bench-gi', female: 0.45,
    icd10: ['C18.7', 'Malignant neoplasm: Sigmoid colon'], morphology: '8140/3', topography: 'C18.7',
    marker: { ...fromDemo('ca199', 25) },
    questions: ['Adjuvant chemotherapy after sigmoid resection, pT3 pN1b?', 'Resectability of synchronous liver metastases?', 'Maintenance after FOLFOX induction?'],
    drugs: [['L01XA03', 'oxaliplatin'], ['L01BC02', 'fluorouracil'], ['V03AF03', 'calcium folinate']], regimen: 'FOLFOX',
    surgery: 'Laparoscopic sigmoid resection with complete mesocolic excision',
  },
  {
    entity: 'PROSTATE', boardSlug: 'bench-uro', female: 0,
    icd10: ['C61', 'Malignant neoplasm of prostate'], morphology: '8140/3', topography: 'C61.9',
    marker: { ...fromDemo('psa', 6) },
    questions: ['Radical prostatectomy or radiotherapy with ADT for ISUP 3?', 'Salvage radiotherapy for biochemical recurrence?', 'Therapy for mHSPC with bone metastases?'],
    drugs: [['L02AE02', 'leuprorelin'], ['L02BB04', 'enzalutamide'], ['M05BX04', 'denosumab']], regimen: 'ADT + enzalutamide',
    surgery: 'Robot-assisted radical prostatectomy with pelvic lymph node dissection',
  },
  {
    entity: 'SKIN', boardSlug: 'bench-skin', female: 0.48,
    icd10: ['C43.5', 'Malignant melanoma of trunk'], morphology: '8721/3', topography: 'C44.5',
    marker: { ...fromDemo('s100b', 0.08) },
    questions: ['Adjuvant anti-PD-1 after complete resection, stage IIIB?', 'Therapy for BRAF V600E-mutated unresectable melanoma?', 'Management of a solitary brain metastasis?'],
    drugs: [['L01FF01', 'nivolumab'], ['L01FX04', 'ipilimumab'], ['L01EC02', 'dabrafenib']], regimen: 'nivolumab/ipilimumab',
    surgery: 'Wide local excision with sentinel lymph node biopsy',
  },
];

/** Patient i's entity: lung and breast 3 in 10 each, colorectal 2, prostate and skin 1. */
export const ENTITY_OF_PATIENT_MOD_10 = [0, 1, 2, 0, 1, 3, 0, 1, 2, 4] as const;

export const BENCH_BOARDS = [
  { slug: 'bench-thoracic', name: 'Bench Thoracic Tumor Board', entities: ['LUNG'] },
  { slug: 'bench-breast', name: 'Bench Breast Tumor Board', entities: ['BREAST'] },
  { slug: 'bench-gi', name: 'Bench GI Tumor Board', entities: ['COLORECTAL'] },
  { slug: 'bench-uro', name: 'Bench Uro-Oncology Board', entities: ['PROSTATE'] },
  { slug: 'bench-skin', name: 'Bench Skin Tumor Board', entities: ['SKIN'] },
] as const;

// A patient's course as the entity files tell it: dates, diagnoses, treatments,
// findings. It is the single source from which the FHIR resources, the lab
// trajectories, the report texts and the CT phantoms are all derived, so they
// agree with each other (the CT report measures what the phantom contains, the
// tumor marker falls while the regimen works).
import type { Rng } from '../prng';
import type { DemoEntity } from '../types';
import type { LesionSiteKey } from '../ct/lesion-sites';
import type { Coding } from './code-systems';
import type { LabKey } from './lab-catalog';
import type { ModelInputException } from './model-input-exceptions';

export interface PatientBasics {
  familyName: string;
  givenName: string;
  sex: 'FEMALE' | 'MALE';
  birthDate: Date;
}

export interface StoryContext {
  rng: Rng;
  /** Midnight UTC of the world's "today". */
  today: Date;
  patient: PatientBasics;
  /** Whether this patient gets CT series (most do). */
  withCt: boolean;
  /** How many patients of this entity came before: picks the course, so every course appears. */
  variant: number;
  /** Deliberate gaps and outliers in this patient's model inputs (clinical/model-input-exceptions.ts). */
  exceptions: ReadonlySet<ModelInputException>;
}

export interface DiagnosisSpec {
  date: Date;
  icd10: Coding;
  morphology: Coding;
  topography: Coding;
  bodySite: Coding;
  /** How the reports name it ("adenocarcinoma of the right upper lobe"). */
  text: string;
}

/** TNM categories without prefix ("T2a", "N1", "M0") and the stage group ("IIIA"). */
export interface StageSpec {
  kind: 'clinical' | 'pathological';
  /** Pathological staging after neoadjuvant therapy (AJCC prefix "yp"). */
  afterNeoadjuvant?: boolean;
  date: Date;
  t: string;
  n: string;
  m: string;
  group: string;
}

export interface MetastasisSpec {
  date: Date;
  icd10: Coding;
  bodySite: Coding;
}

export type ProcedureKind = 'BIOPSY' | 'SURGERY' | 'RADIOTHERAPY' | 'ENDOSCOPY';

export interface ProcedureSpec {
  category: ProcedureKind;
  code: Coding;
  start: Date;
  end?: Date;
  bodySite?: Coding;
  /** Free text kept with the procedure (dose and fractions of radiotherapy, extent of surgery). */
  note?: string;
}

export interface DrugSpec {
  atc: Coding;
  /** Dose as written on the chart ("AUC 5 i.v. day 1"). */
  dose: string;
}

export type TherapyIntent = 'neoadjuvant' | 'adjuvant' | 'curative' | 'palliative';

export interface TherapySpec {
  regimen: string;
  drugs: DrugSpec[];
  start: Date;
  /** Absent while ongoing. */
  end?: Date;
  intent: TherapyIntent;
  /** Why it ended, when it ended early. */
  stopReason?: 'progression' | 'toxicity';
  /** Cytotoxic regimens lower blood counts in the labs. */
  myelosuppressive: boolean;
  /** Androgen deprivation lowers testosterone. */
  androgenDeprivation?: boolean;
}

export type ReportKind = 'PATHOLOGY' | 'MOLECULAR' | 'RADIOLOGY';

/** A report whose text the entity writes (pathology, molecular, non-CT imaging). */
export interface TextReportSpec {
  kind: ReportKind;
  date: Date;
  title: string;
  /** Body lines after the synthetic banner and header. */
  lines: string[];
  conclusion: string;
  author: string;
}

export interface PlannedLesion {
  id: string;
  site: LesionSiteKey;
  /** Diameters along x, y, z (mm). */
  diametersMm: [number, number, number];
  /** Words for the report: "spiculated nodule", "lymph node", "lesion". */
  noun: string;
  /** How the radiologist reads it: "suspicious for metastasis", "consistent with the known primary". */
  reading: string;
}

export interface CtPlan {
  date: Date;
  /** Clinical information line of the request. */
  indication: string;
  lesions: PlannedLesion[];
}

/**
 * A numeric result outside the lab catalog, coded in a Konsil-local system because LOINC has
 * no code for it (receptor ligand-binding assays, FNA morphometry, menopausal status, weight
 * loss). Never give it a LOINC coding as well: the importer keeps system|code only when
 * there is no LOINC one, and the model cards read system|code.
 */
export interface MeasurementSpec {
  /** Names the resource in the bundle, so its id is stable ("receptor/er", "fna/radius_mean"). */
  key: string;
  date: Date;
  code: Coding;
  category: 'laboratory' | 'social-history' | 'exam';
  value: number;
  /** UCUM code (what Konsil stores) and the text a person reads. */
  unit: { ucum: string; text: string };
  /** How it was measured, as the lab writes it. */
  method?: string;
  /** Results about the tumor (receptors, cytology) point at the cancer condition, as tumor markers do. */
  aboutTumor: boolean;
}

export interface MarkerSpec {
  lab: LabKey;
  /** Value with no tumor (burden 0). */
  floor: number;
  /** Added per unit of tumor burden (burden 1 = at diagnosis). */
  perBurden: number;
}

export interface Story {
  entity: DemoEntity;
  boardSlug: string;
  diagnosis: DiagnosisSpec;
  stages: StageSpec[];
  metastases: MetastasisSpec[];
  procedures: ProcedureSpec[];
  therapies: TherapySpec[];
  reports: TextReportSpec[];
  ctPlans: CtPlan[];
  /** Tumor burden over time (1 = at diagnosis), linearly interpolated between points. */
  burden: { date: Date; value: number }[];
  markers: MarkerSpec[];
  /** Liver metastases raise the liver panel. */
  liverInvolvement?: Date;
  /** ECOG grades; Karnofsky scores where the entity records them at the same visit. */
  ecog: { date: Date; value: number; karnofsky?: number }[];
  /** Results outside the lab catalog; absent for entities that record none. */
  measurements?: MeasurementSpec[];
  question: string;
  urgency: 'ROUTINE' | 'URGENT';
}

export interface EntityModule {
  entity: DemoEntity;
  boardSlug: string;
  /** Sexes the entity occurs in here (breast: female only in this world). */
  sexes: readonly ('FEMALE' | 'MALE')[];
  /** Age range at the world's today. */
  ageRange: readonly [number, number];
  buildStory(ctx: StoryContext): Story;
}

/** Tumor burden on a given day (linear between the story's points, flat outside). */
export function burdenAt(story: Pick<Story, 'burden'>, date: Date): number {
  const points = story.burden;
  if (points.length === 0) return 0;
  const t = date.getTime();
  const first = points[0]!;
  if (t <= first.date.getTime()) return first.value;
  for (let i = 1; i < points.length; i += 1) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (t <= b.date.getTime()) {
      const span = b.date.getTime() - a.date.getTime();
      return span === 0 ? b.value : a.value + ((t - a.date.getTime()) / span) * (b.value - a.value);
    }
  }
  return points[points.length - 1]!.value;
}

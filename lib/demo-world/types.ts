// The public shape of the demo world: what the seed, the CLI and the benchmark
// receive. Plain data only (JSON-serialisable), so a spec can be handed to a
// worker thread or written to disk and rendered later.
import type { Bundle } from '@medplum/fhirtypes';

/** Tumor entities the world generates (a subset of Prisma's TumorEntity). */
export type DemoEntity = 'LUNG' | 'BREAST' | 'COLORECTAL' | 'PROSTATE' | 'SKIN' | 'PANCREAS';

export interface DemoWorldOptions {
  seed: number;
  /** Number of patients; default 40. */
  patients?: number;
  /** "Today" of the world: every date is relative to it. */
  referenceDate: Date;
  /** CT series size; default 64 slices of 256 × 256. */
  ct?: { slices: number; size: number };
}

export interface DemoCaseProposal {
  question: string;
  icd10Code: string;
  icd10Display: string;
  icdO3Morphology?: string;
  icdO3Topography?: string;
  urgency: 'ROUTINE' | 'URGENT';
}

export interface DemoPatient {
  mrn: string;
  /** Unique within a world, for Konsil's teaching views ("Patient Amber-01"). */
  pseudonym: string;
  familyName: string;
  givenName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'FEMALE' | 'MALE';
  entity: DemoEntity;
  /** Slug of the board the case goes to (see BOARD_SLUGS). */
  boardSlug: string;
  caseProposal: DemoCaseProposal;
  /** One FHIR R4 transaction bundle with everything about this patient. */
  bundle: Bundle;
  /** 0–2 CT studies (a prior and a current for some patients), one axial series each. */
  ctSeries: DemoCtSeriesSpec[];
}

export interface DemoWorld {
  seed: number;
  referenceDate: string;
  patients: DemoPatient[];
}

/** Ground truth of one synthetic lesion, in DICOM patient coordinates (LPS, mm). */
export interface DemoCtLesion {
  /** Stable across the prior and current study of a patient ("L1", "L2"…). */
  id: string;
  /** Where it is, in report words ("right upper lobe", "liver segment VII"). */
  label: string;
  /** Organ or region key (see ct/lesion-sites.ts). */
  site: string;
  /** Centre (x, y, z): x towards the patient's left, y posterior, z superior. z lies on a slice centre. */
  centreMm: [number, number, number];
  /** Full diameters along x, y and z (an axis-aligned ellipsoid). */
  diametersMm: [number, number, number];
  /** Mean attenuation inside the lesion before noise (Hounsfield units). */
  meanHu: number;
  /** Attenuation of the surrounding tissue the lesion is compared with. */
  backgroundHu: number;
}

/** Everything needed to render one CT series lazily, and what a test needs to measure it. */
export interface DemoCtSeriesSpec {
  mrn: string;
  patient: { familyName: string; givenName: string; birthDate: string; sex: 'F' | 'M' };
  /** 'prior' or 'current' when a patient has two studies; 'current' otherwise. */
  role: 'prior' | 'current';
  studyInstanceUid: string;
  seriesInstanceUid: string;
  frameOfReferenceUid: string;
  /** SOP Instance UIDs, one per slice, in slice order (instance number = index + 1). */
  sopInstanceUids: string[];
  accessionNumber: string;
  studyId: string;
  /** DICOM DA/TM of the study (YYYYMMDD / HHMMSS). */
  studyDate: string;
  studyTime: string;
  studyDescription: string;
  seriesNumber: number;
  seriesDescription: string;
  /** Directory-safe names for the files: <studyKey>/<seriesKey>/<n>.dcm. */
  studyKey: string;
  seriesKey: string;
  rows: number;
  columns: number;
  slices: number;
  /** Row spacing = column spacing (mm). */
  pixelSpacingMm: number;
  sliceThicknessMm: number;
  /** Distance between slice centres (mm); equal to the thickness (contiguous slices). */
  sliceSpacingMm: number;
  /** ImagePositionPatient of the first slice (the most superior); later slices step by -sliceSpacingMm in z. */
  firstPositionMm: [number, number, number];
  /** Anatomy switches of the phantom. */
  anatomy: { breasts: boolean; prostate: boolean };
  /** Standard deviation of the per-voxel noise (HU). */
  noiseSdHu: number;
  /** Key of the PRNG stream for the noise (slice i uses `${noiseKey}/slice/${i}`). */
  noiseKey: string;
  lesions: DemoCtLesion[];
}

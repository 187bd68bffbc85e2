// Code system URIs and the codings shared by several entities. Entity files hold
// their own histologies and regimens; what more than one of them needs lives here.
export const SYSTEM = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  icdO3: 'http://terminology.hl7.org/CodeSystem/icd-o-3',
  atc: 'http://www.whocc.no/atc',
  ucum: 'http://unitsofmeasure.org',
  ajcc: 'http://cancerstaging.org',
  v2_0203: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  v2_0074: 'http://terminology.hl7.org/CodeSystem/v2-0074',
  actReason: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  dicomDcm: 'http://dicom.nema.org/resources/ontology/DCM',
  rfc3986: 'urn:ietf:rfc:3986',
  dicomUid: 'urn:dicom:uid',
  mrn: 'urn:konsil:demo-world:mrn',
  konsilTag: 'urn:konsil:tag',
  /** Konsil-local codes for clinical values LOINC has no code for (the model cards name them). */
  konsilClinical: 'urn:konsil:clinical',
  /** Konsil-local codes for the WDBC nuclear morphometry features of a breast fine-needle aspirate. */
  fnaMorphometry: 'urn:konsil:fna-morphometry',
} as const;

export const MCODE = 'http://hl7.org/fhir/us/mcode/StructureDefinition';
export const PROFILE = {
  patient: `${MCODE}/mcode-cancer-patient`,
  primaryCancer: `${MCODE}/mcode-primary-cancer-condition`,
  secondaryCancer: `${MCODE}/mcode-secondary-cancer-condition`,
  histologyExtension: `${MCODE}/mcode-histology-morphology-behavior`,
  relatedPrimaryExtension: `${MCODE}/mcode-related-primary-cancer-condition`,
  tnmT: `${MCODE}/mcode-tnm-primary-tumor-category`,
  tnmN: `${MCODE}/mcode-tnm-regional-nodes-category`,
  tnmM: `${MCODE}/mcode-tnm-distant-metastases-category`,
  tnmStageGroup: `${MCODE}/mcode-tnm-stage-group`,
  ecog: `${MCODE}/mcode-ecog-performance-status`,
  karnofsky: `${MCODE}/mcode-karnofsky-performance-status`,
  tumorMarker: `${MCODE}/mcode-tumor-marker-test`,
  surgicalProcedure: `${MCODE}/mcode-cancer-related-surgical-procedure`,
  radiotherapyCourse: `${MCODE}/mcode-radiotherapy-course-summary`,
} as const;

/** Konsil-specific extension carrying the regimen name of a systemic therapy (FHIR has no element for it). */
export const REGIMEN_EXTENSION_URL = 'urn:konsil:fhir:extension:regimen';

export interface Coding {
  system: string;
  code: string;
  display: string;
}

export const snomed = (code: string, display: string): Coding => ({ system: SYSTEM.snomed, code, display });
export const loinc = (code: string, display: string): Coding => ({ system: SYSTEM.loinc, code, display });
export const icd10 = (code: string, display: string): Coding => ({ system: SYSTEM.icd10, code, display });
export const icdO3 = (code: string, display: string): Coding => ({ system: SYSTEM.icdO3, code, display });
export const atc = (code: string, display: string): Coding => ({ system: SYSTEM.atc, code, display });

/** Body structures (SNOMED CT) used for primaries, metastases and procedures. */
export const BODY_SITE = {
  lung: snomed('39607008', 'Lung structure'),
  rightUpperLobe: snomed('45653009', 'Structure of upper lobe of right lung'),
  leftLowerLobe: snomed('41224006', 'Structure of lower lobe of left lung'),
  breast: snomed('76752008', 'Breast structure'),
  colon: snomed('71854001', 'Colon structure'),
  sigmoid: snomed('60184004', 'Sigmoid colon structure'),
  rectum: snomed('34402009', 'Rectum structure'),
  prostate: snomed('41216001', 'Prostatic structure'),
  skin: snomed('39937001', 'Skin structure'),
  liver: snomed('10200004', 'Liver structure'),
  lymphNode: snomed('59441001', 'Structure of lymph node'),
  bone: snomed('272673000', 'Bone structure'),
  adrenal: snomed('23451007', 'Adrenal structure'),
  brain: snomed('12738006', 'Brain structure'),
  pancreas: snomed('15776009', 'Pancreatic structure'),
  subcutaneous: snomed('71966008', 'Subcutaneous tissue structure'),
  chestAbdomenPelvis: snomed('416775004', 'Chest, abdomen and pelvis'),
} as const satisfies Record<string, Coding>;

/** Procedure codes (SNOMED CT) shared across entities. */
export const PROCEDURE = {
  biopsy: snomed('86273004', 'Biopsy'),
  breastBiopsy: snomed('122548005', 'Biopsy of breast'),
  prostateBiopsy: snomed('65575008', 'Biopsy of prostate'),
  skinBiopsy: snomed('240977001', 'Biopsy of skin'),
  lobectomy: snomed('173171007', 'Lobectomy of lung'),
  lumpectomy: snomed('392021009', 'Lumpectomy of breast'),
  sentinelNodeBiopsy: snomed('396487001', 'Sentinel lymph node biopsy'),
  colectomy: snomed('23968004', 'Colectomy'),
  colonoscopy: snomed('73761001', 'Colonoscopy'),
  prostatectomy: snomed('90470006', 'Prostatectomy'),
  excision: snomed('65801008', 'Excision'),
  radiotherapyCourse: snomed('1217123003', 'Radiotherapy course of treatment'),
} as const satisfies Record<string, Coding>;

/** SNOMED CT categories of Procedure. */
export const PROCEDURE_CATEGORY = {
  SURGERY: snomed('387713003', 'Surgical procedure'),
  BIOPSY: snomed('103693007', 'Diagnostic procedure'),
  ENDOSCOPY: snomed('103693007', 'Diagnostic procedure'),
  RADIOTHERAPY: snomed('108290001', 'Radiation oncology AND/OR radiotherapy'),
} as const satisfies Record<string, Coding>;

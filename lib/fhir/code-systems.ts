// Code systems and codes the importer recognises. Each value was checked against
// its publisher (HL7 terminology, LOINC, the mCODE IG, BfArM); comments name the
// concept so a reviewer can look it up.

export const SYSTEM = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  ucum: 'http://unitsofmeasure.org',
  icdO3: 'http://terminology.hl7.org/CodeSystem/icd-o-3',
  atc: 'http://www.whocc.no/atc',
  ops: 'http://fhir.de/CodeSystem/bfarm/ops',
  /** HL7 v2 table 0203, identifier type (MR = medical record number, ACSN = accession number). */
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  /** HL7 v2 table 0074, diagnostic service section (DiagnosticReport.category). */
  diagnosticServiceSection: 'http://terminology.hl7.org/CodeSystem/v2-0074',
  /** HL7 v3 ActReason (HTEST = test health data). */
  actReason: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  observationInterpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  /** DICOM UIDs as identifiers: value is `urn:oid:<uid>`. */
  dicomUid: 'urn:dicom:uid',
  /** Konsil's own tags (meta.tag), e.g. `synthetic` from the demo generator. */
  konsilTag: 'urn:konsil:tag',
  /** Konsil's own extension naming the regimen a drug belongs to (FHIR R4 has no element for it). */
  konsilRegimenExtension: 'urn:konsil:fhir:extension:regimen',
} as const;

/** ICD-10 and its national modifications: WHO, US clinical modification, German modification (BfArM, formerly DIMDI). */
export const ICD10_SYSTEMS: ReadonlySet<string> = new Set([
  'http://hl7.org/fhir/sid/icd-10',
  'http://hl7.org/fhir/sid/icd-10-cm',
  'http://fhir.de/CodeSystem/bfarm/icd-10-gm',
  'http://fhir.de/CodeSystem/dimdi/icd-10-gm',
]);

export const MCODE = {
  primaryCancerCondition: 'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition',
  secondaryCancerCondition: 'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-secondary-cancer-condition',
  histologyMorphologyBehavior: 'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior',
  surgicalProcedure: 'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-cancer-related-surgical-procedure',
  radiationProcedure: 'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-cancer-related-radiation-procedure',
  radiotherapyCourseSummary: 'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-radiotherapy-course-summary',
} as const;

/**
 * Staging observation codes (mCODE TNM value sets): LOINC T/N/M categories and
 * stage groups (clinical, pathological, other), and the SNOMED CT observable
 * entities mCODE STU3+ uses for the same.
 */
export const STAGING_CODES: ReadonlySet<string> = new Set([
  // LOINC
  `${SYSTEM.loinc}|21905-5`, // Primary tumor.clinical [Class] Cancer (cT)
  `${SYSTEM.loinc}|21906-3`, // Regional lymph nodes.clinical [Class] Cancer (cN)
  `${SYSTEM.loinc}|21907-1`, // Distant metastases.clinical [Class] Cancer (cM)
  `${SYSTEM.loinc}|21908-9`, // Stage group.clinical Cancer
  `${SYSTEM.loinc}|21899-0`, // Primary tumor.pathology Cancer (pT)
  `${SYSTEM.loinc}|21900-6`, // Regional lymph nodes.pathology Cancer (pN)
  `${SYSTEM.loinc}|21901-4`, // Distant metastases.pathology Cancer (pM)
  `${SYSTEM.loinc}|21902-2`, // Stage group.pathology Cancer
  `${SYSTEM.loinc}|21911-3`, // Primary tumor.other [Class] Cancer
  `${SYSTEM.loinc}|21914-7`, // Stage group.other Cancer
  // SNOMED CT observable entities
  `${SYSTEM.snomed}|399504009`, // cT category
  `${SYSTEM.snomed}|399534004`, // cN category
  `${SYSTEM.snomed}|399387003`, // cM category
  `${SYSTEM.snomed}|384625004`, // pT category
  `${SYSTEM.snomed}|371494008`, // pN category
  `${SYSTEM.snomed}|371497001`, // pM category
  `${SYSTEM.snomed}|78873005`, // T category
  `${SYSTEM.snomed}|277206009`, // N category
  `${SYSTEM.snomed}|277208005`, // M category
  `${SYSTEM.snomed}|399390009`, // TNM stage grouping
  `${SYSTEM.snomed}|399537006`, // Clinical TNM stage grouping
  `${SYSTEM.snomed}|399588009`, // Pathologic TNM stage grouping
]);

/** Performance status scores (mCODE ECOG and Karnofsky profiles). */
export const PERFORMANCE_STATUS_CODES: ReadonlySet<string> = new Set([
  `${SYSTEM.loinc}|89247-1`, // ECOG Performance Status score
  `${SYSTEM.loinc}|89243-0`, // Karnofsky Performance Status score
  `${SYSTEM.snomed}|423740007`, // ECOG performance status (observable entity)
]);

/** LOINC answer list LL529-9 (ECOG grades): answers some senders use instead of an integer. */
export const ECOG_ANSWER_GRADES: ReadonlyMap<string, number> = new Map([
  ['LA9622-7', 0],
  ['LA9623-5', 1],
  ['LA9624-3', 2],
  ['LA9625-0', 3],
  ['LA9626-8', 4],
  ['LA9627-6', 5],
]);

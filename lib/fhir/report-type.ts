// Which kind of report a DiagnosticReport is. The diagnostic service section
// (HL7 v2 table 0074) in category decides; without one, the LOINC document code.
import type { DiagnosticReport } from '@medplum/fhirtypes';
import type { ReportType } from '@/lib/generated/prisma/enums';
import { SYSTEM } from './code-systems';
import { codesOf } from './fhir-values';

/** v2-0074 sections. */
const BY_SECTION: Record<string, ReportType> = {
  RAD: 'RADIOLOGY', // Radiology
  CT: 'RADIOLOGY', // CAT scan
  NMR: 'RADIOLOGY', // Nuclear magnetic resonance
  NMS: 'RADIOLOGY', // Nuclear medicine scan
  RUS: 'RADIOLOGY', // Radiology ultrasound
  VUS: 'RADIOLOGY', // Vascular ultrasound
  XRC: 'RADIOLOGY', // Cineradiograph
  PAT: 'PATHOLOGY', // Pathology (gross & histopathology)
  SP: 'PATHOLOGY', // Surgical pathology
  CP: 'PATHOLOGY', // Cytopathology
  GE: 'MOLECULAR', // Genetics
};

/** US Core note categories (LOINC parts). */
const BY_LOINC_CATEGORY: Record<string, ReportType> = {
  'LP29684-5': 'RADIOLOGY',
  'LP7839-6': 'PATHOLOGY',
};

/** LOINC document codes in DiagnosticReport.code. */
const BY_LOINC_CODE: Record<string, ReportType> = {
  '18748-4': 'RADIOLOGY', // Diagnostic imaging study
  '11526-1': 'PATHOLOGY', // Pathology study
  '60567-5': 'PATHOLOGY', // Comprehensive pathology report panel
  '22637-3': 'PATHOLOGY', // Pathology report final diagnosis Narrative
  '60568-3': 'PATHOLOGY', // Pathology Synoptic report
  '51969-4': 'MOLECULAR', // Genetic analysis report
  '81247-9': 'MOLECULAR', // Master HL7 genetic variant reporting panel
  '11504-8': 'SURGICAL', // Surgical operation note
  '11488-4': 'CLINICAL_NOTE', // Consult note
  '11506-3': 'CLINICAL_NOTE', // Progress note
  '18842-5': 'CLINICAL_NOTE', // Discharge summary
  '34117-2': 'CLINICAL_NOTE', // History and physical note
};

export function reportType(report: DiagnosticReport): ReportType {
  for (const code of codesOf(report.category, SYSTEM.diagnosticServiceSection)) {
    const type = BY_SECTION[code];
    if (type) return type;
  }
  for (const code of codesOf(report.category, SYSTEM.loinc)) {
    const type = BY_LOINC_CATEGORY[code];
    if (type) return type;
  }
  for (const code of codesOf(report.code ? [report.code] : [], SYSTEM.loinc)) {
    const type = BY_LOINC_CODE[code];
    if (type) return type;
  }
  return 'OTHER';
}

// SNOMED CT procedures a tumour board recommends most often, for the recommendation's code
// picker. Deliberately short and conservative: every code here was checked against the SNOMED
// CT concept it names (several are also the codes the demo world's FHIR uses,
// lib/demo-world/clinical/code-systems.ts). A procedure that is missing is recorded as free
// text ("no code") rather than under a guessed code: a wrong code in a signed decision is worse
// than none. Displays are the concepts' preferred terms (without the semantic tag).
import { CODE_SYSTEMS } from '@/lib/schemas/decision';
import type { ValueSetEntry } from './value-set-entry';

const SURGERY = ['SURGERY'] as const;
const DIAGNOSTICS = ['FURTHER_DIAGNOSTICS'] as const;
const RADIOTHERAPY = ['RADIOTHERAPY', 'RADIOCHEMOTHERAPY'] as const;
const BIOPSY = ['FURTHER_DIAGNOSTICS', 'SURGERY'] as const;

const entry = (code: string, display: string, modalities: ValueSetEntry['modalities']): ValueSetEntry => ({ system: CODE_SYSTEMS.snomed, code, display, modalities });

export const snomedProcedures: readonly ValueSetEntry[] = [
  // Lung
  entry('173171007', 'Lobectomy of lung', SURGERY),
  entry('49795001', 'Total pneumonectomy', SURGERY),
  // Breast
  entry('392021009', 'Lumpectomy of breast', SURGERY),
  entry('64368001', 'Partial mastectomy', SURGERY),
  entry('69031006', 'Excision of breast tissue (mastectomy)', SURGERY),
  entry('396487001', 'Sentinel lymph node biopsy', SURGERY),
  entry('234262008', 'Excision of axillary lymph node', SURGERY),
  // Colorectal
  entry('23968004', 'Colectomy', SURGERY),
  entry('26390003', 'Total colectomy', SURGERY),
  entry('84604002', 'Sigmoid colectomy', SURGERY),
  entry('4558008', 'Anterior resection of rectum', SURGERY),
  entry('265414003', 'Abdominoperineal resection of rectum', SURGERY),
  // Prostate
  entry('90470006', 'Prostatectomy', SURGERY),
  entry('26294005', 'Radical prostatectomy', SURGERY),
  // Other
  entry('13619001', 'Thyroidectomy', SURGERY),
  entry('65801008', 'Excision', SURGERY),
  // Tissue
  entry('86273004', 'Biopsy', BIOPSY),
  entry('122548005', 'Biopsy of breast', BIOPSY),
  entry('65575008', 'Biopsy of prostate', BIOPSY),
  entry('240977001', 'Biopsy of skin', BIOPSY),
  // Endoscopy and imaging
  entry('10847001', 'Bronchoscopy', DIAGNOSTICS),
  entry('73761001', 'Colonoscopy', DIAGNOSTICS),
  entry('450436003', 'Positron emission tomography with computed tomography', DIAGNOSTICS),
  entry('113091000', 'Magnetic resonance imaging', DIAGNOSTICS),
  entry('77477000', 'Computerized axial tomography', DIAGNOSTICS),
  entry('71651007', 'Mammography', DIAGNOSTICS),
  entry('16310003', 'Diagnostic ultrasonography', DIAGNOSTICS),
  // Radiotherapy
  entry('108290001', 'Radiation oncology AND/OR radiotherapy', RADIOTHERAPY),
  entry('33195004', 'Teleradiotherapy procedure (external beam radiotherapy)', RADIOTHERAPY),
  entry('152198000', 'Brachytherapy', RADIOTHERAPY),
];

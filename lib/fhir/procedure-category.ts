// Which kind of procedure a FHIR Procedure is, for the case timeline. Codes decide
// before words; the first rule that matches wins, most specific first:
//  BIOPSY        SNOMED CT 86273004 Biopsy; OPS 1-40…1-49 (biopsy without incision)
//                and 1-50…1-59 (biopsy by incision); else "biops" in the text
//  RADIOTHERAPY  mCODE radiation procedure / radiotherapy course summary profiles;
//                category SNOMED CT 53438000 Radiation therapy procedure or service;
//                SNOMED CT 1217123003 Radiotherapy course of treatment, 108290001
//                Radiation oncology AND/OR radiotherapy; OPS 8-52 (radiotherapy)
//  SURGERY       mCODE cancer-related surgical procedure profile; category SNOMED CT
//                387713003 Surgical procedure; OPS chapter 5 (operations)
//  ENDOSCOPY     SNOMED CT 423827005 Endoscopy; OPS 1-60…1-69 (diagnostic endoscopy)
//  then words (German and English) for senders without these codes, else OTHER.
// Word rules are a fallback only: "thoracoscopic lobectomy" is surgery, which is
// why SURGERY words are tried before ENDOSCOPY words.
import type { Procedure } from '@medplum/fhirtypes';
import type { ProcedureCategory } from '@/lib/generated/prisma/enums';
import { MCODE, SYSTEM } from './code-systems';
import { codesOf, conceptLabel } from './fhir-values';

const SNOMED_CODE: Record<string, ProcedureCategory> = {
  '86273004': 'BIOPSY',
  '1217123003': 'RADIOTHERAPY',
  '108290001': 'RADIOTHERAPY',
  '387713003': 'SURGERY',
  '423827005': 'ENDOSCOPY',
};
const SNOMED_CATEGORY: Record<string, ProcedureCategory> = {
  '53438000': 'RADIOTHERAPY',
  '387713003': 'SURGERY',
};

function opsCategory(code: string): ProcedureCategory | undefined {
  const match = /^(\d)-(\d)(\d)/.exec(code.trim());
  if (!match) return undefined;
  const [, chapter, first, second] = match;
  if (chapter === '1' && (first === '4' || first === '5')) return 'BIOPSY';
  if (chapter === '1' && first === '6') return 'ENDOSCOPY';
  if (chapter === '8' && first === '5' && second === '2') return 'RADIOTHERAPY';
  if (chapter === '5') return 'SURGERY';
  return undefined;
}

const WORDS: [ProcedureCategory, RegExp][] = [
  ['BIOPSY', /biops/i],
  ['RADIOTHERAPY', /radiotherap|radiation therap|brachytherap|bestrahlung|strahlentherap|radiochirurg|radiosurg/i],
  ['SURGERY', /ektomie|ectomy|resektion|resection|operation|surgery|chirurg/i],
  ['ENDOSCOPY', /endoskop|endoscop|bronchoskop|bronchoscop|koloskop|colonoscop|gastroskop|gastroscop|zystoskop|cystoscop/i],
  ['INTERVENTION', /emboli|ablation|stent|port implant|portimplant|drainage|chemoemboli/i],
];

const PRECEDENCE: ProcedureCategory[] = ['BIOPSY', 'RADIOTHERAPY', 'SURGERY', 'ENDOSCOPY', 'INTERVENTION'];

export function procedureCategory(procedure: Procedure): ProcedureCategory {
  const found = new Set<ProcedureCategory>();
  const profiles = (procedure.meta?.profile ?? []).map((p) => p.split('|')[0]);
  if (profiles.includes(MCODE.surgicalProcedure)) found.add('SURGERY');
  if (profiles.includes(MCODE.radiationProcedure) || profiles.includes(MCODE.radiotherapyCourseSummary)) found.add('RADIOTHERAPY');
  const codeConcepts = procedure.code ? [procedure.code] : [];
  for (const code of codesOf(codeConcepts, SYSTEM.snomed)) if (SNOMED_CODE[code]) found.add(SNOMED_CODE[code]);
  for (const code of codesOf(procedure.category ? [procedure.category] : [], SYSTEM.snomed)) if (SNOMED_CATEGORY[code]) found.add(SNOMED_CATEGORY[code]);
  for (const code of codesOf(codeConcepts, SYSTEM.ops)) {
    const category = opsCategory(code);
    if (category) found.add(category);
  }
  const coded = PRECEDENCE.find((c) => found.has(c));
  if (coded) return coded;

  const words = [conceptLabel(procedure.code), ...(procedure.code?.coding ?? []).map((c) => c.display)].filter(Boolean).join(' ');
  return WORDS.find(([, pattern]) => pattern.test(words))?.[0] ?? 'OTHER';
}

// Histological grade: "G2", "grade 2", "grade II", "moderately differentiated", the
// Gleason score ("Gleason 4+3=7") and the ISUP grade group ("ISUP grade group 3").
import { matchesOf, romanToInt, spanOf } from '../text-utils';
import type { Candidate, FamilyExtractor, Sentence } from '../types';

const G_CODE = /(?<![A-Za-z0-9-])G([1-4]|X)(?![A-Za-z0-9+])/g;
const GRADE_WORD = /\b(histologic(?:al)?\s+|tumou?r\s+|Nottingham\s+|Elston(?:-Ellis)?\s+|FNCLCC\s+|WHO\s+|BRE\s+|SBR\s+|overall\s+)?grade\s*:?\s*([1-4]|IV|I{1,3})(?:\s*(?:of|\/)\s*[34])?(?![A-Za-z0-9+])/gi;
// Grades of something other than the tumour's differentiation, or a grade group.
const NOT_TUMOUR_GRADE = /(?:regression|Dworak|MERCURY|nuclear|Fuhrman|ISUP|Gleason|CTCAE|toxicity|adverse|Clark|BI-?RADS|PI-?RADS|low|high)[\s-]*$/i;
const TOXICITY_AFTER = /^\s*(?:group|neutropenia|anaemia|anemia|thrombocytopenia|diarrh|nausea|fatigue|neuropathy|mucositis|rash|toxicity|adverse|infusion|hypertension|pneumonitis|colitis|hepatitis)/i;
const TUMOUR_NOUN = /(?:carcinoma|adenocarcinoma|tumou?r|sarcoma|melanoma|neoplasm|cancer|lymphoma|glioma|NST|differentiat)/i;
const DIFFERENTIATION = /\b(well|moderately|poorly|un)[\s-]*differentiated\b/gi;
const DIFFERENTIATION_GRADE: Record<string, string> = { well: 'G1', moderately: 'G2', poorly: 'G3', un: 'G4' };
const GLEASON = /\bGleason(?:\s+(?:score|sum|grade|pattern))?\s*:?\s*(?:(\d)\s*\+\s*(\d)(?:\s*=\s*(\d{1,2}))?|(\d{1,2})\s*\(\s*(\d)\s*\+\s*(\d)\s*\)|(\d{1,2})(?![\d+]))/gi;
const ISUP = /\b(?:(?:ISUP|WHO)\s+)?(?:grade\s+group|GG)\s*:?\s*([1-5])(?![0-9])|\bISUP(?:\s+grade)?\s*:?\s*([1-5])(?![0-9])/g;

// Most sentences say nothing of this family; a plain search skips them cheaply.
const QUICK = /G[1-4X]|grade|differentiated|Gleason|ISUP|GG/i;

export const extractGrade: FamilyExtractor = (sentence) => {
  if (!QUICK.test(sentence.text)) return [];
  const { text } = sentence;
  const out: Candidate[] = [];
  const push = (start: number, end: number, value: string, rule: string, detail: Candidate['detail']) =>
    out.push({ kind: 'GRADE', label: 'Grade', value, detail, span: spanOf(sentence, start, end), rule });

  for (const m of matchesOf(G_CODE, text)) push(m.index, m.index + m[0].length, `G${m[1]}`, 'grade.g-code', { grade: m[1] === 'X' ? null : Number(m[1]), system: 'G' });

  for (const m of matchesOf(GRADE_WORD, text)) {
    const before = text.slice(Math.max(0, m.index - 25), m.index);
    const after = text.slice(m.index + m[0].length);
    if (!m[1] && NOT_TUMOUR_GRADE.test(before)) continue;
    if (TOXICITY_AFTER.test(after)) continue;
    // An unqualified "grade 3" needs a tumour nearby; "grade 3 neutropenia" is a toxicity.
    if (!m[1] && !TUMOUR_NOUN.test(text.slice(Math.max(0, m.index - 60), m.index)) && !TUMOUR_NOUN.test(after.slice(0, 30))) continue;
    const n = /^\d$/.test(m[2]!) ? Number(m[2]) : romanToInt(m[2]!);
    if (!n) continue;
    push(m.index, m.index + m[0].length, `G${n}`, 'grade.word', { grade: n, system: 'G' });
  }

  // "moderately to poorly differentiated" matches "poorly differentiated": the worst
  // component sets the grade, as pathologists grade it.
  for (const m of matchesOf(DIFFERENTIATION, text)) {
    const g = DIFFERENTIATION_GRADE[m[1]!.toLowerCase()]!;
    push(m.index, m.index + m[0].length, g, 'grade.differentiation', { grade: Number(g.slice(1)), system: 'differentiation' });
  }

  for (const m of matchesOf(GLEASON, text)) {
    const gleason = readGleason(m);
    if (!gleason) continue;
    push(m.index, m.index + m[0].length, gleason.value, gleason.rule, gleason.detail);
  }

  for (const m of matchesOf(ISUP, text)) {
    const n = Number(m[1] ?? m[2]);
    const value = m[1] !== undefined || isProstate(sentence) ? `ISUP grade group ${n}` : `ISUP grade ${n}`;
    push(m.index, m.index + m[0].length, value, m[1] !== undefined ? 'grade.isup-grade-group' : 'grade.isup', { gradeGroup: value.includes('group') ? n : null, grade: n, system: 'ISUP' });
  }
  return out;
};

function readGleason(m: RegExpMatchArray): { value: string; rule: string; detail: Candidate['detail'] } | null {
  const primary = Number(m[1] ?? m[5]);
  const secondary = Number(m[2] ?? m[6]);
  if (m[7] !== undefined) {
    const sum = Number(m[7]);
    return sum >= 2 && sum <= 10 ? { value: `Gleason ${sum}`, rule: 'grade.gleason-sum', detail: { primary: null, secondary: null, score: sum, system: 'Gleason' } } : null;
  }
  const sum = primary + secondary;
  const stated = m[3] ?? m[4];
  if (primary < 1 || primary > 5 || secondary < 1 || secondary > 5 || (stated !== undefined && Number(stated) !== sum)) return null;
  return { value: `Gleason ${primary}+${secondary}=${sum}`, rule: 'grade.gleason', detail: { primary, secondary, score: sum, system: 'Gleason' } };
}

// "ISUP 3" is a grade group in prostate pathology but the ISUP nucleolar grade in
// renal cell carcinoma; a Gleason score or the prostate nearby says which.
function isProstate(sentence: Sentence): boolean {
  return /Gleason|prostat/i.test(sentence.text);
}

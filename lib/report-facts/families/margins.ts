// Resection margins: the residual-tumour class ("R0", "R1 (apex)"), the margin status
// ("margins free", "free (R0)", "involved margin", "focally positive") and distances
// ("closest margin 4 mm", "CRM 7 mm", "Margins: lateral 2 mm, deep 3 mm").
import { formatNumber, matchesOf, spanOf, toNumber } from '../text-utils';
import type { Candidate, FamilyExtractor, Sentence } from '../types';

// Not a range of classes ("R0-R2 classification").
const R_CLASS = /(?<![A-Za-z0-9-])R([012X])(?![A-Za-z0-9+]|\s*[-–/]\s*R[012X])/g;
const STATUS_WORD = '(free|clear|negative|uninvolved|not\\s+involved|involved|positive|close)';
const OF_TUMOUR = '(?:\\s+(?:of|from)\\s+(?:tumou?r|carcinoma|malignancy|neoplasia|invasive\\s+carcinoma|melanoma))?';
const STATUS_AFTER = new RegExp(`\\b(?:margins?|CRM)\\b(?:\\s*\\([^)]{0,20}\\))?\\s*:?\\s*(?:(?:are|is|were|was)\\s+)?(?:(?:widely|focally|all|microscopically|grossly)\\s+)?${STATUS_WORD}\\b${OF_TUMOUR}`, 'gi');
const STATUS_BEFORE = new RegExp(`\\b${STATUS_WORD}\\s+(?:(?:resection|surgical|circumferential|radial|deep|lateral|inked)\\s+)?margins?\\b`, 'gi');
const SIDE = '(closest|nearest|deep|lateral|radial|circumferential|bronchial|proximal|distal|dorsal|ventral|peripheral|anterior|posterior|medial|superior|inferior|mucosal|vaginal|apical|basal)';
const DISTANCE = new RegExp(
  `\\b(?:${SIDE}\\s+(?:\\([^)]{0,20}\\)\\s*)?(?:resection\\s+)?margin|(CRM))\\s*(?:\\([^)]{0,20}\\)\\s*)?:?\\s*(?:(?:is|measures|measuring|of|at)\\s+)?(\\d{1,3}(?:[.,]\\d{1,2})?)\\s*(mm|cm)\\b`,
  'gi',
);
const LISTED = new RegExp(`\\bmargins?\\s*:\\s*((?:${SIDE}\\s+\\d{1,3}(?:[.,]\\d{1,2})?\\s*(?:mm|cm)(?:\\s*,\\s*|\\s+and\\s+)?)+)`, 'gi');
const LISTED_ITEM = new RegExp(`${SIDE}\\s+(\\d{1,3}(?:[.,]\\d{1,2})?)\\s*(mm|cm)`, 'gi');

const normalizeStatus = (word: string) => (/^(?:involved|positive)$/i.test(word) ? 'involved' : /^close$/i.test(word) ? 'close' : 'free');
const toMm = (n: string, unit: string) => toNumber(n) * (unit.toLowerCase() === 'cm' ? 10 : 1);

// Most sentences say nothing of this family; a plain search skips them cheaply.
const QUICK = /margin|R[012X]|CRM/i;

export const extractMargins: FamilyExtractor = (sentence) => {
  if (!QUICK.test(sentence.text)) return [];
  const { text } = sentence;
  const out: Candidate[] = [];
  const push = (start: number, end: number, value: string, rule: string, detail: Candidate['detail']) =>
    out.push({ kind: 'MARGIN', label: 'Margin', value, detail, span: spanOf(sentence, start, end), rule });

  for (const m of matchesOf(R_CLASS, text)) push(m.index, m.index + m[0].length, `R${m[1]}`, 'margin.r-class', { rClass: `R${m[1]}`, status: null, distanceMm: null, side: null });

  for (const [re, rule] of [[STATUS_AFTER, 'margin.status'], [STATUS_BEFORE, 'margin.status-before']] as const) {
    for (const m of matchesOf(re, text)) {
      const status = normalizeStatus(m[1]!.replace(/\s+/g, ' '));
      push(m.index, m.index + m[0].length, status, rule, { rClass: null, status, distanceMm: null, side: null });
    }
  }

  for (const m of matchesOf(DISTANCE, text)) {
    const side = m[1]?.toLowerCase() ?? 'CRM';
    const mm = toMm(m[3]!, m[4]!);
    push(m.index, m.index + m[0].length, `${side} ${formatNumber(mm)} mm`, 'margin.distance', { rClass: null, status: null, distanceMm: mm, side });
  }
  listedDistances(sentence, push);
  return out;
};

function listedDistances(sentence: Sentence, push: (start: number, end: number, value: string, rule: string, detail: Candidate['detail']) => void) {
  for (const m of matchesOf(LISTED, sentence.text)) {
    const listStart = m.index + m[0].length - m[1]!.length;
    for (const item of matchesOf(LISTED_ITEM, m[1]!)) {
      const side = item[1]!.toLowerCase();
      const mm = toMm(item[2]!, item[3]!);
      const start = listStart + item.index;
      push(start, start + item[0].length, `${side} ${formatNumber(mm)} mm`, 'margin.listed-distance', { rClass: null, status: null, distanceMm: mm, side });
    }
  }
}

// Tumour size: "measuring 2.3 cm", "mass, 27 mm", "2.3 x 1.8 cm", "14 x 12 mm (axial),
// 13 mm craniocaudal". The value is the largest dimension in mm.
//
// Reports are full of millimetres that are not a tumour's size (margins, Breslow
// thickness, depth of invasion, slice thickness, lymph nodes, previous sizes, sums of
// diameters), so a measurement counts only when a lesion word is its subject, or a
// "measuring"-type word introduces it, and nothing in its own phrase says otherwise.
import { formatNumber, matchesOf, spanOf, toNumber } from '../text-utils';
import type { Candidate, FamilyExtractor } from '../types';

const NUM = '\\d{1,3}(?:[.,]\\d{1,2})?';
const UNIT = '(?:mm|cm)';
const SIZE = new RegExp(
  `(?<![\\d.,/])((?:${NUM}\\s*${UNIT}?\\s*(?:x|×|\\*)\\s*){0,2}${NUM})\\s*(${UNIT})(?![A-Za-z²³0-9/])` +
    `(?:\\s*\\((?:axial|transverse|in-plane)\\))?(?:,?\\s*(${NUM})\\s*(${UNIT})\\s*(?:craniocaudal(?:ly)?|cc|longitudinal(?:ly)?)\\b)?`,
  'g',
);
const DIMENSION = new RegExp(`(${NUM})\\s*(${UNIT})?`, 'g');

// In the measurement's own phrase (since the last comma, colon, semicolon, parenthesis or
// measurement): it is something else.
const NOT_A_SIZE = /\b(?:margins?|CRM|distance|clearance|thickness|thick|depth|Breslow|slices?|sections?|invasion|extension|deposits?|from|at|previously|prior|before|baseline|compared|vs|versus|sum|axes|nadir|SUV\w*|interval|cortex|wall)\b|(?:micro|macro)metasta/i;
const NOT_A_SIZE_AFTER = /^\s*(?:slices?|sections?|collimation|increments?|thick(?:ness)?|deep|depth|from|away|beyond|below|above|distance|interval|margins?|clearance|craniocaudal(?:ly)?|cc)\b/i;
const LESION = /(?<![A-Za-z])(?:tumou?rs?|mass(?:es)?|lesions?|(?:micro)?nodules?|carcinoma|adenocarcinoma|melanoma|sarcoma|cancer|neoplasm|metastas[ie]s|focus|foci)(?![A-Za-z])/gi;
const NODE = /\b(?:lymph\s+nodes?|nodes?|LNs?|nodal|station)\b/gi;
const MEASURING = /\b(?:measur(?:ing|es|ed)|size|sized|diameter|dimension|extent)\b/i;
const SUBJECT_AFTER = /^\s*(?:[A-Za-z-]+\s+){0,2}?(?:(tumou?r|mass|lesion|nodule|carcinoma|metastasis)|(lymph\s+node|node))\b/i;

// Most sentences say nothing of this family; a plain search skips them cheaply.
const QUICK = /\d\s*(?:mm|cm)/;

export const extractTumorSize: FamilyExtractor = (sentence) => {
  if (!QUICK.test(sentence.text)) return [];
  const { text } = sentence;
  const out: Candidate[] = [];
  let previousEnd = 0;
  SIZE.lastIndex = 0;
  for (let m = SIZE.exec(text); m; m = SIZE.exec(text)) {
    const start = m.index;
    const end = m.index + m[0].length;
    // "decreased from 4.2 cm to 3.1 cm": the phrase of 3.1 cm begins after 4.2 cm.
    const phraseStart = Math.max(previousEnd, ...[',', ':', ';', '(', ')'].map((c) => text.lastIndexOf(c, start - 1) + 1));
    previousEnd = end;
    if (NOT_A_SIZE.test(text.slice(phraseStart, start)) || NOT_A_SIZE_AFTER.test(text.slice(end))) continue;
    const rule = subjectRule(text, start, end);
    if (!rule) continue;

    const unit = m[2]!;
    const dims = matchesOf(DIMENSION, m[1]!).map((d) => toMm(d[1]!, d[2] ?? unit));
    if (m[3]) dims.push(toMm(m[3], m[4]!));
    const mm = Math.max(...dims);
    if (!(mm > 0) || mm > 500) continue;
    out.push({
      kind: 'TUMOR_SIZE',
      label: 'Size',
      value: `${formatNumber(mm)} mm`,
      detail: { mm, dimensionsMm: dims.map(formatNumber).join(' x ') },
      span: spanOf(sentence, start, end),
      rule,
    });
  }
  return out;
};

/** Why this measurement is a tumour's size, or null when it is not. */
function subjectRule(text: string, start: number, end: number): string | null {
  const after = SUBJECT_AFTER.exec(text.slice(end));
  if (after) return after[1] ? 'size.lesion' : null;
  const window = text.slice(Math.max(0, start - 90), start);
  const lesion = lastIndex(window, LESION);
  const node = lastIndex(window, NODE);
  if (node > lesion) return null;
  if (lesion >= 0) return 'size.lesion';
  return MEASURING.test(text.slice(Math.max(0, start - 40), start)) ? 'size.measured' : null;
}

function lastIndex(text: string, re: RegExp): number {
  let last = -1;
  for (const m of matchesOf(re, text)) last = m.index;
  return last;
}

function toMm(value: string, unit: string): number {
  return toNumber(value) * (unit === 'cm' ? 10 : 1);
}

// Ki-67 proliferation index: "Ki-67 25%", "Ki67: 30%", "Ki-67 index approx. 15%",
// "MIB-1 labelling index 10-20%", "Ki-67 <5%".
import { normalizeComparator, spanOf } from '../text-utils';
import type { Candidate, FamilyExtractor } from '../types';

const KI67 =
  /\b(?:Ki-?67|MIB-?1)(?:\s*\((?:MIB-?1|Ki-?67)\))?(?:\s+(?:proliferation|proliferative))?(?:\s+(?:index|rate|fraction|labell?ing\s+index|score))?\s*(?:[:=]|of|was|is|at)?\s*(?:approx(?:imately|\.)?\s*|about\s+|ca\.\s*|~\s*)?([<>≤≥]=?\s*)?(\d{1,3}(?:[.,]\d)?)\s*%?\s*(?:(?:-|–|to)\s*(\d{1,3}(?:[.,]\d)?)\s*)?%/gi;

// Most sentences say nothing of this family; a plain search skips them cheaply.
const QUICK = /Ki-?67|MIB/i;

export const extractKi67: FamilyExtractor = (sentence) => {
  if (!QUICK.test(sentence.text)) return [];
  const out: Candidate[] = [];
  KI67.lastIndex = 0;
  for (let m = KI67.exec(sentence.text); m; m = KI67.exec(sentence.text)) {
    const comparator = normalizeComparator(m[1]);
    const low = Number(m[2]!.replace(',', '.'));
    const high = m[3] === undefined ? null : Number(m[3].replace(',', '.'));
    if (low > 100 || (high !== null && (high > 100 || high < low))) continue;
    out.push({
      kind: 'KI67',
      label: 'Ki-67',
      value: high === null ? `${comparator}${low}%` : `${low}–${high}%`,
      detail: { percent: high === null ? low : null, min: low, max: high ?? low, comparator: comparator || null },
      span: spanOf(sentence, m.index, m.index + m[0].length),
      rule: high === null ? 'ki67.percent' : 'ki67.range',
    });
  }
  return out;
};

// Stage group: "stage IIIA", "UICC stage IV", "AJCC prognostic stage IB", "stage 3".
import { intToRoman, spanOf } from '../text-utils';
import type { Candidate, FamilyExtractor } from '../types';

const STAGE = /\b(?:(UICC|AJCC|FIGO)\s+(?:8(?:th)?\s+(?:edition\s+)?)?)?(?:(?:clinical|pathologic(?:al)?|prognostic|anatomic)\s+)?(?:stage|Stadium)(?:\s+group(?:ing)?)?\s*:?\s*(0|IV|I{1,3}|[1-4])([A-Da-d]?)([1-3]?)(?![A-Za-z0-9])/gi;
// Staging systems that are not cancer stage groups ("CKD stage 3", "NYHA stage II").
const OTHER_SYSTEM = /\b(?:CKD|GOLD|NYHA|KDIGO|decubitus|pressure ulcer|sleep|Tanner|Ann Arbor|chronic kidney disease)\s*$/i;

// Most sentences say nothing of this family; a plain search skips them cheaply.
const QUICK = /stage|stadium/i;

export const extractStageGroup: FamilyExtractor = (sentence) => {
  if (!QUICK.test(sentence.text)) return [];
  const out: Candidate[] = [];
  STAGE.lastIndex = 0;
  for (let m = STAGE.exec(sentence.text); m; m = STAGE.exec(sentence.text)) {
    if (OTHER_SYSTEM.test(sentence.text.slice(Math.max(0, m.index - 30), m.index))) continue;
    const numeral = m[2]!;
    // Roman numerals must be upper case: "stage i" is not a stage.
    if (/^[iv]+$/.test(numeral)) continue;
    const roman = /^\d$/.test(numeral) ? (numeral === '0' ? '0' : intToRoman(Number(numeral))) : numeral.toUpperCase();
    if (!roman) continue;
    const group = `${roman}${m[3]!.toUpperCase()}${m[4]!}`;
    out.push({
      kind: 'STAGE_GROUP',
      label: 'Stage',
      value: group,
      detail: { group, system: m[1]?.toUpperCase() ?? null },
      span: spanOf(sentence, m.index, m.index + m[0].length),
      rule: m[1] ? 'stage.system-named' : 'stage.group',
    });
  }
  return out;
};

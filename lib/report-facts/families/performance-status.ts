// Performance status: "ECOG 1", "ECOG PS 0-1", "ECOG now 2", "WHO performance status 1",
// "PS 2", and Karnofsky ("KPS 80%"). The WHO (Zubrod) scale is the ECOG scale, so
// both are reported as "ECOG n"; the detail keeps which name the text used.
import { spanOf } from '../text-utils';
import type { Candidate, FamilyExtractor } from '../types';

const SCORE = '(?:\\s*(?:score|grade))?\\s*(?:now|is|was|currently|of|at|=|:)?\\s*(?:of\\s+)?([0-4])(?:\\s*(?:-|–|to)\\s*([0-4]))?(?![0-9%]|[.,]\\d)';
const ECOG = new RegExp(`\\b(ECOG|Zubrod)(?:\\s*[-/]?\\s*(?:PS|performance\\s+status))?${SCORE}`, 'g');
// "WHO grade 2" is a tumour grade, so WHO only counts with "performance status" or "PS".
const WHO = new RegExp(`\\b(WHO)\\s*[-/]?\\s*(?:PS|performance\\s+status)${SCORE}`, 'g');
const BARE = new RegExp(`(?<![A-Za-z-])(PS|[Pp]erformance\\s+status)(?:\\s*\\((?:ECOG|WHO)\\))?${SCORE}`, 'g');
const KARNOFSKY = /\b(?:Karnofsky(?:\s+performance\s+(?:status|score|index))?|KPS)\s*(?:of|:|=|is|was)?\s*(\d{2,3})\s*%?/g;

// Most sentences say nothing of this family; a plain search skips them cheaply.
const QUICK = /ECOG|Zubrod|PS|performance|Karnofsky|KPS/i;

export const extractPerformanceStatus: FamilyExtractor = (sentence) => {
  if (!QUICK.test(sentence.text)) return [];
  const out: Candidate[] = [];
  const taken: [number, number][] = [];
  for (const [re, rule] of [[ECOG, 'ecog.ecog'], [WHO, 'ecog.who'], [BARE, 'ecog.performance-status']] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence.text); m; m = re.exec(sentence.text)) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (taken.some(([s, e]) => start < e && s < end)) continue;
      taken.push([start, end]);
      const low = Number(m[2]);
      const high = m[3] === undefined ? null : Number(m[3]);
      out.push({
        kind: 'ECOG',
        label: 'ECOG',
        value: high === null ? `ECOG ${low}` : `ECOG ${low}-${high}`,
        detail: { score: high === null ? low : null, min: low, max: high ?? low, scale: m[1]!.toUpperCase() === 'WHO' ? 'WHO' : 'ECOG' },
        span: spanOf(sentence, start, end),
        rule,
      });
    }
  }
  KARNOFSKY.lastIndex = 0;
  for (let m = KARNOFSKY.exec(sentence.text); m; m = KARNOFSKY.exec(sentence.text)) {
    const score = Number(m[1]);
    if (score > 100 || score % 10 !== 0) continue;
    out.push({ kind: 'ECOG', label: 'Karnofsky', value: `KPS ${score}%`, detail: { karnofsky: score, scale: 'Karnofsky' }, span: spanOf(sentence, m.index, m.index + m[0].length), rule: 'ecog.karnofsky' });
  }
  return out;
};

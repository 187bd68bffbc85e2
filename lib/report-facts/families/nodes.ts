// Lymph nodes, positive over examined: "2/14 lymph nodes", "2 of 14 nodes", "Lymph nodes:
// 0/18", "pN1b (2/14)", "(0/3 sn)", "sentinel node 1/2 positive".
// A fraction is a node count only next to a node word; "7 of 15 cores" and
// "Allred 8/8" are not.
import { spanOf } from '../text-utils';
import type { Candidate, FamilyExtractor } from '../types';

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const COUNT = `\\d{1,2}|${WORDS.join('|')}|none`;
// "2/14", "2 of 14", "two of 14"; written counts only with "of" ("one/two" is not a fraction).
const FRACTION = new RegExp(`(?<![\\d.,/+])(?:(\\d{1,2})\\s*\\/|(?<![A-Za-z])(${COUNT})\\s+(?:of|out\\s+of))\\s*(\\d{1,3}|${WORDS.join('|')})(?![\\d/+A-Za-z]|[.,]\\d|\\s*(?:mm|cm|%))`, 'gi');
const countOf = (word: string) => (/^\d+$/.test(word) ? Number(word) : /^none$/i.test(word) ? 0 : WORDS.indexOf(word.toLowerCase()));
const NODE_AFTER = /^\s*(?:(?:positive|involved|metastatic|negative|examined|harvested|retrieved|resected|regional)\s+)?((?:sentinel\s+)?(?:lymph\s+)?(?:nodes?|LNs?|SLNs?|sn))\b/i;
const NOT_NODES_AFTER = /^\s*(?:cores?|biops(?:y|ies)|specimens?|samples?|slides?|blocks?|fragments?|days?|weeks?|months?|years?|cycles?|patients?|fields?|hpf)\b/i;
const NODE_BEFORE = /\b(?:lymph\s+nodes?|nodes?|LNs?|SLNs?|sentinel|stations?|lymphadenectomy|nodal)\b|(?<![A-Za-z])(?:y|r)?[pc]?N(?:[0-3]|X)/;
const NOT_NODES_BEFORE = /(?:Allred|score|ratio|grade|level|mitotic\s+rate|mitoses|rate|cores?)\s*:?\s*$/i;

// Most sentences say nothing of this family; a plain search skips them cheaply.
const QUICK = /\d\s*\/\s*\d|\sof\s/i;

export const extractNodes: FamilyExtractor = (sentence) => {
  if (!QUICK.test(sentence.text)) return [];
  const { text } = sentence;
  const out: Candidate[] = [];
  FRACTION.lastIndex = 0;
  for (let m = FRACTION.exec(text); m; m = FRACTION.exec(text)) {
    const positive = countOf(m[1] ?? m[2]!);
    const examined = countOf(m[3]!);
    if (examined === 0 || positive > examined) continue;
    const rest = text.slice(m.index + m[0].length);
    if (NOT_NODES_AFTER.test(rest) || NOT_NODES_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    const after = NODE_AFTER.exec(rest);
    const before = text.slice(Math.max(0, m.index - 80), m.index);
    if (!after && !NODE_BEFORE.test(before)) continue;
    const end = m.index + m[0].length + (after ? after[0].length : 0);
    const sentinel = /\bsn\b|sentinel|SLN/i.test(after?.[1] ?? '') || /sentinel|\(sn\)|SLN/i.test(before);
    out.push({
      kind: 'NODES',
      label: 'Nodes',
      value: `${positive}/${examined}`,
      detail: { positive, examined, sentinel },
      span: spanOf(sentence, m.index, end),
      rule: after ? 'nodes.fraction-with-node-word' : 'nodes.fraction-in-node-context',
    });
  }
  return out;
};

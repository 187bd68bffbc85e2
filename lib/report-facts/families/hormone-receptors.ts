// Oestrogen and progesterone receptor: "ER positive (90%)", "ER 90%", "PR negative (<1%)",
// "ER-positive", "ER+", "ER/PR positive", "ER positive (Allred 8/8)".
//
// The status is only what the report says. It is not derived from the percentage,
// because ER 1–10% is "low positive" under ASCO/CAP 2020 and labs word it differently;
// a bare "ER 90%" stays "90%".
import { closeParenthesis, normalizeComparator, readAttributes, spanOf, type AttributeRule } from '../text-utils';
import type { Candidate, FactDetail, FamilyExtractor, FactKind } from '../types';

const NAME = '(ER|PR|PgR|ERα|(?:[Oo]e|[Ee])strogen receptors?|[Pp]rogesterone receptors?)';
const MENTION = new RegExp(`(?<![A-Za-z])${NAME}(?:\\s*(?:\\/|and|&)\\s*(ER|PR|PgR|[Pp]rogesterone receptors?))?(?![A-Za-z0-9])`, 'g');

interface Reading {
  status: string | null;
  percent: number | null;
  comparator: string;
  parts: string[];
  allred: number | null;
}

const RULES: AttributeRule<Reading>[] = [
  { re: /(?:status|expression|receptors?|is|was|were|are)\b/y, apply: () => {}, filler: true },
  {
    re: /-?\s*(?:(strongly|moderately|weakly|low|focally|diffusely)\s+)?(positive|negative|pos|neg)\b/iy,
    apply: (m, r) => {
      const negative = m[2]!.toLowerCase().startsWith('neg');
      r.status = negative ? 'negative' : /weakly|low/i.test(m[1] ?? '') ? 'low positive' : 'positive';
    },
  },
  {
    re: /(?:in\s+)?(?:approx(?:imately|\.)?\s*|about\s+|ca\.\s*)?([<>≤≥]=?\s*)?(\d{1,3})\s*%(?:\s+of\s+(?:the\s+)?(?:invasive\s+)?(?:tumou?r\s+)?(?:cells|nuclei))?/iy,
    apply: (m, r) => {
      r.comparator = normalizeComparator(m[1]);
      r.percent = Number(m[2]);
      r.parts.push(`${r.comparator}${r.percent}%`);
    },
  },
  {
    re: /Allred(?:\s+score)?\s*:?\s*([0-8])(?:\s*\/\s*8)?/iy,
    apply: (m, r) => {
      r.allred = Number(m[1]);
      r.parts.push(`Allred ${m[1]}`);
    },
  },
  { re: /H-?score\s*:?\s*(\d{1,3})/iy, apply: (m, r) => void r.parts.push(`H-score ${m[1]}`) },
  { re: /IRS\s*:?\s*(\d{1,2})(?:\s*\/\s*12)?/y, apply: (m, r) => void r.parts.push(`IRS ${m[1]}`) },
];

function kindOf(name: string): FactKind {
  return /^(?:PR|PgR|[Pp]rogesterone)/.test(name) ? 'PR' : 'ER';
}

// Most sentences say nothing of this family; a plain search skips them cheaply.
const QUICK = /ER|PR|PgR|strogen|rogesterone/;

export const extractHormoneReceptors: FamilyExtractor = (sentence) => {
  if (!QUICK.test(sentence.text)) return [];
  const { text } = sentence;
  const out: Candidate[] = [];
  MENTION.lastIndex = 0;
  for (let m = MENTION.exec(text); m; m = MENTION.exec(text)) {
    const after = m.index + m[0].length;
    const reading: Reading = { status: null, percent: null, comparator: '', parts: [], allred: null };
    let end: number;
    // "ER+" / "ER-" written against the name, as in "ER+/PR+/HER2-".
    const sign = /^([+]|[-−](?![A-Za-z0-9]))/.exec(text.slice(after));
    if (sign) {
      reading.status = sign[1] === '+' ? 'positive' : 'negative';
      end = after + 1;
    } else end = readAttributes(text, after, RULES, reading);
    if (end < 0 || (!reading.status && reading.parts.length === 0)) continue;
    MENTION.lastIndex = end;
    end = closeParenthesis(text, m.index, end);

    const value = reading.status ? (reading.parts.length ? `${reading.status} (${reading.parts.join(', ')})` : reading.status) : reading.parts.join(', ');
    const detail: FactDetail = { status: reading.status, percent: reading.percent, comparator: reading.comparator || null, allred: reading.allred };
    const second = m[2];
    const firstKind = kindOf(m[1]!);
    if (second && kindOf(second) !== firstKind) {
      // "ER/PR positive": one fact per receptor, the second carrying the shared words.
      const secondStart = m.index + m[0].lastIndexOf(second);
      out.push(fact(firstKind, value, detail, spanOf(sentence, m.index, m.index + m[1]!.length), 'receptor.shared-status'));
      out.push(fact(kindOf(second), value, detail, spanOf(sentence, secondStart, end), 'receptor.shared-status'));
    } else out.push(fact(firstKind, value, detail, spanOf(sentence, m.index, end), sign ? 'receptor.sign' : 'receptor.status'));
  }
  return out;
};

function fact(kind: FactKind, value: string, detail: FactDetail, span: Candidate['span'], rule: string): Candidate {
  return { kind, label: kind, value, detail: { ...detail }, span, rule };
}

// PD-L1: "PD-L1 (22C3): TPS 80%", "PD-L1 TPS <1%", "PD-L1 CPS 10", "PD-L1 (SP263) TC 50%,
// IC 5%", "PD-L1 (28-8) 5%", "PD-L1 negative (TPS <1%)", "PD-L1 high".
// A percentage without a named score stays a bare percentage: which score it is
// depends on the clone and the entity, and guessing would change its meaning.
import { closeParenthesis, normalizeComparator, readAttributes, spanOf, type AttributeRule } from '../text-utils';
import type { Candidate, FactDetail, FamilyExtractor } from '../types';

const MENTION = /(?<![A-Za-z])PD-?L1(?![A-Za-z0-9])(?:\s*\(\s*(22C3|28-8|SP263|SP142|73-10|E1L3N|QR1|[A-Z0-9]{2,6}(?:-[A-Z0-9]{1,4})?)\s*\))?/gi;

interface Reading {
  status: string | null;
  parts: string[];
  detail: FactDetail;
}

const SCORE_NAMES: Record<string, string> = { tps: 'TPS', 'tumor proportion score': 'TPS', 'tumour proportion score': 'TPS', cps: 'CPS', 'combined positive score': 'CPS', tc: 'TC', ic: 'IC', tap: 'TAP' };

const RULES: AttributeRule<Reading>[] = [
  { re: /(?:status|expression|testing|is|was|score)\b/iy, apply: () => {}, filler: true },
  {
    re: /(TPS|CPS|TC|IC|TAP|tumou?r proportion score|combined positive score)(?:\s+score)?(?:\s*\((?:TPS|CPS)\))?\s*(?:of\s*)?[:=]?\s*([<>≤≥]=?\s*)?(\d{1,3}(?:[.,]\d)?)\s*(%?)/iy,
    apply: (m, r) => {
      const name = SCORE_NAMES[m[1]!.toLowerCase()] ?? m[1]!.toUpperCase();
      const comparator = normalizeComparator(m[2]);
      const n = Number(m[3]!.replace(',', '.'));
      // CPS is a count per 100 tumour cells, never a percentage; the others are.
      r.parts.push(`${name} ${comparator}${n}${name === 'CPS' ? '' : '%'}`);
      r.detail[name.toLowerCase()] = n;
      if (comparator) r.detail[`${name.toLowerCase()}Comparator`] = comparator;
    },
  },
  {
    re: /(?:in\s+)?([<>≤≥]=?\s*)?(\d{1,3}(?:[.,]\d)?)\s*%(?:\s+of\s+(?:the\s+)?(?:viable\s+)?(?:tumou?r\s+)?cells)?/iy,
    apply: (m, r) => {
      const comparator = normalizeComparator(m[1]);
      const n = Number(m[2]!.replace(',', '.'));
      r.parts.push(`${comparator}${n}%`);
      r.detail.percent = n;
    },
  },
  {
    // "<1% (TPS)": the score's name after a bare percentage.
    re: /(TPS|TC|IC)\b(?!\s*[:=]?\s*[<>≤≥]?\s*\d)/y,
    apply: (m, r) => {
      const last = r.parts.at(-1);
      if (last && /^[<>≤≥]?\d/.test(last)) {
        r.parts[r.parts.length - 1] = `${m[1]} ${last}`;
        r.detail[m[1]!.toLowerCase()] = r.detail.percent ?? null;
        delete r.detail.percent;
      }
    },
  },
  {
    re: /-?\s*(positive|negative|high|low)\b/iy,
    apply: (m, r) => {
      r.status = m[1]!.toLowerCase();
    },
  },
];

// Most sentences say nothing of this family; a plain search skips them cheaply.
const QUICK = /PD-?L1/i;

export const extractPdl1: FamilyExtractor = (sentence) => {
  if (!QUICK.test(sentence.text)) return [];
  const { text } = sentence;
  const out: Candidate[] = [];
  MENTION.lastIndex = 0;
  for (let m = MENTION.exec(text); m; m = MENTION.exec(text)) {
    const reading: Reading = { status: null, parts: [], detail: { clone: m[1] ?? null } };
    const end = readAttributes(text, m.index + m[0].length, RULES, reading);
    if (end < 0 || (!reading.status && reading.parts.length === 0)) continue;
    MENTION.lastIndex = end;
    const parts = reading.parts.join(', ');
    out.push({
      kind: 'PDL1',
      label: 'PD-L1',
      value: reading.status ? (parts ? `${reading.status} (${parts})` : reading.status) : parts,
      detail: { ...reading.detail, status: reading.status },
      span: spanOf(sentence, m.index, closeParenthesis(text, m.index, end)),
      rule: reading.parts.some((p) => /^[A-Z]/.test(p)) ? 'pdl1.named-score' : reading.parts.length ? 'pdl1.percent' : 'pdl1.status',
    });
  }
  return out;
};

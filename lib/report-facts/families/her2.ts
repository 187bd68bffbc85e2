// HER2: "HER2 negative (IHC 1+)", "HER2 positive (IHC 3+)", "HER2 IHC 2+, FISH amplified
// (ratio 2.4)", "HER2 not amplified", "HER2-low", "HER2-".
//
// "negative" here is the biomarker's value, not a negated assertion: the fact is
// present and says the tumour is HER2 negative. When the report gives only the
// IHC score or the ISH result, the status follows the ASCO/CAP 2018 algorithm
// (0/1+ negative, 2+ equivocal until ISH decides, 3+ positive; ISH amplified
// positive) and detail.statusSource says it was derived.
import { closeParenthesis, readAttributes, spanOf, toNumber, type AttributeRule } from '../text-utils';
import type { Candidate, FamilyExtractor } from '../types';

const MENTION = /(?<![A-Za-z])(?:HER-?2(?:\/neu)?|Her-?2(?:\/neu)?|HER2neu|ERBB2|c-erbB-?2)(?![A-Za-z0-9])/g;

interface Reading {
  status: string | null;
  ihc: string | null;
  fish: string | null;
  ratio: number | null;
  parts: string[];
}

const ISH = '(?:F|S|C|DD|D)?ISH';
const normalizeIsh = (raw: string) => (/^(?:not|non|no)\b|^non-?amp/i.test(raw) || /negative/i.test(raw) ? 'not amplified' : /equivocal/i.test(raw) ? 'equivocal' : 'amplified');

const RULES: AttributeRule<Reading>[] = [
  { re: /(?:status|expression|protein|receptor|testing|test|is|was|and)\b/y, apply: () => {}, filler: true },
  {
    re: new RegExp(`(?:by\\s+)?(${ISH})\\s*:?\\s*(?:(?:is|was)\\s+)?(not\\s+amplified|non-?amplified|amplified|negative|positive|equivocal)`, 'iy'),
    apply: (m, r) => {
      r.fish = normalizeIsh(m[2]!);
      r.parts.push(`${m[1]!.toUpperCase()} ${r.fish}`);
    },
  },
  {
    re: new RegExp(`(not\\s+amplified|non-?amplified|no\\s+amplification|amplified|amplification)(?:\\s+(?:by|on)\\s+(${ISH}))?`, 'iy'),
    apply: (m, r) => {
      r.fish = normalizeIsh(m[1]!);
      r.parts.push(m[2] ? `${m[2].toUpperCase()} ${r.fish}` : r.fish);
    },
  },
  {
    re: /(?:by\s+)?\(?(?:IHC|immunohistochemi(?:stry|cal))\)?\s*(?:score\s*)?[:(]?\s*(0|1\+|2\+|3\+)(?![0-9])\)?/iy,
    apply: (m, r) => {
      r.ihc = m[1]!;
      r.parts.push(`IHC ${r.ihc}`);
    },
  },
  {
    re: /(?:score\s*)?([123]\+|0(?![0-9%]|[.,]\d))(?:\s*(?:by|on)\s+IHC)?/iy,
    apply: (m, r) => {
      r.ihc = m[1]!;
      r.parts.push(`IHC ${r.ihc}`);
    },
  },
  {
    re: /-?\s*(positive|negative|equivocal|ultra-?low|low|pos|neg)\b/iy,
    apply: (m, r) => {
      const word = m[1]!.toLowerCase();
      r.status = word.startsWith('pos') ? 'positive' : word.startsWith('neg') ? 'negative' : word.startsWith('ultra') ? 'ultralow' : word;
    },
  },
  {
    re: new RegExp(`(?:${ISH}\\s+)?(?:(?:HER2\\s*\\/\\s*)?CEP17\\s*)?ratio\\s*(?:of\\s*)?:?\\s*(\\d+(?:[.,]\\d+)?)`, 'iy'),
    apply: (m, r) => {
      r.ratio = toNumber(m[1]!);
      r.parts.push(`ratio ${m[1]!.replace(',', '.')}`);
    },
  },
];

function derivedStatus(r: Reading): string | null {
  if (r.fish === 'amplified' || r.ihc === '3+') return 'positive';
  if (r.fish === 'not amplified') return 'negative';
  if (r.fish === 'equivocal' || r.ihc === '2+') return 'equivocal';
  if (r.ihc === '0' || r.ihc === '1+') return 'negative';
  return null;
}

// Most sentences say nothing of this family; a plain search skips them cheaply.
const QUICK = /HER|Her|ERBB2|erbB/;

export const extractHer2: FamilyExtractor = (sentence) => {
  if (!QUICK.test(sentence.text)) return [];
  const { text } = sentence;
  const out: Candidate[] = [];
  MENTION.lastIndex = 0;
  for (let m = MENTION.exec(text); m; m = MENTION.exec(text)) {
    const after = m.index + m[0].length;
    const reading: Reading = { status: null, ihc: null, fish: null, ratio: null, parts: [] };
    let end: number;
    const sign = /^([+]|[-−](?![A-Za-z0-9]))/.exec(text.slice(after));
    if (sign) {
      reading.status = sign[1] === '+' ? 'positive' : 'negative';
      end = after + 1;
    } else end = readAttributes(text, after, RULES, reading);
    if (end < 0) continue;
    // "equivocal (IHC 2+), FISH amplified": the stated word grades the IHC, the ISH result decides.
    const stated = reading.status === 'equivocal' && reading.fish ? null : reading.status;
    const status = stated ?? derivedStatus(reading);
    if (!status) continue;
    MENTION.lastIndex = end;
    end = closeParenthesis(text, m.index, end);
    out.push({
      kind: 'HER2',
      label: 'HER2',
      value: reading.parts.length ? `${status} (${reading.parts.join(', ')})` : status,
      detail: { status, statusSource: stated ? 'stated' : 'derived', ihc: reading.ihc, fish: reading.fish, ratio: reading.ratio },
      span: spanOf(sentence, m.index, end),
      rule: sign ? 'her2.sign' : stated ? 'her2.stated' : 'her2.derived',
    });
  }
  return out;
};

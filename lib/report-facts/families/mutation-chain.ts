// Reads what follows a gene name: "G12C (c.34G>T, p.Gly12Cys)", "exon 19 deletion",
// "exons 2–4 wild-type", "(D5F3) negative", "-mutant", "fusion", "amplification".
import { closeParenthesis, readAttributes, type AttributeRule } from '../text-utils';

export interface Chain {
  /** Where the chain starts (the end of the gene name) and ends, local offsets. */
  from: number;
  end: number;
  /** A specific variant: "G12C", "V600E", "exon 19 deletion", "c.5946delT". */
  variant: string | null;
  /** Every variant named in turn ("L858R and T790M"), with its local offsets. */
  variants: { value: string; start: number; end: number }[];
  /** A class of alteration: "fusion", "amplification". */
  event: string | null;
  /** An unspecified one: "mutation" (mutated, mutant, variant, alteration). */
  generic: string | null;
  wildType: boolean;
  /** The words that state the gene is unaltered ("wild-type", "negative"), local offsets. */
  negatedBy: { text: string; start: number; end: number } | null;
  exons: string | null;
  hgvs: string | null;
  germline: boolean | null;
  rule: string;
}

const AMINO: Record<string, string> = { Ala: 'A', Arg: 'R', Asn: 'N', Asp: 'D', Cys: 'C', Gln: 'Q', Glu: 'E', Gly: 'G', His: 'H', Ile: 'I', Leu: 'L', Lys: 'K', Met: 'M', Phe: 'F', Pro: 'P', Ser: 'S', Thr: 'T', Trp: 'W', Tyr: 'Y', Val: 'V', Ter: '*' };
const oneLetter = (aa: string) => (aa.length === 3 ? (AMINO[aa] ?? aa) : aa);
const EXON_EVENT: Record<string, string> = { deletion: 'deletion', del: 'deletion', insertion: 'insertion', ins: 'insertion', skipping: 'skipping', skip: 'skipping', duplication: 'duplication', dup: 'duplication' };

/**
 * A second variant is another finding when it is listed ("L858R and T790M") and a
 * description of the first when it sits in parentheses ("exon 19 deletion (p.E746_A750del)",
 * "G12C (c.34G>T, p.Gly12Cys)").
 */
const setVariant = (c: Chain, m: RegExpExecArray, variant: string, rule: string) => {
  const before = m.input.slice(c.from, m.index);
  const described = before.lastIndexOf('(') > before.lastIndexOf(')') || variant === c.variant;
  if (c.variant && described) {
    c.hgvs = c.hgvs ? `${c.hgvs}, ${variant}` : variant;
    return;
  }
  c.variants.push({ value: variant, start: m.index, end: m.index + m[0].length });
  if (!c.variant) {
    c.variant = variant;
    c.rule = rule;
  }
};

// Stated at the end of the chain so a later, more specific rule can take over the name.
const RULES: AttributeRule<Chain>[] = [
  {
    re: /(?:p\.\s*)?([A-Z](?:[a-z]{2})?)(\d{1,4})(_[A-Z](?:[a-z]{2})?\d{1,4})?(delins[A-Z]+|del|dup|ins[A-Z]*|fs\*?\d*|\*|[A-Z](?:[a-z]{2})?)?(?![A-Za-z0-9])/y,
    apply: (m, c) => {
      const range = m[3] ? `_${oneLetter(m[3].slice(1).replace(/\d+$/, ''))}${m[3].replace(/^_[A-Za-z]+/, '')}` : '';
      const alt = m[4] ? (/^[A-Z][a-z]{2}$/.test(m[4]) ? oneLetter(m[4]) : m[4]) : '';
      setVariant(c, m, `${oneLetter(m[1]!)}${m[2]}${range}${alt}`, 'protein-change');
    },
  },
  // An antibody clone in parentheses ("ALK (D5F3) negative") says how it was tested, not what was found.
  { re: /[A-Z0-9]{2,6}(?:-[A-Z0-9]{1,4})?(?=\s*\))/y, apply: () => {}, filler: true },
  {
    re: /c\.\s*[0-9][0-9_+\-*]*(?:[ACGT]>[ACGT]|delins[ACGT]+|del[ACGT]*|dup[ACGT]*|ins[ACGT]+)/y,
    apply: (m, c) => setVariant(c, m, m[0].replace(/\s+/g, ''), 'cdna-change'),
  },
  {
    re: /(?:exon|ex)\s*(\d{1,2})\s*(deletion|del|insertion|ins|skipping|skip|duplication|dup)(?![a-z])(?:\s+(?:mutations?|alterations?|variants?))?/iy,
    apply: (m, c) => setVariant(c, m, `exon ${m[1]} ${EXON_EVENT[m[2]!.toLowerCase()]}`, 'exon-event'),
  },
  {
    re: /exons?\s+(\d{1,2}(?:\s*(?:-|–|to|,|and)\s*\d{1,2})*)/iy,
    apply: (m, c) => {
      c.exons = m[1]!.replace(/\s*(?:-|–|to)\s*/g, '–');
    },
    filler: true,
  },
  {
    re: /-?\s*(?:fusions?|rearrangements?|rearranged|translocations?|translocated)(?:-positive)?\b/iy,
    apply: (_m, c) => {
      c.event ??= 'fusion';
      if (!c.variant) c.rule = 'fusion';
    },
  },
  {
    re: /(?:(?:high-level|low-level|focal)\s+)?(?:amplification|amplified)\b/iy,
    apply: (_m, c) => {
      c.event ??= 'amplification';
      if (!c.variant) c.rule = 'amplification';
    },
  },
  {
    re: /-?\s*(wild[- ]?type|WT|non-?mutated|unmutated)\b/iy,
    apply: (m, c) => {
      c.wildType = true;
      c.rule = 'wild-type';
      c.negatedBy = cueOf(m);
    },
  },
  {
    re: /-?\s*((?:(?:likely\s+)?pathogenic|activating|sensiti[sz]ing|somatic|germline|driver|oncogenic)\s+)*(?:mutations?|mutated|mutant|variants?|alterations?|altered)\b/iy,
    apply: (m, c) => {
      c.generic ??= 'mutation';
      if (/germline/i.test(m[0])) c.germline = true;
      if (!c.variant && !c.event && !c.wildType) c.rule = 'generic';
    },
  },
  {
    re: /-?\s*(negative)\b/iy,
    apply: (m, c) => {
      c.negatedBy = cueOf(m);
      c.rule = 'negative';
    },
  },
  {
    re: /-?\s*positive\b/iy,
    apply: (_m, c) => {
      if (!c.variant && !c.event && !c.generic) c.rule = 'positive';
    },
  },
  { re: /(?:status|testing|analysis|is|was|and)\b/y, apply: () => {}, filler: true },
];

function cueOf(m: RegExpExecArray): { text: string; start: number; end: number } {
  const text = m[1]!;
  const start = m.index + m[0].lastIndexOf(text);
  return { text, start, end: start + text.length };
}

/** The chain after a gene list ending at `from`, or null when nothing there says what was found. */
export function readChain(text: string, from: number): Chain | null {
  const chain: Chain = { from, end: -1, variant: null, variants: [], event: null, generic: null, wildType: false, negatedBy: null, exons: null, hgvs: null, germline: null, rule: 'positive' };
  const end = readAttributes(text, from, RULES, chain, 8);
  if (end < 0) return null;
  chain.end = closeParenthesis(text, from, end);
  return chain;
}

// Driver alterations: "EGFR exon 19 deletion", "KRAS G12C", "KRAS p.Gly12Cys", "BRAF V600E",
// "MET exon 14 skipping", "MET amplification", "EML4-ALK fusion", "ROS1 rearrangement",
// "EGFR-mutant", "ALK-positive", "BRCA2 pathogenic variant", "EGFR wild-type",
// "EGFR/ALK/ROS1 negative", "No ALK, ROS1, RET or NTRK fusion detected".
//
// The value is the alteration without the gene (the label carries the gene), so the
// case header can show "EGFR: exon 19 deletion". "wild-type" and "<gene> negative"
// state that the gene carries no alteration, so the fact is negated by its own words
// (the cue is that word); "not detected" and "no ... detected" are left to the
// assertion layer.
import { matchesOf, spanOf } from '../text-utils';
import type { Candidate, FamilyExtractor, Sentence } from '../types';
import { readChain, type Chain } from './mutation-chain';

const KNOWN = /^(?:EGFR|ALK|KRAS|NRAS|BRAF|ROS1|BRCA1|BRCA2|PIK3CA|MET|RET|NTRK[1-3]?)$/;
// Genes whose driver alteration is a fusion: "ALK negative" means no ALK fusion.
const FUSION_DRIVEN = /^(?:ALK|ROS1|RET|NTRK[1-3]?)$/;
const TOKEN = '(?:[A-Z][A-Z0-9]{1,9}(?:-|::))?(?:BRCA1\\/2|NTRK1\\/2\\/3|NTRK1-3|[A-Z][A-Z0-9]{1,7})';
// Lists of genes sharing one alteration: "ALK, ROS1, RET or NTRK fusion", "EGFR/ALK/ROS1 negative".
const LIST = new RegExp(`(?<![A-Za-z0-9-])${TOKEN}(?:\\s*(?:,|\\/|\\bor\\b|\\band\\b|&)\\s*${TOKEN})*(?![A-Za-z0-9])`, 'g');
const TOKEN_IN_LIST = new RegExp(`(?:([A-Z][A-Z0-9]{1,9})(?:-|::))?(BRCA1\\/2|NTRK1\\/2\\/3|NTRK1-3|[A-Z][A-Z0-9]{1,7})`, 'g');
// "KRAS G12C inhibitor", "anti-EGFR therapy": a drug class, not a finding.
const DRUG_AFTER = /^\s*(?:-?\s*(?:inhibitors?|inhibition|directed|targeted|TKIs?|therapy|antibod(?:y|ies)|blockade))\b/i;

interface Gene {
  gene: string;
  partner: string | null;
  start: number;
  end: number;
}

// Most sentences say nothing of this family; a plain search skips them cheaply.
const QUICK = /EGFR|ALK|KRAS|NRAS|BRAF|ROS1|BRCA|PIK3CA|MET|RET|NTRK/;

export const extractMutations: FamilyExtractor = (sentence) => {
  if (!QUICK.test(sentence.text)) return [];
  const { text } = sentence;
  const out: Candidate[] = [];
  LIST.lastIndex = 0;
  for (let m = LIST.exec(text); m; m = LIST.exec(text)) {
    const tokens = genesIn(m[0], m.index);
    const known = tokens.filter((t) => KNOWN.test(t.gene));
    if (known.length === 0) continue;
    const listEnd = m.index + m[0].length;
    const chain = readChain(text, listEnd);
    if (!chain) continue;
    LIST.lastIndex = chain.end;
    if (DRUG_AFTER.test(text.slice(chain.end))) continue;
    const last = tokens.at(-1)!;
    if (known.length === 1 && chain.variants.length > 1) {
      // "EGFR L858R and T790M": one fact per variant, the first with the gene's name.
      const g = known[0]!;
      chain.variants.forEach((v, i) => out.push(candidate(sentence, g, i === 0 ? g.start : v.start, v.end, v.value, chain)));
      continue;
    }
    for (const g of known) {
      // The last gene of a list carries the shared words; the others are their name only.
      const end = g.start === last.start ? chain.end : g.end;
      out.push(candidate(sentence, g, g.start, end, valueOf(g, chain), chain));
    }
  }
  return out;
};

function genesIn(list: string, offset: number): Gene[] {
  const genes: Gene[] = [];
  for (const t of matchesOf(TOKEN_IN_LIST, list)) {
    const start = offset + t.index;
    const end = start + t[0].length;
    // "BRCA1/2" names both genes.
    if (t[2] === 'BRCA1/2') genes.push({ gene: 'BRCA1', partner: null, start, end }, { gene: 'BRCA2', partner: null, start, end });
    else if (t[2] === 'NTRK1/2/3' || t[2] === 'NTRK1-3') genes.push({ gene: 'NTRK', partner: null, start, end });
    else genes.push({ gene: t[2]!, partner: t[1] ?? null, start, end });
  }
  return genes;
}

function valueOf(g: Gene, chain: Chain): string {
  return chain.variant ?? chain.event ?? (chain.wildType ? 'wild-type' : null) ?? chain.generic ?? (FUSION_DRIVEN.test(g.gene) ? 'fusion' : 'mutation');
}

function candidate(sentence: Sentence, g: Gene, start: number, end: number, value: string, chain: Chain): Candidate {
  const fact: Candidate = {
    kind: 'MUTATION',
    label: g.gene,
    value,
    detail: { gene: g.gene, variant: value, partner: g.partner, exons: chain.exons, hgvs: chain.hgvs, germline: chain.germline },
    span: spanOf(sentence, start, end),
    rule: `mutation.${chain.rule}`,
  };
  if (chain.negatedBy) fact.fixed = { assertion: 'negated', cue: { text: chain.negatedBy.text, span: spanOf(sentence, chain.negatedBy.start, chain.negatedBy.end) } };
  return fact;
}

// Distant metastasis: "hepatic metastases", "no evidence of distant metastasis",
// "No evidence of liver, adrenal or bone metastasis", "suspicious for osseous metastasis",
// "metastases to the brain", "pleural carcinomatosis". The value is the site
// ("liver", "bone", "distant") or "unspecified".
//
// Regional spread is left out: a nodal, in-transit or satellite metastasis is the N
// category, not M, and a tumour board reads "metastasis" in the header as distant.
// "Metastatic breast cancer", "metastatic NSCLC" name stage IV disease and count
// (site unspecified); "metastatic adenocarcinoma" does not: in the cytology of a
// lymph node it describes the node.
import { matchesOf, spanOf } from '../text-utils';
import type { Candidate, FamilyExtractor, Sentence } from '../types';

const NOUN = /(?<![A-Za-z])(?:metastas[ie]s|metastatic\s+(?:disease|deposits?|spread|lesions?|foci|involvement)|mets|carcinomatosis|secondary\s+deposits?)(?![A-Za-z-])/gi;
const METASTATIC_DISEASE = /(?<![A-Za-z])metastatic\s+(?:(?:[A-Za-z-]+\s+){0,2}(?:cancer|NSCLC|SCLC|CRPC|melanoma)|mCRPC|HSPC)\b/gi;
const SITES: Record<string, string> = {
  distant: 'distant', liver: 'liver', hepatic: 'liver', bone: 'bone', bony: 'bone', osseous: 'bone', skeletal: 'bone', osteoblastic: 'bone', osteolytic: 'bone',
  brain: 'brain', cerebral: 'brain', intracranial: 'brain', cns: 'brain', lung: 'lung', pulmonary: 'lung', adrenal: 'adrenal', pleural: 'pleural',
  peritoneal: 'peritoneal', visceral: 'visceral', leptomeningeal: 'leptomeningeal', cutaneous: 'skin', skin: 'skin', subcutaneous: 'skin', ovarian: 'ovary', splenic: 'spleen',
};
const REGIONAL = /^(?:nodal|node|nodes|lymph|lymphatic|in-transit|satellite|regional|locoregional|axillary|mediastinal|hilar|micro|macro)$/i;
// Words that may stand between a site and the noun ("a solitary liver metastasis", "multiple sclerotic bone metastases").
const FILLER = /^(?:a|an|the|one|two|three|four|five|several|multiple|numerous|few|single|solitary|isolated|new|known|small|large|bilateral|diffuse|sclerotic|lytic|mixed|further|additional|other|synchronous|metachronous)$/i;
const SITE_AFTER = /^\s*(?:to|in|of|within|involving)\s+(?:the\s+)?(?:(?:left|right|both|bilateral|regional|contralateral|ipsilateral|pelvic|para-aortic|retroperitoneal|mediastinal|hilar|axillary|cervical|inguinal|supraclavicular)\s+)*(liver|bones?|brain|lungs?|adrenals?|adrenal\s+glands?|peritoneum|pleura|skeleton|spine|skin|lymph\s+nodes?|nodes?)\b/i;
const SITE_AFTER_NAMES: Record<string, string> = { liver: 'liver', bone: 'bone', bones: 'bone', brain: 'brain', lung: 'lung', lungs: 'lung', adrenal: 'adrenal', adrenals: 'adrenal', peritoneum: 'peritoneal', pleura: 'pleural', skeleton: 'bone', spine: 'bone', skin: 'skin' };
const WORD_OR_COMMA = /[A-Za-z][A-Za-z-]*|[,/]/g;
const NODAL_CONTEXT = /\b(?:lymph\s+nodes?|nodes?|nodal|sentinel|axilla|axillary)\b/i;

interface Site {
  site: string | null;
  start: number;
  end: number;
}

// Most sentences say nothing of this family; a plain search skips them cheaply.
const QUICK = /metasta|mets|carcinomatosis|secondary/i;

export const extractMetastasis: FamilyExtractor = (sentence) => {
  if (!QUICK.test(sentence.text)) return [];
  const { text } = sentence;
  const out: Candidate[] = [];
  for (const m of matchesOf(NOUN, text)) {
    const nounEnd = m.index + m[0].length;
    const before = sitesBefore(text, m.index);
    const afterMatch = SITE_AFTER.exec(text.slice(nounEnd));
    const after = afterMatch ? (SITE_AFTER_NAMES[afterMatch[1]!.toLowerCase().replace(/\s+glands?$/, '')] ?? null) : undefined;
    if (after === null) continue; // "metastases to the lymph nodes"
    const end = afterMatch ? nounEnd + afterMatch[0].length : nounEnd;

    if (after) {
      out.push(fact(sentence, after, m.index, end, 'metastasis.site-after'));
      continue;
    }
    const distant = before.filter((s) => s.site !== null);
    if (distant.length === 0) {
      if (before.length > 0 || NODAL_CONTEXT.test(text.slice(Math.max(0, m.index - 50), m.index))) continue;
      out.push(fact(sentence, 'unspecified', m.index, end, 'metastasis.unspecified'));
      continue;
    }
    const last = distant.at(-1)!;
    for (const s of distant) {
      out.push(fact(sentence, s.site!, s.start, s === last ? end : s.end, distant.length > 1 ? 'metastasis.site-list' : 'metastasis.site-before'));
    }
  }
  for (const m of matchesOf(METASTATIC_DISEASE, text)) {
    if (NODAL_CONTEXT.test(text.slice(Math.max(0, m.index - 50), m.index))) continue;
    out.push(fact(sentence, 'unspecified', m.index, m.index + m[0].length, 'metastasis.metastatic-disease'));
  }
  return out;
};

/**
 * Site words just before the noun, reading backwards across "," / "or" / "and" and
 * fillers: "liver, adrenal or bone" → liver, adrenal, bone. A regional word gives a
 * site of null, so "nodal metastasis" is recognised and dropped.
 */
function sitesBefore(text: string, nounStart: number): Site[] {
  const sites: Site[] = [];
  const words = matchesOf(WORD_OR_COMMA, text.slice(Math.max(0, nounStart - 80), nounStart));
  const offset = Math.max(0, nounStart - 80);
  let expectSite = true;
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]![0];
    const start = offset + words[i]!.index;
    const lower = w.toLowerCase();
    const site = SITES[lower];
    if (site || REGIONAL.test(lower)) {
      sites.unshift({ site: site ?? null, start, end: start + w.length });
      expectSite = false;
    } else if (w === ',' || w === '/' || lower === 'or' || lower === 'and') {
      if (expectSite) break;
      expectSite = true;
    } else if (FILLER.test(lower)) continue;
    else break;
  }
  return sites;
}

function fact(sentence: Sentence, site: string, start: number, end: number, rule: string): Candidate {
  return { kind: 'METASTASIS', label: 'Metastasis', value: site, detail: { site }, span: spanOf(sentence, start, end), rule };
}

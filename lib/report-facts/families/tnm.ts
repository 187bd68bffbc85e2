// TNM classification (UICC/AJCC 8th edition): "pT2 pN1a cM0", "T2N1M0",
// "ypT1c ypN0", "pT1b(m)", "pN1mi(sn)", "cM1b", "TX NX MX", "pTis".
import { spanOf } from '../text-utils';
import type { Candidate, FactDetail, FamilyExtractor } from '../types';

// y (after neoadjuvant therapy), r (recurrence), a (autopsy), then c/p (clinical/pathological) or u (ultrasound).
const PREFIX = '(?:y|r|a)?(?:c|p|u)?';
const T = 'T(?:is|a|[Xx]|[0-4](?:mi|[a-d])?)(?:\\((?:m|\\d{1,2}|is|DCIS|LCIS|Paget)\\))?';
const N = 'N(?:[Xx]|[0-3](?:mi|[a-c])?)(?: ?\\((?:sn|i[+-]|mol[+-]|f)\\))*';
const M = 'M(?:[Xx]|[01][a-d]?)(?:\\((?:i\\+|cy\\+|[A-Z]{3})\\))?';
// Case-sensitive on purpose: the prefix is lower case and the category upper case,
// which keeps "Pn0" (perineural invasion) and words out. A component may touch the
// next one ("T2N1M0") but no other letter or digit (checked in code, since what may
// precede "N1" depends on whether a T component ends there).
const COMPONENT = new RegExp(`(${PREFIX})(${T}|${N}|${M})(?![a-z0-9]|[A-LO-Z])`, 'g');
// Between two components of one classification: nothing, a space, a comma or slash,
// or a short parenthesis ("pN1b (2/14) cM0").
const GAP = /^(?:\s*[,/]?\s*|\s*\([^()]{1,20}\)\s*[,/]?\s*)$/;

interface Component {
  start: number;
  end: number;
  prefix: string;
  category: 'T' | 'N' | 'M';
  code: string;
  suffix: string;
}

const RANK = { T: 0, N: 1, M: 2 } as const;

// Most sentences say nothing of this family; a plain search skips them cheaply.
const QUICK = /T(?:[0-4Xxa]|is)|N[0-3Xx]|M[01Xx]/;

export const extractTnm: FamilyExtractor = (sentence) => {
  if (!QUICK.test(sentence.text)) return [];
  const components: Component[] = [];
  COMPONENT.lastIndex = 0;
  for (let m = COMPONENT.exec(sentence.text); m; m = COMPONENT.exec(sentence.text)) {
    const previous = components.at(-1);
    if (m.index > 0 && /[A-Za-z0-9]/.test(sentence.text[m.index - 1]!) && previous?.end !== m.index) continue;
    const body = m[2]!;
    const paren = body.indexOf('(');
    const code = (paren < 0 ? body : body.slice(0, paren)).trim().replace(/x$/, 'X');
    const suffix = paren < 0 ? '' : body.slice(paren).replace(/\s+/g, '');
    components.push({ start: m.index, end: m.index + m[0].length, prefix: m[1]!, category: body[0] as Component['category'], code, suffix });
  }

  const groups: Component[][] = [];
  for (const c of components) {
    const group = groups.at(-1);
    const last = group?.at(-1);
    if (group && last && RANK[c.category] > RANK[last.category] && GAP.test(sentence.text.slice(last.end, c.start))) group.push(c);
    else groups.push([c]);
  }

  const out: Candidate[] = [];
  for (const group of groups) {
    const first = group[0]!;
    const last = group.at(-1)!;
    // A lone unprefixed "T2" is usually an MRI weighting or a vertebra, not a stage.
    if (group.length === 1 && first.prefix === '') continue;
    const detail: FactDetail = { prefixT: null, t: null, tSuffix: null, prefixN: null, n: null, nSuffix: null, prefixM: null, m: null, mSuffix: null };
    for (const c of group) {
      const k = c.category.toLowerCase();
      detail[`prefix${c.category}`] = c.prefix || null;
      detail[k] = c.code;
      detail[`${k}Suffix`] = c.suffix || null;
    }
    const compact = group.length > 1 && group.every((c, i) => i === 0 || c.start === group[i - 1]!.end);
    out.push({
      kind: 'TNM',
      label: 'TNM',
      value: group.map((c) => `${c.prefix}${c.code}${c.suffix}`).join(' '),
      detail,
      span: spanOf(sentence, first.start, last.end),
      rule: group.length === 1 ? 'tnm.single-category' : compact ? 'tnm.compact' : 'tnm.separated',
    });
  }
  return out;
};

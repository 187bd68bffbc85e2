// Small helpers the family extractors share: offsets, numbers, and reading the
// attributes that follow a biomarker name ("HER2 negative (IHC 1+)").
import type { Sentence, TextSpan } from './types';

export function spanOf(sentence: Sentence, start: number, end: number): TextSpan {
  return { start: sentence.start + start, end: sentence.start + end };
}

/** Parses "2.3" and the European "2,3". */
export function toNumber(text: string): number {
  return Number(text.replace(',', '.'));
}

/** 23 → "23", 2.5 → "2.5", 23.0000001 → "23". */
export function formatNumber(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** "≥", ">=", "=>" → "≥" and so on; "" when there is none. */
export function normalizeComparator(raw: string | undefined): string {
  const c = (raw ?? '').replace(/\s+/g, '');
  if (c === '>=' || c === '=>' || c === '≥') return '≥';
  if (c === '<=' || c === '=<' || c === '≤') return '≤';
  return c === '<' || c === '>' ? c : '';
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5 };
export const romanToInt = (roman: string): number | undefined => ROMAN[roman.toUpperCase()];
export const intToRoman = (n: number): string | undefined => Object.keys(ROMAN).find((k) => ROMAN[k] === n);

/** Extends an evidence end over the ")" that closes a "(" opened inside the evidence. */
export function closeParenthesis(text: string, start: number, end: number): number {
  const inside = text.slice(start, end);
  const open = (inside.match(/\(/g)?.length ?? 0) - (inside.match(/\)/g)?.length ?? 0);
  if (open <= 0) return end;
  const m = /^\s*\)/.exec(text.slice(end));
  return m ? end + m[0].length : end;
}

/** One attribute that may follow a name: a sticky regex and what to record when it matches. */
export interface AttributeRule<T> {
  re: RegExp;
  apply: (m: RegExpExecArray, into: T) => void;
  /** Words like "status" or "was" that may sit between attributes but are no evidence themselves. */
  filler?: boolean;
}

/** Punctuation allowed between a name and its attributes, or between two attributes. */
const SEPARATOR = /[\s,:=()/]{0,4}/y;

/**
 * Reads attributes one after the other from `from` (each rule's regex must be
 * sticky, flag `y`), skipping short punctuation between them, and stops at the
 * first thing that is not an attribute. Returns where the last attribute ended,
 * or -1 when none matched.
 */
export function readAttributes<T>(text: string, from: number, rules: readonly AttributeRule<T>[], into: T, maxAttributes = 6): number {
  let end = -1;
  let pos = from;
  for (let n = 0; n < maxAttributes; n++) {
    SEPARATOR.lastIndex = pos;
    const sep = SEPARATOR.exec(text);
    const at = pos + (sep?.[0].length ?? 0);
    let matched = false;
    for (const rule of rules) {
      rule.re.lastIndex = at;
      const m = rule.re.exec(text);
      if (m && m[0].length > 0) {
        rule.apply(m, into);
        pos = at + m[0].length;
        if (!rule.filler) end = pos;
        matched = true;
        break;
      }
    }
    if (!matched) break;
  }
  return end;
}

/**
 * Every match of a global regex, like String.prototype.matchAll but without the
 * copy of the regex that matchAll makes on each call (which costs more than the
 * matching on a short sentence).
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

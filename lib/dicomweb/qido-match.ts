// Attribute matching on a QIDO result (PS3.4 C.2.2.2), evaluated on the same
// DICOM JSON the client will receive, so what matched is what is shown.
//   UI            list of UIDs
//   DA / TM / DT  single value or range "a-b", "-b", "a-"
//   PN            wildcards * and ?, case-insensitive (like most PACS)
// Wildcards are matched by globMatch, never by a RegExp: a pattern like *?*?*?…Z
// makes a backtracking regex exponential, globMatch is O(value × pattern).
//   numbers       numeric equality
//   other strings wildcards, case-sensitive; CS also takes a comma list (Modality=CT,MR)
// A multi-valued attribute matches when any value does; an empty attribute matches nothing.
import type { DicomJson } from './dicom-json';
import { listValues } from './qido-query';
import type { Matcher } from './qido-query';

const NUMERIC_VRS = new Set(['IS', 'DS', 'US', 'SS', 'UL', 'SL', 'FL', 'FD', 'UV', 'SV']);

export function matchesAll(dataset: DicomJson, matchers: readonly Matcher[]): boolean {
  return matchers.every((matcher) => matches(dataset, matcher));
}

export function matches(dataset: DicomJson, matcher: Matcher): boolean {
  const attribute = dataset[matcher.tag];
  const vr = matcher.vr ?? attribute?.vr;
  const values = (attribute?.Value ?? [])
    .map((value) => (value !== null && typeof value === 'object' ? (value as { Alphabetic?: string }).Alphabetic : value))
    .filter((value): value is string | number => value !== undefined && value !== null && value !== '')
    .map(String);
  if (values.length === 0) return false;

  if (vr === 'UI') {
    const wanted = new Set(listValues(matcher.value));
    return values.some((value) => wanted.has(value));
  }
  if (vr === 'DA' || vr === 'TM' || vr === 'DT') return values.some((value) => matchesRange(normalizeTemporal(value, vr), matcher.value, vr));
  if (vr && NUMERIC_VRS.has(vr)) return values.some((value) => Number(value) === Number(matcher.value));
  if (vr === 'PN') {
    const pattern = foldCase(trimPersonName(matcher.value));
    return values.some((value) => globMatch(pattern, foldCase(trimPersonName(value))));
  }
  const alternatives = vr === 'CS' ? listValues(matcher.value) : [matcher.value];
  return values.some((value) => alternatives.some((pattern) => globMatch(pattern, value.trim())));
}

function matchesRange(value: string, query: string, vr: string): boolean {
  const dash = query.indexOf('-');
  if (dash < 0) {
    const single = normalizeTemporal(query, vr);
    return vr === 'DA' ? value === single : value.startsWith(single);
  }
  const from = normalizeTemporal(query.slice(0, dash), vr);
  const to = normalizeTemporal(query.slice(dash + 1), vr);
  // Compare on the precision the client gave: "1200" as an upper bound includes 12:00:59.
  if (from && value.slice(0, from.length) < from) return false;
  if (to && value.slice(0, to.length) > to) return false;
  return true;
}

/** "2020.01.31" (old ACR-NEMA dates) → "20200131"; "12:30:00" → "123000". */
function normalizeTemporal(value: string, vr: string): string {
  const trimmed = value.trim();
  if (vr === 'DA') return trimmed.replace(/\./g, '');
  if (vr === 'TM') return trimmed.replace(/:/g, '');
  return trimmed;
}

/** "Doe^John^^^" and "Doe^John" are the same name. */
function trimPersonName(value: string): string {
  return value.trim().replace(/\^+$/, '');
}

/** Case-insensitive comparison for PN: both sides folded the same way. */
function foldCase(value: string): string {
  return value.toLowerCase();
}

/**
 * `*` (any run, also empty) and `?` (one character) against the whole text, every
 * other character literal. Two pointers; on a mismatch only the last `*` is
 * retried one character further, so the worst case is O(text × pattern) and
 * there is no exponential backtracking. Characters are code points (a `?`
 * stands for one character, also outside the BMP).
 */
export function globMatch(pattern: string, text: string): boolean {
  const p = Array.from(pattern);
  const t = Array.from(text);
  let pi = 0;
  let ti = 0;
  let star = -1;
  let resume = 0;
  while (ti < t.length) {
    if (pi < p.length && p[pi] !== '*' && (p[pi] === '?' || p[pi] === t[ti])) {
      pi++;
      ti++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      resume = ti;
    } else if (star >= 0) {
      pi = star + 1;
      ti = ++resume;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

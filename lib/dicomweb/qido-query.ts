// QIDO-RS query parameters (PS3.18 8.3.4): attribute matching, includefield,
// limit/offset. Parsed into one plain object that both the local store and the
// PACS proxy use; anything Konsil cannot match is reported, not silently dropped.
import { resolveAttribute } from './dicom-json';
import { badRequest } from './dicomweb-error';
import type { QidoLevel } from './parse-path';

export interface Matcher {
  /** The name the client used (keyword or hex tag), kept for forwarding to a PACS. */
  name: string;
  tag: string;
  vr?: string;
  value: string;
}

export interface QidoQuery {
  matchers: Matcher[];
  /** includefield=all */
  includeAll: boolean;
  /** Tags to return besides the required ones (includefield and the matching keys). */
  includeTags: string[];
  limit: number;
  offset: number;
  /** Things Konsil ignored, for the Warning header. */
  warnings: string[];
}

/** Larger pages must be asked for with offset; instances are many per series. */
export const MAX_LIMIT: Record<QidoLevel, number> = { studies: 1000, series: 1000, instances: 5000 };

const RESERVED = new Set(['limit', 'offset', 'includefield', 'fuzzymatching']);

/**
 * Longest value a matching key may have: 64 characters, the longest a UID, LO or
 * PN component group can be (PS3.5 6.2). Lists (UIDs, CS) are checked per item;
 * a person name may have its three component groups. Longer is refused (400), not
 * matched: it cannot match a valid value and only costs matching time.
 */
export const MAX_VALUE_LENGTH = 64;
const LIST_VRS = new Set(['UI', 'CS']);

export function parseQidoQuery(params: URLSearchParams, level: QidoLevel): QidoQuery {
  const query: QidoQuery = { matchers: [], includeAll: false, includeTags: [], limit: MAX_LIMIT[level], offset: 0, warnings: [] };
  const include = new Set<string>();

  for (const [key, rawValue] of params) {
    const value = rawValue.trim();
    if (key === 'limit') query.limit = Math.min(nonNegativeInt(key, value), MAX_LIMIT[level]);
    else if (key === 'offset') query.offset = nonNegativeInt(key, value);
    else if (key === 'fuzzymatching') {
      if (value === 'true') query.warnings.push('fuzzymatching is not supported; literal matching was used');
    } else if (key === 'includefield') {
      for (const name of value.split(',').map((v) => v.trim()).filter(Boolean)) {
        if (name === 'all') {
          query.includeAll = true;
          continue;
        }
        const resolved = resolveAttribute(name);
        if (resolved) include.add(resolved.tag);
        else query.warnings.push(`includefield ${name} is not a known attribute`);
      }
    } else if (!RESERVED.has(key)) {
      const resolved = resolveAttribute(key);
      if (!resolved) {
        // Sequence matching (00081032.00080100) and unknown keywords: ignored, and said so.
        query.warnings.push(`${key} is not supported for matching and was ignored`);
        continue;
      }
      include.add(resolved.tag);
      // An empty value is universal matching: return the attribute, match everything.
      if (value !== '' && value !== '*') {
        checkLength(key, value, resolved.vr);
        query.matchers.push({ name: key, tag: resolved.tag, vr: resolved.vr, value });
      }
    }
  }
  query.includeTags = [...include];
  return query;
}

function checkLength(key: string, value: string, vr: string | undefined): void {
  const items = vr && LIST_VRS.has(vr) ? listValues(value) : [value];
  const max = vr === 'PN' ? 3 * MAX_VALUE_LENGTH + 2 : MAX_VALUE_LENGTH;
  if (items.some((item) => item.length > max)) {
    throw badRequest(`The value of ${key} is longer than ${max} characters${items.length > 1 ? ' (per list item)' : ''}; no ${vr ?? 'DICOM'} value is that long.`);
  }
}

function nonNegativeInt(name: string, value: string): number {
  if (!/^[0-9]{1,9}$/.test(value)) throw badRequest(`${name} must be a whole number ≥ 0, not ${JSON.stringify(value.slice(0, 40))}.`);
  return Number(value);
}

/** Splits a UID list match ("1.2,1.3" in QIDO; "\" as in DIMSE is accepted too). */
export function listValues(value: string): string[] {
  return value
    .split(/[,\\]/)
    .map((v) => v.trim())
    .filter(Boolean);
}

export function hasWildcard(value: string): boolean {
  return value.includes('*') || value.includes('?');
}

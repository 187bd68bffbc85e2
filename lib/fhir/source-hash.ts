// The fingerprint of an imported row: sha256 over a canonical JSON form (keys
// sorted, undefined dropped) of exactly what would be stored. Equal fingerprint on
// re-import → the row is left alone (no write, no updatedAt bump).
import { createHash } from 'node:crypto';

/**
 * Part of every fingerprint. Bump it when a mapping rule changes what a resource
 * becomes, so the next import of unchanged FHIR updates the rows it maps differently.
 * 2: Observation keys include the code (source-identity.ts); the unit is a UCUM code
 *    only when the quantity is coded in UCUM, else the printable unit text.
 */
export const MAPPING_VERSION = 2;

export function sourceHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson({ mapping: MAPPING_VERSION, value })).digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

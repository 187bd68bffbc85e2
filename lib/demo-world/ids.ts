// Deterministic identifiers. Every UID and UUID is a hash of the world seed and a
// path naming what it identifies, so regenerating a world gives the same ids and
// two different seeds never share one.
import { createHash } from 'node:crypto';

function hash128(parts: readonly (string | number)[]): Buffer {
  const digest = createHash('sha256').update(parts.join('|')).digest().subarray(0, 16);
  // Shape the 128 bits as an RFC 9562 UUIDv8 (custom) so the value is a real UUID:
  // DICOM's 2.25 root is defined as "the integer value of a UUID".
  digest[6] = (digest[6]! & 0x0f) | 0x80;
  digest[8] = (digest[8]! & 0x3f) | 0x80;
  return digest;
}

/** A UUID (lower case, hyphenated) for the given parts. */
export function uuidFor(...parts: (string | number)[]): string {
  const hex = hash128(parts).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A DICOM UID under the 2.25 (UUID-derived) root: at most 44 characters, no leading zeros. */
export function dicomUidFor(...parts: (string | number)[]): string {
  return `2.25.${BigInt(`0x${hash128(parts).toString('hex')}`).toString(10)}`;
}

/** Identifies the software that wrote the DICOM files (File Meta ImplementationClassUID). */
export const implementationClassUid = dicomUidFor('konsil', 'demo-world', 'dicom-writer', 1);

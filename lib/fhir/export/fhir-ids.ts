// Stable identities for the exported resources. Each resource's fullUrl is a urn:uuid derived
// from what it represents (a name-based, version-5-style UUID over sha256), so exporting the
// same decision twice gives byte-identical references, and resources reference each other by
// fullUrl as a collection Bundle should.
import { createHash } from 'node:crypto';

/** Konsil's identifier systems (the importer keys rows by identifier system + value). */
export const KONSIL_SYSTEM = {
  decision: 'urn:konsil:decision',
  recommendation: 'urn:konsil:recommendation',
  inferenceResult: 'urn:konsil:inference-result',
  user: 'urn:konsil:user',
  meeting: 'urn:konsil:meeting',
  case: 'urn:konsil:case',
  /** Recommendation modality (lib/schemas/decision.ts `modalities`). */
  modality: 'urn:konsil:decision-modality',
  /** Recommendation sequencing (lib/schemas/decision.ts `sequencings`). */
  sequencing: 'urn:konsil:decision-sequencing',
  /** Treatment intent when SNOMED CT has no concept for it (UNCLEAR). */
  treatmentIntent: 'urn:konsil:treatment-intent',
  trial: 'urn:konsil:clinical-trial',
  careTeamCategory: 'urn:konsil:care-plan-category',
} as const;

export function fhirUuid(kind: string, id: string): string {
  const hex = createHash('sha256').update(`konsil:${kind}:${id}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A FHIR id (1–64 of [A-Za-z0-9-.]) from a Konsil id, which is one already (cuid) unless it is longer. */
export function fhirId(id: string): string {
  return id.replace(/[^A-Za-z0-9\-.]/g, '-').slice(0, 64);
}

/** A reference to another entry of the Bundle by its fullUrl (assignable to any typed Reference). */
export interface EntryRef {
  reference: string;
  display?: string;
}

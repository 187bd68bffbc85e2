// The fingerprint of what a model was fed: sha256 over the canonical JSON (keys sorted) of
// feature name → value. Two runs with the same hash saw the same input vector, whatever
// order the card lists its features in; a null (not scored) is part of the input too.
import { createHash } from 'node:crypto';
import { canonicalJson } from '@/lib/fhir/source-hash';

export function inputHash(features: readonly { name: string; value: number | null }[]): string {
  const vector: Record<string, number | null> = {};
  for (const f of features) vector[f.name] = f.value;
  return createHash('sha256').update(canonicalJson(vector)).digest('hex');
}

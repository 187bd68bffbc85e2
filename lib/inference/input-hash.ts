// The fingerprint of what a model was fed: sha256 over the canonical JSON (keys sorted) of
// feature name → value. Two runs with the same hash saw the same input vector, whatever
// order the card lists its features in; a null (not scored) is part of the input too.
// The JSON is exactly lib/fhir/source-hash.ts canonicalJson of that object (a test pins it),
// written out flat because this runs on every model run and the input is never nested.
import { hash } from 'node:crypto';

export function inputHash(features: readonly { name: string; value: number | null }[]): string {
  const vector: Record<string, number | null> = {};
  for (const f of features) vector[f.name] = f.value;
  const names = Object.keys(vector).sort();
  let json = '{';
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    json += `${i === 0 ? '' : ','}${JSON.stringify(name)}:${JSON.stringify(vector[name]) ?? 'null'}`;
  }
  return hash('sha256', `${json}}`, 'hex');
}

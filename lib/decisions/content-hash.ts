// The fingerprint of a signed decision: sha256 over the canonical JSON (keys sorted) of its
// content. The protocol PDF, the FHIR Provenance and the audit event all quote it, so anyone
// holding a printed letter can check it against the version stored in Konsil.
import { createHash } from 'node:crypto';
import { canonicalJson } from '@/lib/fhir/source-hash';
import type { DecisionContent } from '@/lib/schemas/decision';

export function decisionContentSha256(content: DecisionContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

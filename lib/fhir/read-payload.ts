// The payload's outer shape: a Bundle of type transaction, batch or collection,
// or one resource (imported as a batch of one). Problems with the whole payload
// throw FhirInputError; problems with one entry stay with that entry.
import type { OperationOutcomeIssue } from '@medplum/fhirtypes';
import { FhirInputError } from './fhir-input-error';
import { errorIssue } from './issues';

export type PayloadKind = 'transaction' | 'batch' | 'collection' | 'resource';

export interface PayloadEntry {
  index: number;
  /** FHIRPath of the resource: `Bundle.entry[3].resource`, or `Observation` for a single resource. */
  path: string;
  fullUrl?: string;
  resource: unknown;
  /** Problems with the entry itself (no resource, a DELETE request, a repeated fullUrl). */
  issues: OperationOutcomeIssue[];
}

const ACCEPTED_BUNDLE_TYPES = new Set(['transaction', 'batch', 'collection']);
const IMPORT_METHODS = new Set(['POST', 'PUT']);

export function readPayload(payload: unknown): { kind: PayloadKind; entries: PayloadEntry[] } {
  if (!isObject(payload)) throw new FhirInputError('The payload is not a FHIR resource: expected a JSON object with a resourceType.');
  const resourceType = payload.resourceType;
  if (typeof resourceType !== 'string' || resourceType === '') {
    throw new FhirInputError('The payload has no resourceType: expected a FHIR R4 resource or Bundle.', { expression: 'resourceType' });
  }
  if (resourceType !== 'Bundle') return { kind: 'resource', entries: [{ index: 0, path: resourceType, resource: payload, issues: [] }] };

  const type = payload.type;
  if (typeof type !== 'string' || !ACCEPTED_BUNDLE_TYPES.has(type)) {
    throw new FhirInputError(
      `Bundle.type ${typeof type === 'string' ? `"${type}"` : '(missing)'} is not accepted: send a transaction, batch or collection Bundle.`,
      { expression: 'Bundle.type' },
    );
  }
  const rawEntries = payload.entry ?? [];
  if (!Array.isArray(rawEntries)) throw new FhirInputError('Bundle.entry must be an array.', { expression: 'Bundle.entry' });

  const seenFullUrls = new Map<string, number>();
  const entries = rawEntries.map((raw: unknown, index): PayloadEntry => {
    const base = `Bundle.entry[${index}]`;
    const path = `${base}.resource`;
    if (!isObject(raw)) return { index, path, resource: undefined, issues: [errorIssue('A Bundle entry must be a JSON object', base, 'structure')] };
    const issues: OperationOutcomeIssue[] = [];
    const fullUrl = typeof raw.fullUrl === 'string' && raw.fullUrl.trim() ? raw.fullUrl.trim() : undefined;
    if (raw.fullUrl !== undefined && typeof raw.fullUrl !== 'string') issues.push(errorIssue('fullUrl must be a string', `${base}.fullUrl`, 'structure'));
    if (fullUrl) {
      const first = seenFullUrls.get(fullUrl);
      if (first !== undefined) issues.push(errorIssue(`fullUrl ${fullUrl} is already used by Bundle.entry[${first}]`, `${base}.fullUrl`, 'duplicate'));
      else seenFullUrls.set(fullUrl, index);
    }
    const method = isObject(raw.request) ? raw.request.method : undefined;
    if (type !== 'collection' && typeof method === 'string' && !IMPORT_METHODS.has(method)) {
      issues.push(errorIssue(`request.method ${method} is not supported: Konsil only imports resources (POST or PUT)`, `${base}.request.method`, 'not-supported'));
    } else if (raw.resource === undefined) {
      issues.push(errorIssue('The entry has no resource', path, 'required'));
    }
    return { index, path, ...(fullUrl ? { fullUrl } : {}), resource: raw.resource, issues };
  });
  return { kind: type as PayloadKind, entries };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

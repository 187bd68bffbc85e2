// FHIR-style answers for the import endpoint: errors are OperationOutcomes with
// the FHIR content type, as an integration engine expects.
export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export function fhirResponse(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': FHIR_JSON, ...headers } });
}

export function outcomeResponse(status: number, code: string, text: string, expression?: string[]): Response {
  return fhirResponse(
    { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, details: { text }, ...(expression ? { expression } : {}) }] },
    status,
  );
}

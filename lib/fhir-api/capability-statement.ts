// GET [base]: what this FHIR-style endpoint does (import only), so an integration
// engineer's tooling can discover it. Konsil does not serve FHIR reads or searches.
import { importedResourceTypes } from '@/lib/fhir/map-resource';

export { importedResourceTypes };

export function capabilityStatement(baseUrl: string) {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-11-26',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    implementation: { description: 'Konsil import endpoint (transaction, batch and collection Bundles; single resources)', url: baseUrl },
    rest: [
      {
        mode: 'server',
        documentation: 'Imports only. Bundles up to IMPORT_SYNC_MAX_KB are answered at once; larger ones (or Prefer: respond-async) return 202 and a job to poll.',
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
        resource: importedResourceTypes.map((type) => ({ type, interaction: [{ code: 'create' }, { code: 'update' }] })),
      },
    ],
  };
}

// Which Konsil row a FHIR resource is, so importing it again finds that row
// instead of adding a second one. The rule, in order:
//  1. the resource's first identifier that has both system and value
//     → (identifier.system, identifier.value). Business identifiers (a lab's
//     order/result number, a DICOM UID) survive a change of FHIR server or a
//     re-export with new logical ids;
//  2. else its logical id → (`fhir:<meta.source>` or `fhir:default`, `<Type>/<id>`);
//  3. else the Bundle entry's fullUrl → (`fhir:<meta.source>` or `fhir:default`, fullUrl).
//     Only stable when the sender keeps its urn:uuid values between exports;
//  4. else the resource cannot be imported idempotently and is refused.
// Patients are matched differently (MRN first; sourceId is the logical id, so
// `Patient/<id>` references resolve in later imports): see map-patient.ts.
import type { Resource } from '@medplum/fhirtypes';
import type { SourceIdentity } from './mapped-rows';

/** `fhir:` + meta.source without its fragment (servers put a per-request id there), or `fhir:default`. */
export function fhirSourceSystem(resource: Resource): string {
  const source = resource.meta?.source?.split('#')[0]?.trim();
  return `fhir:${source || 'default'}`;
}

export function sourceIdentity(resource: Resource, fullUrl: string | undefined): SourceIdentity | undefined {
  const identifiers = 'identifier' in resource ? (resource.identifier as { system?: string; value?: string }[] | undefined) : undefined;
  const business = identifiers?.find((i) => i.system?.trim() && i.value?.trim());
  if (business) return { sourceSystem: business.system!.trim(), sourceId: business.value!.trim() };
  if (resource.id) return { sourceSystem: fhirSourceSystem(resource), sourceId: `${resource.resourceType}/${resource.id}` };
  if (fullUrl) return { sourceSystem: fhirSourceSystem(resource), sourceId: fullUrl };
  return undefined;
}

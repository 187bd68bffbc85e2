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
// Observations under rule 1 are keyed by identifier value *and* what they observe
// (`<value>|<LOINC>`, see observationIdentity): labs often give every result of a
// panel the order/accession number as its identifier, and without the code the
// analytes would overwrite each other.
// Patients are matched differently (MRN first; sourceId is the logical id, so
// `Patient/<id>` references resolve in later imports): see map-patient.ts.
import type { Resource } from '@medplum/fhirtypes';
import type { ObservationRow, SourceIdentity } from './mapped-rows';

/** `fhir:` + meta.source without its fragment (servers put a per-request id there), or `fhir:default`. */
export function fhirSourceSystem(resource: Resource): string {
  const source = resource.meta?.source?.split('#')[0]?.trim();
  return `fhir:${source || 'default'}`;
}

export function sourceIdentity(resource: Resource, fullUrl: string | undefined): SourceIdentity | undefined {
  const business = businessIdentifier(resource);
  if (business) return business;
  if (resource.id) return { sourceSystem: fhirSourceSystem(resource), sourceId: `${resource.resourceType}/${resource.id}` };
  if (fullUrl) return { sourceSystem: fhirSourceSystem(resource), sourceId: fullUrl };
  return undefined;
}

/** Rule 1: the first identifier with both system and value. */
function businessIdentifier(resource: Resource): SourceIdentity | undefined {
  const identifiers = 'identifier' in resource ? (resource.identifier as { system?: string; value?: string }[] | undefined) : undefined;
  const business = identifiers?.find((i) => i.system?.trim() && i.value?.trim());
  return business ? { sourceSystem: business.system!.trim(), sourceId: business.value!.trim() } : undefined;
}

/** What an observation observes, as part of its key: the LOINC code, else `system|code`, else the text. */
export function observationCodeKey(row: Pick<ObservationRow, 'loincCode' | 'codeSystem' | 'code' | 'display'>): string {
  if (row.loincCode) return row.loincCode;
  if (row.code) return `${row.codeSystem ?? ''}|${row.code}`;
  return row.display;
}

/**
 * An Observation's key. Under rule 1 it is `<identifier value>|<code key>` in the
 * identifier's system, always, not only when a payload shows the identifier to be
 * shared: a lab may send the results of one order in separate messages, so no
 * single import can tell. The price: a result whose code the source corrects
 * becomes a new row beside the old one, which is visible, rather than one analyte
 * silently replacing another. `formerIdentity` is the key rule 1 gave before
 * (the value alone); the writer adopts a row stored under it when it observes the
 * same code (lib/db/fhir-import/write-clinical-rows.ts). Logical ids and fullUrls
 * name one resource each and are kept as they are.
 */
export function observationIdentity(
  observation: Resource,
  fullUrl: string | undefined,
  row: Pick<ObservationRow, 'loincCode' | 'codeSystem' | 'code' | 'display'>,
): { identity?: SourceIdentity; formerIdentity?: SourceIdentity } {
  const business = businessIdentifier(observation);
  if (business) return { identity: { ...business, sourceId: `${business.sourceId}|${observationCodeKey(row)}` }, formerIdentity: business };
  const identity = sourceIdentity(observation, fullUrl);
  return identity ? { identity } : {};
}

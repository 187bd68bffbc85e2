// A Konsil user (signer, attendee, referrer, follow-up owner) → FHIR Practitioner. The specialty
// is a qualification in text: Konsil's Specialty enum is not a published code system.
import type { Practitioner } from '@medplum/fhirtypes';
import type { ExportPerson } from './export-input';
import { fhirId, KONSIL_SYSTEM } from './fhir-ids';

export function practitionerResource(person: ExportPerson): Practitioner {
  return {
    resourceType: 'Practitioner',
    id: fhirId(person.id),
    identifier: [{ system: KONSIL_SYSTEM.user, value: person.id }],
    name: [{ text: person.title ? `${person.title} ${person.name}` : person.name, ...(person.title ? { prefix: [person.title] } : {}) }],
    ...(person.specialty ? { qualification: [{ code: { text: specialtyLabel(person.specialty) } }] } : {}),
  };
}

export function specialtyLabel(specialty: string): string {
  const words = specialty.replaceAll('_', ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

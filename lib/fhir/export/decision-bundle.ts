// One signed decision → a FHIR R4 Bundle of type `collection`: the Patient, the Practitioners,
// the meeting as Encounter, the referral ServiceRequest, the proposed MedicationRequests and
// ServiceRequests, the CarePlan that lists them and the Provenance of its signature. Every entry
// has a urn:uuid fullUrl and references use them. Pure: the same data gives the same JSON
// (`timestamp` is passed in). The mapping, element by element: docs/protocols-and-fhir-export.md.
import type {Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { carePlanResource } from './care-plan-resource';
import { encounterResource } from './encounter-resource';
import type { DecisionExportData, ExportPerson } from './export-input';
import { fhirId, fhirUuid, type EntryRef } from './fhir-ids';
import { patientResource } from './patient-resource';
import { practitionerResource } from './practitioner-resource';
import { provenanceResource } from './provenance-resource';
import { isMedicationRecommendation, medicationRequests, serviceRequest, type RecommendationContext } from './recommendation-requests';
import { referralServiceRequest } from './referral-service-request';

export function decisionBundle(data: DecisionExportData, options: { timestamp: string }): Bundle {
  const entries: BundleEntry[] = [];
  const add = (kind: string, key: string, resource: Resource, display?: string): EntryRef => {
    const fullUrl = fhirUuid(kind, key);
    entries.push({ fullUrl, resource });
    return { reference: fullUrl, ...(display ? { display } : {}) };
  };

  const patient = add('Patient', data.patient.id, patientResource(data.patient), `${data.patient.familyName}, ${data.patient.givenName}`);

  const people = new Map<string, ExportPerson>();
  for (const p of [data.version.signedBy, data.case.referrer, ...data.attendees, ...(data.followUp ? [data.followUp.owner] : [])]) people.set(p.id, p);
  const practitioners = new Map<string, EntryRef>();
  for (const person of [...people.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    practitioners.set(person.id, add('Practitioner', person.id, practitionerResource(person), person.name));
  }
  const ref = (person: ExportPerson) => practitioners.get(person.id)!;
  const attendees = data.attendees.map(ref);

  const encounter = data.meeting ? add('Encounter', data.meeting.id, encounterResource(data.meeting, data.board.name, { patient, attendees })) : undefined;
  const referral = add('ServiceRequest', `referral:${data.case.id}`, referralServiceRequest(data, { patient, requester: ref(data.case.referrer), ...(encounter ? { encounter } : {}) }));

  const status = data.history.some((h) => h.number > data.version.number) ? 'revoked' : 'active';
  const context: RecommendationContext = {
    decisionId: data.decision.id,
    versionNumber: data.version.number,
    status,
    signedAt: data.version.signedAt,
    decisionTrialId: data.version.content.trial.id,
    refs: { patient, requester: ref(data.version.signedBy), ...(encounter ? { encounter } : {}) },
  };
  const activities: EntryRef[] = [];
  for (const recommendation of data.version.content.recommendations) {
    const key = `${data.decision.id}/v${data.version.number}/${recommendation.id}`;
    if (isMedicationRecommendation(recommendation)) {
      medicationRequests(recommendation, context).forEach((request, i) => activities.push(add('MedicationRequest', `${key}/${i + 1}`, request)));
    } else {
      activities.push(add('ServiceRequest', key, serviceRequest(recommendation, context)));
    }
  }

  const carePlanKey = `${data.decision.id}/v${data.version.number}`;
  const carePlan = add(
    'CarePlan',
    carePlanKey,
    carePlanResource(data, {
      status,
      refs: { patient, author: ref(data.version.signedBy), contributors: attendees, ...(encounter ? { encounter } : {}), referral, activities },
    }),
  );
  add(
    'Provenance',
    carePlanKey,
    provenanceResource({
      id: fhirId(`${data.decision.id}-v${data.version.number}-signature`),
      target: carePlan,
      signedAt: data.version.signedAt,
      signer: ref(data.version.signedBy),
      amendmentReason: data.version.amendmentReason,
      considered: data.considered,
    }),
  );

  return {
    resourceType: 'Bundle',
    id: fhirId(`decision-${data.decision.id}-v${data.version.number}`),
    meta: { lastUpdated: options.timestamp },
    identifier: { system: 'urn:konsil:decision-export', value: carePlanKey },
    type: 'collection',
    timestamp: options.timestamp,
    entry: entries,
  };
}

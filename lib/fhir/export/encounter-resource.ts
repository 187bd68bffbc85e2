// The board meeting, as the patient's encounter with the board: class VR (virtual, v3-ActCode),
// the meeting's period and the practitioners present for the case.
import type {Encounter } from '@medplum/fhirtypes';
import type { DecisionExportData } from './export-input';
import { fhirId, KONSIL_SYSTEM, type EntryRef } from './fhir-ids';

const encounterStatus: Record<string, Encounter['status']> = {
  SCHEDULED: 'planned',
  PUBLISHED: 'planned',
  LIVE: 'in-progress',
  CLOSED: 'finished',
  CANCELLED: 'cancelled',
};

export function encounterResource(
  meeting: NonNullable<DecisionExportData['meeting']>,
  boardName: string,
  refs: { patient: EntryRef; attendees: EntryRef[] },
): Encounter {
  const end = new Date(new Date(meeting.startsAt).getTime() + meeting.durationMinutes * 60_000).toISOString();
  return {
    resourceType: 'Encounter',
    id: fhirId(meeting.id),
    identifier: [{ system: KONSIL_SYSTEM.meeting, value: meeting.id }],
    status: encounterStatus[meeting.status] ?? 'unknown',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'VR', display: 'virtual' },
    type: [{ text: 'Multidisciplinary tumor board meeting' }],
    serviceType: { text: boardName },
    subject: refs.patient,
    period: { start: meeting.startsAt, end },
    participant: refs.attendees.map((individual) => ({
      type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'PART', display: 'Participation' }] }],
      individual,
    })),
    ...(meeting.location ? { location: [{ location: { display: meeting.location } }] } : {}),
  };
}

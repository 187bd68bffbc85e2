import { describe, expect, it } from 'vitest';
import { computeQuorum } from '@/lib/live/quorum';
import type { MeetingProtocolData } from '@/lib/protocols/meeting-protocol-data';
import { decisionContentSchema } from '@/lib/schemas/decision';
import { renderMeetingProtocol } from './meeting-protocol';
import { pdfText } from './pdf-text';

const at = new Date('2026-11-25T08:00:00Z');

function data(overrides: Partial<MeetingProtocolData> = {}): MeetingProtocolData {
  const attendees = [
    { name: 'Ada Signer', title: 'Dr. med.', specialty: 'MEDICAL_ONCOLOGY', joinedAt: '2026-11-24T15:02:00.000Z' },
    { name: 'Cy Radiologist', title: null, specialty: 'RADIOLOGY', joinedAt: '2026-11-24T15:05:00.000Z' },
  ];
  return {
    board: { name: 'Breast tumor board', timeZone: 'Europe/Berlin' },
    meeting: { id: 'm1', startsAt: '2026-11-24T15:00:00.000Z', durationMinutes: 90, location: 'Room 3', status: 'CLOSED' },
    chair: { name: 'Ada Signer', title: 'Dr. med.', specialty: 'MEDICAL_ONCOLOGY' },
    attendees,
    quorum: computeQuorum(['MEDICAL_ONCOLOGY', 'RADIOLOGY', 'PATHOLOGY'], attendees.map((a) => a.specialty)),
    items: [
      {
        position: 1,
        patient: { displayName: 'Muster, Erika', mrn: 'SYN-900001', isSynthetic: true },
        question: 'Adjuvant therapy?',
        status: 'DISCUSSED',
        statusReason: null,
        decision: {
          number: 2,
          content: decisionContentSchema.parse({ intent: 'CURATIVE', recommendations: [{ id: 'r1', modality: 'SURGERY', sequencing: 'DEFINITIVE', details: 'BCS' }] }),
          signedBy: 'Dr. med. Ada Signer',
          signedAt: '2026-11-24T15:20:00.000Z',
          contentSha256: 'e'.repeat(64),
        },
      },
      { position: 2, patient: { displayName: 'Probe, Max', mrn: 'SYN-900002', isSynthetic: true }, question: 'Staging?', status: 'POSTPONED', statusReason: 'PET pending', decision: null },
      { position: 3, patient: { displayName: 'Test, Eva', mrn: 'SYN-900003', isSynthetic: false }, question: 'Second line?', status: 'DEFERRED', statusReason: 'out of time', decision: null },
    ],
    ...overrides,
  };
}

describe('renderMeetingProtocol', () => {
  it('holds attendance, the quorum with what is missing, each case with its status and decision, and signatures', async () => {
    const pdf = await renderMeetingProtocol(data(), at);
    expect(pdf.toString('latin1')).toContain('Meeting protocol, 3 cases, 1 signed');
    const text = pdfText(pdf).replace(/\n/g, '');
    for (const expected of [
      'Breast tumor board',
      'Tue, 24 Nov 2026, 16:00 (Europe/Berlin), 90 min · Room 3',
      'Chair: Dr. med. Ada Signer (Medical oncology)',
      'Cy Radiologist (Radiology), joined 16:05',
      'Quorum: NOT met; missing: Pathology',
      '1. Muster, Erika · MRN SYN-900001',
      'Status: discussed',
      'Decision: Curative: Surgery, definitive · signed by Dr. med. Ada Signer, Tue, 24 Nov 2026, 16:20 · Amended: version 2',
      'Status: postponed (PET pending)',
      'Status: deferred (out of time)',
      'Decision: no signed decision yet',
      'Case 1: Dr. med. Ada Signer, Tue, 24 Nov 2026, 16:20, version 2',
    ]) {
      expect(text).toContain(expected);
    }
  }, 30_000);

  it('says when the quorum is met', async () => {
    const text = pdfText(await renderMeetingProtocol(data({ quorum: computeQuorum(['RADIOLOGY'], ['RADIOLOGY']) }), at)).replace(/\n/g, '');
    expect(text).toContain('Quorum: met (Radiology present)');
  }, 30_000);
});

// Protocols and the FHIR export against the database: a decision signed through the real path
// (createSignedDecision) → the letter and the meeting protocol are stored with an audit event
// whose sha256 is that of the stored bytes; downloads are audited; people outside the board get
// NOT_FOUND; the FHIR Bundle validates and imports back as an ImportedDecision, once.
import { createHash } from 'node:crypto';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { importFhirPayload } from '@/lib/fhir/import-fhir';
import { validateFhirResource } from '@/lib/fhir/validate';
import { generateCaseProtocol, generateMeetingProtocol } from '@/lib/protocols/generate-protocols';
import { decisionContentSchema } from '@/lib/schemas/decision';
import { createSignedDecision, sampleDecisionContent } from '@/lib/test/create-signed-decision';
import { createTestActor } from '@/lib/test/create-test-actor';
import { createTestMeeting, type TestMeeting } from '@/lib/test/create-test-meeting';
import { saveDecisionDraft } from '../decisions/save-decision-draft';
import { exportDecisionFhir } from './export-decision-fhir';
import { listImportedDecisions } from './imported-decisions';
import { readMeetingProtocolData, storeMeetingProtocol } from './meeting-protocol';
import { getProtocolDocument, listCaseProtocols, listMeetingProtocols } from './protocol-documents';

let chair: Actor;
let member: Actor;
let referrer: Actor;
let coordinator: Actor;
let outsider: Actor;
let importer: Actor;
let w: TestMeeting;
let decisionId: string;

const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  chair = await createTestActor({ role: 'CLINICIAN', name: 'Chair' });
  member = await createTestActor({ role: 'CLINICIAN', name: 'Member' });
  referrer = await createTestActor({ role: 'CLINICIAN', name: 'Referrer' });
  coordinator = await createTestActor({ role: 'COORDINATOR', name: 'Coordinator' });
  outsider = await createTestActor({ role: 'CLINICIAN', name: 'Outsider' });
  importer = await createTestActor({ role: 'COORDINATOR', name: 'Importer' });
  w = await createTestMeeting({
    referrer,
    cases: 2,
    requiredSpecialties: ['PATHOLOGY'],
    members: [
      { actor: chair, role: 'CHAIR' },
      { actor: member, role: 'MEMBER' },
      { actor: coordinator, role: 'COORDINATOR' },
    ],
  });
  const content = sampleDecisionContent({
    attendeeIds: [chair.id, member.id],
    dissents: [{ userId: member.id, name: 'Member', statement: 'Would prefer SBRT.' }],
    recommendations: [
      ...sampleDecisionContent().recommendations,
      { id: 'rec-3', modality: 'RADIOTHERAPY', sequencing: 'ADJUVANT', codes: [], details: 'PORT if R1', totalDoseGy: 50, fractions: 25, trialId: '' },
    ],
  });
  decisionId = (await createSignedDecision({ author: member, chair, caseId: w.caseIds[0]!, meetingId: w.meetingId, content })).decisionId;
});

describe('case protocol', () => {
  it('stores the letter and audits its generation with the sha256 of the stored bytes', async () => {
    const stored = await generateCaseProtocol({ actor: member, decisionId });
    const doc = await db().generatedDocument.findUniqueOrThrow({ where: { id: stored.documentId } });
    expect(doc.kind).toBe('CASE_PROTOCOL');
    expect(doc.caseId).toBe(w.caseIds[0]);
    expect(sha(doc.bytes)).toBe(stored.sha256);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'protocol.generate', entityId: doc.id } });
    expect(audit.actorId).toBe(member.id);
    expect(audit.detail).toMatchObject({ kind: 'CASE_PROTOCOL', documentId: doc.id, sha256: sha(doc.bytes), decisionId, decisionVersion: 1 });
    const patient = await db().case.findUniqueOrThrow({ where: { id: w.caseIds[0]! }, select: { patientId: true } });
    expect(audit.patientId).toBe(patient.patientId);

    const list = await listCaseProtocols({ actor: referrer, caseId: w.caseIds[0]! });
    expect(list.map((d) => [d.id, d.decisionVersion])).toEqual([[doc.id, 1]]);
  });

  it('lets the referrer download it, audited with the sha256', async () => {
    const [listed] = await listCaseProtocols({ actor: chair, caseId: w.caseIds[0]! });
    const file = await getProtocolDocument({ actor: referrer, documentId: listed!.id });
    expect(Buffer.from(file.bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'document.download', entityId: listed!.id, actorId: referrer.id } });
    expect(audit.detail).toMatchObject({ kind: 'CASE_PROTOCOL', sha256: sha(file.bytes) });
  });

  it('is refused for an unsigned decision and not found outside the board', async () => {
    const draft = await saveDecisionDraft({ actor: member, input: { caseId: w.caseIds[1]!, meetingId: w.meetingId, content: sampleDecisionContent() } });
    await expect(generateCaseProtocol({ actor: member, decisionId: draft.decisionId })).rejects.toMatchObject({ code: 'CONFLICT' });
    const before = await db().generatedDocument.count();
    await expect(generateCaseProtocol({ actor: outsider, decisionId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(exportDecisionFhir({ actor: outsider, decisionId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [listed] = await listCaseProtocols({ actor: chair, caseId: w.caseIds[0]! });
    await expect(getProtocolDocument({ actor: outsider, documentId: listed!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await listCaseProtocols({ actor: outsider, caseId: w.caseIds[0]! })).toEqual([]);
    expect(await db().generatedDocument.count()).toBe(before);
  });
});

describe('meeting protocol', () => {
  it('is generated by the board coordinator, audited once per patient on the agenda', async () => {
    const stored = await generateMeetingProtocol({ actor: coordinator, meetingId: w.meetingId });
    const doc = await db().generatedDocument.findUniqueOrThrow({ where: { id: stored.documentId } });
    expect(doc.kind).toBe('MEETING_PROTOCOL');
    const audits = await db().auditEvent.findMany({ where: { action: 'protocol.generate', entityId: doc.id } });
    expect(audits).toHaveLength(2);
    for (const a of audits) expect(a.detail).toMatchObject({ kind: 'MEETING_PROTOCOL', sha256: sha(doc.bytes), meetingId: w.meetingId, signedDecisions: 1 });
    expect((await listMeetingProtocols({ actor: chair, meetingId: w.meetingId })).map((d) => d.id)).toEqual([doc.id]);
    const file = await getProtocolDocument({ actor: chair, documentId: doc.id });
    expect(file.sha256).toBe(sha(file.bytes));
  });

  it('is not stored when a decision of the meeting was signed while it rendered', async () => {
    const m = await createTestMeeting({ referrer, cases: 1, members: [{ actor: chair, role: 'CHAIR' }, { actor: member, role: 'MEMBER' }, { actor: coordinator, role: 'COORDINATOR' }] });
    const read = await readMeetingProtocolData({ actor: coordinator, meetingId: m.meetingId });
    await createSignedDecision({ author: member, chair, caseId: m.caseIds[0]!, meetingId: m.meetingId });
    await expect(storeMeetingProtocol({ actor: coordinator, read, pdf: Buffer.from('%PDF-1.4 stale') })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await db().generatedDocument.count({ where: { meetingId: m.meetingId } })).toBe(0);
  });

  it('is not found for a clinician outside the board', async () => {
    await expect(generateMeetingProtocol({ actor: outsider, meetingId: w.meetingId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await listMeetingProtocols({ actor: outsider, meetingId: w.meetingId })).toEqual([]);
  });
});

describe('FHIR export and re-import', () => {
  it('exports a valid Bundle, audited with the patient, that imports back as an ImportedDecision once', async () => {
    const file = await exportDecisionFhir({ actor: referrer, decisionId });
    const bundle = JSON.parse(file.json) as Bundle;
    for (const entry of bundle.entry ?? []) expect({ type: entry.resource?.resourceType, issues: validateFhirResource(entry.resource) }).toEqual({ type: entry.resource?.resourceType, issues: [] });
    const { patientId } = await db().case.findUniqueOrThrow({ where: { id: w.caseIds[0]! }, select: { patientId: true } });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'decision.export_fhir', actorId: referrer.id, entityId: decisionId } });
    expect(audit.patientId).toBe(patientId);
    expect(audit.detail).toMatchObject({ decisionVersion: 1, sha256: file.sha256 });

    const medicationsBefore = await db().medication.count({ where: { patientId } });
    const first = await importFhirPayload(bundle, { actor: importer, channel: 'ui' });
    expect(first.status).toBe('SUCCEEDED');
    expect(first.byResourceType.CarePlan).toMatchObject({ created: 1 });
    expect(first.byResourceType.MedicationRequest).toMatchObject({ skipped: 2, created: 0 });
    expect(await db().medication.count({ where: { patientId } })).toBe(medicationsBefore);

    const imported = await db().importedDecision.findFirstOrThrow({ where: { patientId } });
    expect(imported.sourceSystem).toBe('urn:konsil:decision');
    expect(imported.sourceId).toBe(`${decisionId}/v1`);
    expect(imported.signedBy).toBe('Chair');
    const signed = await db().decisionVersion.findFirstOrThrow({ where: { decisionId, number: 1 } });
    expect(imported.signedAt?.toISOString()).toBe(signed.signedAt.toISOString());
    const original = decisionContentSchema.parse(signed.content);
    const back = decisionContentSchema.parse(imported.content);
    expect(imported.intent).toBe(original.intent);
    expect(back.intent).toBe(original.intent);
    expect(back.rationale).toBe(original.rationale);
    expect(back.recommendations.map((r) => [r.id, r.modality, r.sequencing, r.codes, r.totalDoseGy, r.fractions])).toEqual(
      original.recommendations.map((r) => [r.id, r.modality, r.sequencing, r.codes, r.totalDoseGy, r.fractions]),
    );
    expect(back.guideline).toEqual(original.guideline);
    expect(back.dissents.map((d) => [d.name, d.statement])).toEqual([['Member', 'Would prefer SBRT.']]);

    const updatedAt = imported.updatedAt;
    const again = await importFhirPayload(bundle, { actor: importer, channel: 'ui' });
    expect(again.byResourceType.CarePlan).toMatchObject({ unchanged: 1, created: 0, updated: 0 });
    const after = await db().importedDecision.findMany({ where: { patientId } });
    expect(after).toHaveLength(1);
    expect(after[0]!.updatedAt).toEqual(updatedAt);

    const shown = await listImportedDecisions({ actor: referrer, caseId: w.caseIds[0]! });
    expect(shown.map((d) => [d.source, d.signedBy, d.content.recommendations.length])).toEqual([['a Konsil export', 'Chair', 3]]);
    expect(await db().auditEvent.count({ where: { action: 'imported_decision.read', actorId: referrer.id, patientId } })).toBe(1);
    await expect(listImportedDecisions({ actor: outsider, caseId: w.caseIds[0]! })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('skips nothing it should read and imports no proposal as a medication', async () => {
    const file = await exportDecisionFhir({ actor: member, decisionId });
    const types = (JSON.parse(file.json) as Bundle).entry!.map((e) => (e.resource as Resource).resourceType).sort();
    expect(new Set(types)).toEqual(new Set(['CarePlan', 'Encounter', 'MedicationRequest', 'Patient', 'Practitioner', 'Provenance', 'ServiceRequest']));
  });
});

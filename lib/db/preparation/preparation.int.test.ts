// Preparation completeness, reminders (in-app + e-mail through the job to a real SMTP sink),
// postponing with the agenda version check, and publication with its PDF handout, against
// the real PostgreSQL.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { executeAction } from '@/lib/actions/create-action';
import { postponeCase, publishAgenda, sendPreparationReminder } from '@/lib/actions/meeting-preparation';
import { db } from '@/lib/db/client';
import { resetEnvCache } from '@/lib/env';
import { stopBoss } from '@/lib/jobs/boss';
import { deliverNotificationEmail, startEmailWorker } from '@/lib/jobs/email-worker';
import { createTestActor } from '@/lib/test/create-test-actor';
import { createTestCase, type TestCase } from '@/lib/test/create-test-case';
import { insertTestModelVersion } from '@/lib/test/create-test-model';
import { freePort } from '@/lib/test/free-port';
import { parsePublishedAgenda } from '@/lib/schemas/published-agenda';
import { startSmtpSink, type SmtpSink } from '@/scripts/smtp-sink';
import { getLatestAgendaHandout } from './handout';
import { loadMeetingPreparation } from './load-meeting-preparation';
import { markCaseReview, unmarkCaseReview } from './review-marks';

const now = new Date('2026-10-20T12:00:00Z');
let coordinator: Actor;
let referrer: Actor;
let radiologist: Actor;
let presenter: Actor;
let outsider: Actor;
let sink: SmtpSink;

interface World {
  meetingId: string;
  first: TestCase;
  second: TestCase;
  firstItemId: string;
  secondItemId: string;
}

/** Two LUNG cases on one board's meeting; the second has a presenter. */
async function makeWorld(): Promise<World> {
  const first = await createTestCase({ referrer, boardMembers: [coordinator, radiologist, presenter], slices: 1 });
  const second = await createTestCase({ referrer, slices: 1 });
  await db().case.update({ where: { id: second.caseId }, data: { boardId: first.boardId } });
  const meeting = await db().meeting.create({ data: { boardId: first.boardId, startsAt: new Date('2026-10-27T15:00:00Z'), durationMinutes: 60, location: 'Room 1' } });
  const a = await db().agendaItem.create({ data: { meetingId: meeting.id, caseId: first.caseId, position: 0, minutesAllotted: 10 } });
  const b = await db().agendaItem.create({ data: { meetingId: meeting.id, caseId: second.caseId, position: 1, minutesAllotted: 5, presenterId: presenter.id } });
  return { meetingId: meeting.id, first, second, firstItemId: a.id, secondItemId: b.id };
}

beforeAll(async () => {
  coordinator = await createTestActor({ role: 'COORDINATOR', name: 'Coordinator Prep' });
  referrer = await createTestActor({ role: 'CLINICIAN', name: 'Referrer Prep' });
  radiologist = await createTestActor({ role: 'CLINICIAN', name: 'Radiologist Prep' });
  presenter = await createTestActor({ role: 'CLINICIAN', name: 'Presenter Prep' });
  outsider = await createTestActor({ role: 'CLINICIAN', name: 'Outsider' });
  await db().user.update({ where: { id: radiologist.id }, data: { specialty: 'RADIOLOGY' } });
  sink = await startSmtpSink({ smtpPort: await freePort(), httpPort: await freePort() });
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.SMTP_FROM;
  resetEnvCache();
  await stopBoss();
  await sink.stop();
});

describe('preparation completeness from real rows', () => {
  it('computes each item from the case data, and changes as data and marks arrive', async () => {
    const w = await makeWorld();
    const version = await insertTestModelVersion({ status: 'ACTIVE', name: 'Prep test model' }); // a LUNG model

    const before = await db().auditEvent.count({ where: { actorId: coordinator.id, action: 'meeting.preparation_view' } });
    const prep = await loadMeetingPreparation({ actor: coordinator, meetingId: w.meetingId, now });
    const first = prep.items.find((i) => i.caseId === w.first.caseId)!;
    const state = Object.fromEntries(first.completeness.items.map((i) => [i.id, i.state]));
    expect(state).toEqual({
      imaging: 'ok', // CT of 2026-10-01: 19 days old
      'pathology-report': 'ok',
      staging: 'missing', // T, N, M but no stage group
      labs: 'missing', // Hb only; lung needs the blood count and creatinine
      'decision-support': 'missing',
      'radiology-review': 'missing',
      'pathology-review': 'missing',
    });
    expect(first.completeness.items.find((i) => i.id === 'staging')!.reason).toBe('Missing: stage group');
    expect(first.completeness.items.find((i) => i.id === 'labs')!.reason).toBe('Leukocytes missing; Platelets missing; Creatinine missing');
    expect(first.completeness.items.find((i) => i.id === 'decision-support')!.reason).toContain('Prep test model: not run');
    expect(first.tnm).toBe('cT2a cN1 cM0');
    expect(prep.meeting).toMatchObject({ status: 'SCHEDULED', agendaVersion: 0, durationMinutes: 60, agendaPublishedAt: null });
    // One audit event per case shown, each naming its patient.
    const events = await db().auditEvent.findMany({ where: { actorId: coordinator.id, action: 'meeting.preparation_view' }, orderBy: { id: 'asc' } });
    expect(events.length - before).toBe(2);
    expect(events.slice(-2).map((e) => e.patientId).sort()).toEqual([w.first.patientId, w.second.patientId].sort());

    // Imaging older than 8 weeks on a later day; a stage group, the labs and a radiology mark arrive.
    await db().observation.createMany({
      data: [
        { patientId: w.first.patientId, category: 'STAGING', loincCode: '21908-9', display: 'Stage', valueText: 'IIB', effectiveAt: new Date('2026-09-01T00:00:00Z') },
        ...['6690-2', '777-3', '2160-0'].map((loincCode) => ({ patientId: w.first.patientId, category: 'LABORATORY' as const, loincCode, display: loincCode, valueNumeric: 1, effectiveAt: new Date('2026-10-15T00:00:00Z') })),
      ],
    });
    await markCaseReview({ actor: radiologist, input: { caseId: w.first.caseId, specialty: 'RADIOLOGY' } });
    const later = await loadMeetingPreparation({ actor: coordinator, meetingId: w.meetingId, now });
    const again = Object.fromEntries(later.items.find((i) => i.caseId === w.first.caseId)!.completeness.items.map((i) => [i.id, i.state]));
    expect(again).toMatchObject({ staging: 'ok', labs: 'ok', 'radiology-review': 'ok' });
    const old = await loadMeetingPreparation({ actor: coordinator, meetingId: w.meetingId, now: new Date('2026-12-20T12:00:00Z') });
    expect(old.items[0]!.completeness.items[0]).toMatchObject({ state: 'missing', reason: 'CT chest 11 weeks old (max 8 weeks)' });
    await db().modelVersion.update({ where: { id: version.id }, data: { status: 'RETIRED' } });
  });

  it('lets only a radiologist mark the radiology review, audits the mark and its undo', async () => {
    const w = await makeWorld();
    await expect(markCaseReview({ actor: presenter, input: { caseId: w.first.caseId, specialty: 'RADIOLOGY' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(markCaseReview({ actor: radiologist, input: { caseId: w.first.caseId, specialty: 'PATHOLOGY' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await markCaseReview({ actor: radiologist, input: { caseId: w.first.caseId, specialty: 'RADIOLOGY' } });
    await expect(markCaseReview({ actor: radiologist, input: { caseId: w.first.caseId, specialty: 'RADIOLOGY' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    await unmarkCaseReview({ actor: radiologist, input: { caseId: w.first.caseId, specialty: 'RADIOLOGY' } });
    expect(await db().caseReviewMark.count({ where: { caseId: w.first.caseId } })).toBe(0);
    const trail = await db().auditEvent.findMany({ where: { actorId: radiologist.id, action: 'case.review_mark', entityId: w.first.caseId }, orderBy: { id: 'asc' } });
    expect(trail.map((e) => e.detail)).toEqual([
      { specialty: 'RADIOLOGY', undo: false },
      { specialty: 'RADIOLOGY', undo: true },
    ]);
    // A case outside the radiologist's boards is not found.
    const foreign = await createTestCase({ referrer: outsider, slices: 1 });
    await expect(markCaseReview({ actor: radiologist, input: { caseId: foreign.caseId, specialty: 'RADIOLOGY' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('reminders', () => {
  it('writes a notification to referrer and presenter and e-mails it through the job to the SMTP sink', async () => {
    const w = await makeWorld();
    process.env.SMTP_URL = sink.smtpUrl;
    process.env.SMTP_FROM = 'Konsil <konsil@test.invalid>';
    resetEnvCache();
    sink.clear();
    const result = await executeAction(sendPreparationReminder.definition, coordinator, { meetingId: w.meetingId, itemId: w.secondItemId });
    expect(result).toMatchObject({ ok: true, data: { recipients: 2 } });
    const rows = await db().notification.findMany({ where: { caseId: w.second.caseId, kind: 'PREPARATION_REMINDER' } });
    expect(rows.map((r) => r.userId).sort()).toEqual([referrer.id, presenter.id].sort());
    expect(rows[0]!.body).toContain('Missing:');
    expect(rows[0]!.body).toContain('- Staging complete (T, N, M, stage): Missing: stage group');
    expect(rows[0]!.body).not.toContain('Testperson'); // pseudonym only, never the name
    expect(rows[0]!.link).toBe(`/cases/${w.second.caseId}`);

    await startEmailWorker({ pollingIntervalSeconds: 0.5, config: { url: sink.smtpUrl, from: 'Konsil <konsil@test.invalid>' } });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const sent = await db().notification.count({ where: { id: { in: rows.map((r) => r.id) }, emailStatus: 'SENT' } });
      if (sent === 2) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const after = await db().notification.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
    expect(after.map((r) => r.emailStatus)).toEqual(['SENT', 'SENT']);
    const mails = sink.messages().filter((m) => m.subject.includes('Preparation reminder'));
    expect(mails.map((m) => m.to[0]).sort()).toEqual([referrer.email, presenter.email].sort());
    expect(mails[0]!.text).toContain('Missing:');
    expect(mails[0]!.html).toBeNull();
    const audit = await db().auditEvent.findFirst({ where: { actorId: coordinator.id, action: 'meeting.reminder_send', entityId: w.second.caseId } });
    expect(audit?.detail).toMatchObject({ email: true, agendaItemId: w.secondItemId });
    expect(audit?.patientId).toBe(w.second.patientId);
  });

  it('records FAILED with the error when the SMTP server is down, and keeps the notification', async () => {
    const w = await makeWorld();
    process.env.SMTP_URL = sink.smtpUrl;
    process.env.SMTP_FROM = 'Konsil <konsil@test.invalid>';
    resetEnvCache();
    const { sendPreparationReminder: record } = await import('./send-reminder');
    const { emailIds } = await record({ actor: coordinator, input: { meetingId: w.meetingId, itemId: w.firstItemId }, email: true, now });
    const down = { url: `smtp://127.0.0.1:${await freePort()}`, from: 'Konsil <konsil@test.invalid>' };
    await expect(deliverNotificationEmail(emailIds[0]!, down, undefined)).rejects.toThrow();
    const row = await db().notification.findUniqueOrThrow({ where: { id: emailIds[0]! } });
    expect(row.emailStatus).toBe('FAILED');
    expect(row.emailError).toMatch(/ECONNREFUSED|connect/i);
    expect(row.kind).toBe('PREPARATION_REMINDER');
  });

  it('says so and leaves emailStatus null when e-mail is off; refuses a ready or foreign case', async () => {
    const w = await makeWorld();
    delete process.env.SMTP_URL;
    delete process.env.SMTP_FROM;
    resetEnvCache();
    const result = await executeAction(sendPreparationReminder.definition, coordinator, { meetingId: w.meetingId, itemId: w.firstItemId });
    expect(result).toMatchObject({ ok: true });
    const row = await db().notification.findFirstOrThrow({ where: { caseId: w.first.caseId, userId: referrer.id } });
    expect(row.emailStatus).toBeNull();
    expect(row.body).toContain('E-mail is off');
    const stranger = await createTestActor({ role: 'COORDINATOR' });
    expect(await executeAction(sendPreparationReminder.definition, stranger, { meetingId: w.meetingId, itemId: w.firstItemId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('postponing', () => {
  it('refuses a stale agenda version and changes nothing; the right version postpones and notifies', async () => {
    const w = await makeWorld();
    await db().meeting.update({ where: { id: w.meetingId }, data: { agendaVersion: 3 } });
    const notificationsBefore = await db().notification.count({ where: { caseId: w.first.caseId } });
    const stale = await executeAction(postponeCase.definition, coordinator, { meetingId: w.meetingId, itemId: w.firstItemId, expectedAgendaVersion: 2, reason: 'PET-CT pending' });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((stale as { message: string }).message).toMatch(/changed by someone else/);
    expect(await db().meeting.findUniqueOrThrow({ where: { id: w.meetingId } })).toMatchObject({ agendaVersion: 3 });
    expect(await db().agendaItem.findUniqueOrThrow({ where: { id: w.firstItemId } })).toMatchObject({ status: 'PLANNED', statusReason: null });
    expect(await db().case.findUniqueOrThrow({ where: { id: w.first.caseId } })).toMatchObject({ status: 'REFERRED' });
    expect(await db().notification.count({ where: { caseId: w.first.caseId } })).toBe(notificationsBefore);

    const ok = await executeAction(postponeCase.definition, coordinator, { meetingId: w.meetingId, itemId: w.firstItemId, expectedAgendaVersion: 3, reason: 'PET-CT pending' });
    expect(ok).toMatchObject({ ok: true, data: { agendaVersion: 4 } });
    expect(await db().agendaItem.findUniqueOrThrow({ where: { id: w.firstItemId } })).toMatchObject({ status: 'POSTPONED', statusReason: 'PET-CT pending' });
    expect(await db().case.findUniqueOrThrow({ where: { id: w.first.caseId } })).toMatchObject({ status: 'POSTPONED', statusReason: 'PET-CT pending' });
    const note = await db().notification.findFirstOrThrow({ where: { caseId: w.first.caseId, kind: 'CASE_POSTPONED' } });
    expect(note.userId).toBe(referrer.id);
    expect(note.body).toContain('Reason: PET-CT pending');
    expect(await executeAction(postponeCase.definition, coordinator, { meetingId: w.meetingId, itemId: w.firstItemId, expectedAgendaVersion: 4, reason: 'again' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await executeAction(postponeCase.definition, coordinator, { meetingId: w.meetingId, itemId: w.firstItemId, expectedAgendaVersion: 4, reason: '' })).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
});

describe('publication', () => {
  it('stores the handout with its sha256, snapshots the agenda, notifies members, and highlights later changes', async () => {
    const w = await makeWorld();
    delete process.env.SMTP_URL;
    resetEnvCache();
    const result = await executeAction(publishAgenda.definition, coordinator, { meetingId: w.meetingId, expectedAgendaVersion: 0 });
    expect(result).toMatchObject({ ok: true, data: { revision: 1 } });
    const doc = await db().generatedDocument.findFirstOrThrow({ where: { meetingId: w.meetingId, kind: 'AGENDA_HANDOUT' } });
    const bytes = Buffer.from(doc.bytes);
    expect(doc.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain('Agenda handout, 2 cases');
    expect(doc.contentType).toBe('application/pdf');
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'meeting.agenda_publish', entityId: w.meetingId } });
    expect(audit.detail).toMatchObject({ sha256: doc.sha256, documentId: doc.id, revision: 1, caseIds: [w.first.caseId, w.second.caseId] });
    const meeting = await db().meeting.findUniqueOrThrow({ where: { id: w.meetingId } });
    expect(meeting.status).toBe('PUBLISHED');
    expect(parsePublishedAgenda(meeting.publishedAgenda)).toMatchObject({ revision: 1, documentId: doc.id, items: [{ caseId: w.first.caseId, minutes: 10 }, { caseId: w.second.caseId, minutes: 5 }] });
    const published = await db().notification.findMany({ where: { meetingId: w.meetingId, kind: 'AGENDA_PUBLISHED' } });
    expect(published.map((n) => n.userId).sort()).toEqual([radiologist.id, presenter.id].sort()); // members but the publisher

    // A stale publication is refused; the handout is downloadable by a member, audited, and not by others.
    expect(await executeAction(publishAgenda.definition, coordinator, { meetingId: w.meetingId, expectedAgendaVersion: 5 })).toMatchObject({ ok: false, code: 'CONFLICT' });
    const download = await getLatestAgendaHandout({ actor: presenter, meetingId: w.meetingId });
    expect(download.sha256).toBe(doc.sha256);
    // The handout names every patient on the agenda: one download event per patient.
    const downloads = await db().auditEvent.findMany({ where: { actorId: presenter.id, action: 'document.download', entityId: doc.id }, select: { patientId: true } });
    const agendaPatients = await db().case.findMany({ where: { agendaItems: { some: { meetingId: w.meetingId } } }, select: { patientId: true } });
    expect(downloads.map((d) => d.patientId).sort()).toEqual([...new Set(agendaPatients.map((c) => c.patientId))].sort());
    await expect(getLatestAgendaHandout({ actor: outsider, meetingId: w.meetingId })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Postpone one case, change another's minutes: the overview highlights both; republishing makes revision 2.
    await executeAction(postponeCase.definition, coordinator, { meetingId: w.meetingId, itemId: w.secondItemId, expectedAgendaVersion: 0, reason: 'Biopsy pending' });
    await db().agendaItem.update({ where: { id: w.firstItemId }, data: { minutesAllotted: 15 } });
    const prep = await loadMeetingPreparation({ actor: coordinator, meetingId: w.meetingId, now });
    expect(prep.items.map((i) => i.change?.kinds)).toEqual([['minutes'], ['postponed']]);
    const again = await executeAction(publishAgenda.definition, coordinator, { meetingId: w.meetingId, expectedAgendaVersion: 1 });
    expect(again).toMatchObject({ ok: true, data: { revision: 2 } });
    const changed = await db().notification.findFirstOrThrow({ where: { meetingId: w.meetingId, kind: 'AGENDA_CHANGED', userId: presenter.id } });
    expect(changed.body).toContain('2 cases changed: 1 time changed, 1 postponed.');
    expect(await db().generatedDocument.count({ where: { meetingId: w.meetingId } })).toBe(2);
    const fresh = await loadMeetingPreparation({ actor: coordinator, meetingId: w.meetingId, now });
    expect(fresh.items.every((i) => i.change?.kinds.length === 0)).toBe(true);
  });

  it('generated_documents refuses UPDATE and DELETE', async () => {
    const doc = await db().generatedDocument.findFirstOrThrow({ where: { kind: 'AGENDA_HANDOUT' } });
    await expect(db().generatedDocument.update({ where: { id: doc.id }, data: { fileName: 'forged.pdf' } })).rejects.toThrow();
    await expect(db().$executeRaw`UPDATE generated_documents SET sha256 = ${'0'.repeat(64)} WHERE id = ${doc.id}`).rejects.toThrow();
    await expect(db().generatedDocument.delete({ where: { id: doc.id } })).rejects.toThrow();
    expect((await db().generatedDocument.findUniqueOrThrow({ where: { id: doc.id } })).sha256).toBe(doc.sha256);
  });
});

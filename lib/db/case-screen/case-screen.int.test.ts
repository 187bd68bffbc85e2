import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { extractReportFacts } from '@/lib/report-facts';
import { createTestActor } from '@/lib/test/create-test-actor';
import { createTestCase, type TestCase } from '@/lib/test/create-test-case';
import { createCaseMeasurement, listCaseAnnotations, markCaseKeyImage, removeCaseMeasurement } from '../case-annotations';
import { reviewReportFact } from '../report-fact-reviews';
import { loadCaseHeader } from './load-case-header';
import { loadCaseImaging } from './load-case-imaging';
import { loadCaseLabs } from './load-case-labs';
import { loadCaseReports } from './load-case-reports';
import { loadCaseScreenData } from './load-case-screen';
import { loadCaseTimeline } from './load-case-timeline';

const REPORT = 'Right upper lobe resection. Invasive adenocarcinoma, pT1c pN0 cM0. ECOG 0. EGFR exon 19 deletion detected.';

let referrer: Actor;
let member: Actor;
let outsider: Actor;
let coordinator: Actor;
let admin: Actor;
let world: TestCase;

beforeAll(async () => {
  referrer = await createTestActor({ role: 'CLINICIAN', name: 'Dr. Referrer' });
  member = await createTestActor({ role: 'CLINICIAN', name: 'Dr. Member' });
  outsider = await createTestActor({ role: 'CLINICIAN', name: 'Dr. Outsider' });
  coordinator = await createTestActor({ role: 'COORDINATOR' });
  admin = await createTestActor({ role: 'ADMIN' });
  world = await createTestCase({ referrer, boardMembers: [member, coordinator], reportTexts: [REPORT], slices: 3 });
});

const auditFor = (actor: Actor, action: string) => db().auditEvent.findMany({ where: { actorId: actor.id, action }, orderBy: { id: 'asc' } });

describe('case screen loaders', () => {
  it('shows the header to a board member and audits the opening with the patient', async () => {
    const header = await loadCaseHeader({ actor: member, caseId: world.caseId, now: new Date('2026-11-26T12:00:00Z') });
    expect(header.patient).toMatchObject({ mrn: expect.stringMatching(/^TEST-/), ageYears: 66, sex: 'FEMALE', isSynthetic: true });
    expect(header.tnm).toMatchObject({ value: 'cT2a cN1 cM0', source: { kind: 'observation' } });
    expect(header.ecog?.value).toBe('ECOG 1');
    expect(header.icd10?.code).toBe('C34.1');
    expect(header.can.annotate).toBe(true);
    const events = await auditFor(member, 'case.view');
    expect(events.at(-1)).toMatchObject({ entityId: world.caseId, patientId: world.patientId, detail: { panel: 'header' } });
  });

  it('answers NOT_FOUND to a clinician outside the case, and audits no view', async () => {
    await expect(loadCaseHeader({ actor: outsider, caseId: world.caseId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(loadCaseLabs({ actor: outsider, caseId: world.caseId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(loadCaseImaging({ actor: outsider, caseId: world.caseId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await auditFor(outsider, 'case.view')).toEqual([]);
  });

  it('refuses admins (no clinical permission) before reading anything', async () => {
    await expect(loadCaseHeader({ actor: admin, caseId: world.caseId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets a coordinator of the board read the case but not annotate it', async () => {
    const header = await loadCaseHeader({ actor: coordinator, caseId: world.caseId });
    expect(header.can.annotate).toBe(false);
    const image = { caseId: world.caseId, studyInstanceUid: world.studyInstanceUid, seriesInstanceUid: world.seriesInstanceUid, sopInstanceUid: world.sopInstanceUids[0]!, frameNumber: 1 };
    await expect(markCaseKeyImage({ actor: coordinator, input: image })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('orders slices head first by position along the normal', async () => {
    const imaging = await loadCaseImaging({ actor: member, caseId: world.caseId });
    const series = imaging.studies[0]!.series[0]!;
    expect(series.instances.map((i) => i.sopInstanceUid)).toEqual([...world.sopInstanceUids].reverse());
    expect(series.nonImageCount).toBe(0);
  });

  it('groups labs per analyte with the newest reference range and marks the entity’s tumor markers', async () => {
    const labs = await loadCaseLabs({ actor: member, caseId: world.caseId });
    const cea = labs.series.find((s) => s.loincCode === '2039-6')!;
    expect(cea).toMatchObject({ panel: 'Tumor markers', isTumorMarker: true, unit: 'ng/mL', referenceHigh: 5 });
    expect(cea.values.map((v) => v.value)).toEqual([3.1, 9.4]);
    expect(cea.values[1]!.interpretation).toBe('H');
    expect(labs.series.find((s) => s.loincCode === '718-7')).toMatchObject({ panel: 'Blood count', isTumorMarker: false });
  });

  it('puts reports, imaging and the out-of-range tumor marker on the timeline, newest first', async () => {
    const items = await loadCaseTimeline({ actor: member, caseId: world.caseId });
    expect(items.map((i) => i.kind)).toEqual(expect.arrayContaining(['report', 'imaging', 'lab']));
    expect(items.find((i) => i.kind === 'lab')?.target).toEqual({ panel: 'labs', loincCode: '2039-6' });
    const dates = items.map((i) => i.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('loads the whole screen in one audited read, the same data the panels load one by one', async () => {
    const now = new Date('2026-11-26T12:00:00Z');
    const timings: Record<string, number> = {};
    const data = await loadCaseScreenData({ actor: member, caseId: world.caseId, now, timings });
    expect(data.reports).toHaveLength(1);
    expect(data.imaging.studies).toHaveLength(1);
    expect(data.labs.series.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(timings)).toEqual(expect.arrayContaining(['scope', 'header', 'observations', 'imaging', 'audit']));
    const one = { actor: member, caseId: world.caseId };
    expect(data.header).toEqual(await loadCaseHeader({ ...one, now }));
    expect(data.timeline).toEqual(await loadCaseTimeline(one));
    expect(data.labs).toEqual(await loadCaseLabs(one));
    expect(data.reports).toEqual(await loadCaseReports(one));
    expect(data.imaging).toEqual(await loadCaseImaging(one));
  });
});

describe('annotations', () => {
  const image = () => ({ caseId: world.caseId, studyInstanceUid: world.studyInstanceUid, seriesInstanceUid: world.seriesInstanceUid, sopInstanceUid: world.sopInstanceUids[1]!, frameNumber: 1 });

  it('saves a measurement with who and which image, lists it, and removal keeps the row', async () => {
    const saved = await createCaseMeasurement({
      actor: member,
      input: { ...image(), kind: 'LENGTH', label: 'index lesion', values: { lengthMm: 21.4 }, geometry: { points: [[0, 0, 5], [21.4, 0, 5]] } },
    });
    expect(saved).toMatchObject({ kind: 'LENGTH', values: { lengthMm: 21.4 }, createdBy: { id: member.id, name: 'Dr. Member' } });
    expect((await listCaseAnnotations({ actor: referrer, caseId: world.caseId })).measurements.map((m) => m.id)).toContain(saved.id);

    await removeCaseMeasurement({ actor: referrer, caseId: world.caseId, measurementId: saved.id });
    expect((await listCaseAnnotations({ actor: referrer, caseId: world.caseId })).measurements.map((m) => m.id)).not.toContain(saved.id);
    const row = await db().caseMeasurement.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row.removedById).toBe(referrer.id);
    // A second removal finds nothing to remove instead of overwriting who removed it.
    await expect(removeCaseMeasurement({ actor: member, caseId: world.caseId, measurementId: saved.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await auditFor(member, 'case.measurement_create')).at(-1)).toMatchObject({ patientId: world.patientId, entityId: saved.id });
  });

  it('lets the database refuse edits and deletes of measurements', async () => {
    const saved = await createCaseMeasurement({ actor: member, input: { ...image(), kind: 'LENGTH', values: { lengthMm: 5 }, geometry: { points: [[0, 0, 5], [5, 0, 5]] } } });
    await expect(db().$executeRawUnsafe(`UPDATE case_measurements SET "values" = '{"lengthMm": 50}' WHERE id = $1`, saved.id)).rejects.toThrow(/only be marked removed/);
    await expect(db().$executeRawUnsafe('DELETE FROM case_measurements WHERE id = $1', saved.id)).rejects.toThrow(/never deleted/);
  });

  it('refuses an image of another patient as not found, storing nothing', async () => {
    const other = await createTestCase({ referrer: outsider, reportTexts: [] });
    const before = await db().caseMeasurement.count();
    await expect(
      createCaseMeasurement({
        actor: member,
        input: { ...image(), sopInstanceUid: other.sopInstanceUids[0]!, seriesInstanceUid: other.seriesInstanceUid, studyInstanceUid: other.studyInstanceUid, kind: 'LENGTH', values: { lengthMm: 5 }, geometry: { points: [[0, 0, 0], [5, 0, 0]] } },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db().caseMeasurement.count()).toBe(before);
  });

  it('marks a key image once, however often it is marked', async () => {
    const first = await markCaseKeyImage({ actor: member, input: { ...image(), note: 'best view' } });
    const second = await markCaseKeyImage({ actor: referrer, input: image() });
    expect(second.id).toBe(first.id);
    expect(await db().caseKeyImage.count({ where: { caseId: world.caseId } })).toBe(1);
  });
});

describe('report fact verdicts', () => {
  it('a confirmed TNM from a newer report feeds the header; rejecting it takes it back', async () => {
    const tnm = extractReportFacts(REPORT).find((f) => f.kind === 'TNM')!;
    const reportId = world.reportIds[0]!;
    const review = await reviewReportFact({ actor: member, input: { caseId: world.caseId, reportId, factKey: tnm.key, status: 'CONFIRMED' } });
    expect(review).toMatchObject({ status: 'CONFIRMED', reviewedBy: 'Dr. Member' });

    let header = await loadCaseHeader({ actor: referrer, caseId: world.caseId });
    expect(header.tnm).toMatchObject({ value: tnm.value, source: { kind: 'confirmed-fact', reportId, confirmedBy: 'Dr. Member' } });
    const reports = await loadCaseReports({ actor: referrer, caseId: world.caseId });
    expect(reports[0]!.reviews).toEqual([expect.objectContaining({ factKey: tnm.key, status: 'CONFIRMED' })]);

    await reviewReportFact({ actor: referrer, input: { caseId: world.caseId, reportId, factKey: tnm.key, status: 'REJECTED' } });
    header = await loadCaseHeader({ actor: referrer, caseId: world.caseId });
    expect(header.tnm?.source.kind).toBe('observation');
    const events = await auditFor(referrer, 'report.fact_review');
    expect(events.at(-1)?.detail).toMatchObject({ status: 'REJECTED', previous: 'CONFIRMED', kind: 'TNM' });
  });

  it('refuses a fact the report does not contain', async () => {
    const reportId = world.reportIds[0]!;
    await expect(
      reviewReportFact({ actor: member, input: { caseId: world.caseId, reportId, factKey: 'TNM:0-10:pT4 pN3 M1', status: 'CONFIRMED' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('other confirmed facts (mutations) are listed in the header', async () => {
    const mutation = extractReportFacts(REPORT).find((f) => f.kind === 'MUTATION')!;
    await reviewReportFact({ actor: member, input: { caseId: world.caseId, reportId: world.reportIds[0]!, factKey: mutation.key, status: 'CONFIRMED' } });
    const header = await loadCaseHeader({ actor: member, caseId: world.caseId });
    expect(header.confirmedFacts).toEqual([expect.objectContaining({ kind: 'MUTATION', label: mutation.label, value: mutation.value })]);
  });
});

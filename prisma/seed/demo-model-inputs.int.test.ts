// The decision-support models' inputs as they arrive from the demo world: one lung and
// one breast demo patient (and the breast patient left unconfirmed on purpose) imported
// through the FHIR importer as the seed does, then the seed's confirmations. Asserts the
// rows the model cards read (observations by LOINC or system|code with their UCUM unit,
// medication ATC codes, CONFIRMED report facts whose detail the extractor finds again).
import type { DiagnosticReport, Observation } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { generateDemoWorld, type DemoPatient } from '@/lib/demo-world';
import { runImportInline } from '@/lib/imports/run-import-inline';
import { extractReportFacts } from '@/lib/report-facts';
import { createTestActor } from '@/lib/test/create-test-actor';
import { seedBoard } from './boards';
import { DEMO_WORLD_SEED } from './demo-clinical-world';
import { confirmDemoReportFacts, DEMO_FACT_REVIEWER, UNCONFIRMED_DEMO_MRNS } from './demo-fact-confirmations';
import { seedCase } from './patients';

const CLINICAL = 'urn:konsil:clinical';
const FNA = 'urn:konsil:fna-morphometry';

let lung: DemoPatient;
let breast: DemoPatient;
let unconfirmed: DemoPatient;
let referrer: Actor;
const caseIds: Record<string, string> = {};
const patientIds: Record<string, string> = {};
let firstRun: Awaited<ReturnType<typeof confirmDemoReportFacts>>;

const bundleObservations = (p: DemoPatient) =>
  (p.bundle.entry ?? []).map((e) => e.resource).filter((r): r is Observation => r?.resourceType === 'Observation');
const bundleValue = (p: DemoPatient, system: string, code: string) =>
  bundleObservations(p).find((o) => o.code.coding?.[0]?.system === system && o.code.coding[0].code === code)!.valueQuantity!.value!;

beforeAll(async () => {
  // The seed's world and its "today"; the first seven patients hold SYN-200001 (lung), SYN-200002 and SYN-200007 (breast).
  const world = generateDemoWorld({ seed: DEMO_WORLD_SEED, referenceDate: new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`), patients: 7 });
  [lung, breast, unconfirmed] = [world.patients[0]!, world.patients[1]!, world.patients[6]!];
  expect([lung.entity, breast.entity, unconfirmed.entity]).toEqual(['LUNG', 'BREAST', 'BREAST']);
  expect(UNCONFIRMED_DEMO_MRNS).toContain(unconfirmed.mrn);

  const imported = await runImportInline({
    actor: null,
    kind: 'FHIR',
    channel: 'seed',
    sourceName: 'demo model inputs (integration test)',
    files: [lung, breast, unconfirmed].map((p) => {
      const bytes = Buffer.from(JSON.stringify(p.bundle));
      return { name: `${p.mrn}.json`, bytes: bytes.byteLength, read: async () => bytes };
    }),
  });
  expect(imported.status).toBe('SUCCEEDED');

  referrer = await createTestActor({ role: 'CLINICIAN' });
  await db().$transaction(async (tx) => {
    const suffix = Date.now().toString(36);
    for (const p of [lung, breast, unconfirmed]) {
      const board = await seedBoard(tx, { slug: `model-inputs-${p.entity.toLowerCase()}-${suffix}`, name: `Model inputs ${p.entity}`, entityFocus: [p.entity], recurrence: 'FREQ=WEEKLY', requiredSpecialties: [] });
      const patient = await tx.patient.findUniqueOrThrow({ where: { mrn: p.mrn } });
      patientIds[p.mrn] = patient.id;
      const kase = await seedCase(tx, { patientId: patient.id, boardId: board.id, referringUserId: referrer.id, question: p.caseProposal.question, entity: p.entity, status: 'ACCEPTED' });
      caseIds[p.mrn] = kase.id;
    }
  });
  firstRun = await confirmDemoReportFacts({ mrns: [lung.mrn, breast.mrn, unconfirmed.mrn] });
});

describe('the breast demo patient, as the Rotterdam and WDBC cards read it', () => {
  it('arrives synthetic, with a birth date and sex', async () => {
    const patient = await db().patient.findUniqueOrThrow({ where: { mrn: breast.mrn } });
    expect(patient).toMatchObject({ isSynthetic: true, sex: 'FEMALE' });
    expect(patient.birthDate?.toISOString().slice(0, 10)).toBe(breast.birthDate);
  });

  it('has menopausal status and the receptor assays as coded observations with their UCUM units', async () => {
    const rows = await db().observation.findMany({ where: { patientId: patientIds[breast.mrn], codeSystem: CLINICAL }, orderBy: { code: 'asc' } });
    expect(rows.map((r) => ({ loincCode: r.loincCode, codeSystem: r.codeSystem, code: r.code, unit: r.unit, valueNumeric: r.valueNumeric, category: r.category }))).toEqual([
      { loincCode: null, codeSystem: CLINICAL, code: 'er-ligand-binding', unit: 'fmol/l', valueNumeric: bundleValue(breast, CLINICAL, 'er-ligand-binding'), category: 'LABORATORY' },
      { loincCode: null, codeSystem: CLINICAL, code: 'menopausal-status-post', unit: '{bool}', valueNumeric: bundleValue(breast, CLINICAL, 'menopausal-status-post'), category: 'OTHER' },
      { loincCode: null, codeSystem: CLINICAL, code: 'pgr-ligand-binding', unit: 'fmol/l', valueNumeric: bundleValue(breast, CLINICAL, 'pgr-ligand-binding'), category: 'LABORATORY' },
    ]);
    expect(rows.find((r) => r.code === 'er-ligand-binding')!.valueNumeric).toBeGreaterThanOrEqual(10); // HR+ course
  });

  it('has the ten FNA morphometry features under their own code system, in the cards units', async () => {
    const rows = await db().observation.findMany({ where: { patientId: patientIds[breast.mrn], codeSystem: FNA } });
    expect(rows).toHaveLength(10);
    const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
    expect(byCode.radius_mean).toMatchObject({ loincCode: null, unit: '{WDBC length unit}', valueNumeric: bundleValue(breast, FNA, 'radius_mean') });
    expect(byCode.area_mean).toMatchObject({ unit: '{WDBC area unit}', valueNumeric: bundleValue(breast, FNA, 'area_mean') });
    expect(byCode.concavity_mean).toMatchObject({ unit: '1', valueNumeric: bundleValue(breast, FNA, 'concavity_mean') });
  });

  it('has its endocrine therapy as MedicationStatements with ATC codes under L02B', async () => {
    const rows = await db().medication.findMany({ where: { patientId: patientIds[breast.mrn] } });
    const endocrine = rows.filter((m) => m.atcCode?.startsWith('L02B'));
    expect(endocrine.length).toBeGreaterThan(0);
    for (const m of endocrine) {
      expect(m.fhirResourceType).toBe('MedicationStatement');
      expect(m.startDate).not.toBeNull();
      expect(['L02BA01', 'L02BG04']).toContain(m.atcCode);
    }
  });

  it('gets CONFIRMED tumor size, grade and nodes from its newest pathology report, by the seeded pathologist, audited', async () => {
    const reviews = await db().reportFactReview.findMany({ where: { caseId: caseIds[breast.mrn] }, include: { reviewedBy: true, report: true }, orderBy: { spanStart: 'asc' } });
    expect(reviews.map((r) => [r.kind, r.status, r.assertion])).toEqual(
      expect.arrayContaining([['TUMOR_SIZE', 'CONFIRMED', 'present'], ['GRADE', 'CONFIRMED', 'present'], ['NODES', 'CONFIRMED', 'present']]),
    );
    expect(reviews).toHaveLength(3);
    const newest = await db().report.findFirstOrThrow({ where: { patientId: patientIds[breast.mrn], type: 'PATHOLOGY' }, orderBy: { issuedAt: 'desc' } });
    for (const r of reviews) {
      expect(r.reportId).toBe(newest.id);
      expect(r.reviewedBy).toMatchObject({ email: DEMO_FACT_REVIEWER.email, name: DEMO_FACT_REVIEWER.name, passwordHash: null });
      expect(newest.text.slice(r.spanStart, r.spanEnd)).toBe(r.evidence);
    }

    // What the model runtime reads: the extractor's detail, found again by the stored key.
    const expected = pathologyFacts(breast);
    const detail = (kind: string) => extractReportFacts(newest.text).find((f) => f.key === reviews.find((r) => r.kind === kind)!.factKey)!.detail;
    expect(detail('TUMOR_SIZE').mm).toBe(expected.sizeMm);
    expect(detail('GRADE').grade).toBe(expected.grade);
    expect(detail('NODES').positive).toBe(expected.positiveNodes);

    const audits = await db().auditEvent.findMany({ where: { action: 'report.fact_review', patientId: patientIds[breast.mrn] } });
    expect(audits).toHaveLength(3);
    for (const a of audits) expect(a).toMatchObject({ actorId: reviews[0]!.reviewedById, outcome: 'SUCCESS' });
  });

  it('leaves the documented breast case and the lung case unconfirmed, and a second run changes nothing', async () => {
    expect(firstRun).toMatchObject({ cases: 1, confirmed: 3, reviewer: DEMO_FACT_REVIEWER.name });
    expect(await db().reportFactReview.count({ where: { caseId: { in: [caseIds[unconfirmed.mrn]!, caseIds[lung.mrn]!] } } })).toBe(0);
    expect(await confirmDemoReportFacts({ mrns: [lung.mrn, breast.mrn, unconfirmed.mrn] })).toMatchObject({ cases: 1, confirmed: 0 });
    const reviews = await db().reportFactReview.findMany({ where: { caseId: caseIds[breast.mrn] } });
    expect(reviews.map((r) => r.version)).toEqual([0, 0, 0]);
  });
});

describe('the lung demo patient, as the NCCTG card reads it', () => {
  it('has numeric ECOG and Karnofsky scores under their LOINC codes', async () => {
    const rows = await db().observation.findMany({ where: { patientId: patientIds[lung.mrn], loincCode: { in: ['89247-1', '89243-0'] } }, orderBy: { effectiveAt: 'asc' } });
    const ecog = rows.filter((r) => r.loincCode === '89247-1');
    const karnofsky = rows.filter((r) => r.loincCode === '89243-0');
    expect(ecog.length).toBeGreaterThan(0);
    expect(karnofsky.map((r) => r.effectiveAt)).toEqual(ecog.map((r) => r.effectiveAt));
    for (const r of rows) {
      expect(r.category).toBe('PERFORMANCE_STATUS');
      expect(r.valueNumeric).not.toBeNull();
      expect(r.unit).toBeNull(); // a score: dimensionless, as the cards' {score}
    }
    expect(karnofsky.at(-1)!.valueNumeric).toBeGreaterThanOrEqual(50);
  });

  it('has the weight loss of the last 6 months in kg (the card converts to pounds)', async () => {
    const [row] = await db().observation.findMany({ where: { patientId: patientIds[lung.mrn], codeSystem: CLINICAL, code: 'weight-loss-6-months' } });
    expect(row).toMatchObject({ loincCode: null, unit: 'kg', valueNumeric: bundleValue(lung, CLINICAL, 'weight-loss-6-months') });
  });
});

/** The size, grade and positive nodes the newest pathology report of the bundle states (the first mention of each). */
function pathologyFacts(p: DemoPatient) {
  const reports = (p.bundle.entry ?? [])
    .map((e) => e.resource)
    .filter((r): r is DiagnosticReport => r?.resourceType === 'DiagnosticReport' && r.category?.[0]?.coding?.[0]?.code === 'PAT')
    .sort((a, b) => a.effectiveDateTime!.localeCompare(b.effectiveDateTime!));
  const facts = extractReportFacts(Buffer.from(reports.at(-1)!.presentedForm![0]!.data!, 'base64').toString('utf8'));
  const first = (kind: string) => facts.find((f) => f.kind === kind && f.assertion === 'present')!.detail;
  return { sizeMm: first('TUMOR_SIZE').mm, grade: first('GRADE').grade, positiveNodes: first('NODES').positive };
}

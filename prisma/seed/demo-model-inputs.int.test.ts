// The decision-support models' inputs as they arrive from the demo world: a complete lung
// and breast demo patient and the documented exceptions among the e2e stack's first 12
// (SYN-200006 Karnofsky 40, SYN-200007 unconfirmed, SYN-200011 weight gain), imported
// through the FHIR importer as the seed does, then the seed's confirmations. Asserts the
// rows the model cards read (observations by LOINC or system|code with their UCUM unit,
// medication ATC codes, CONFIRMED report facts whose detail the extractor finds again),
// then runs the shipped models on the cases as the seed does for the scheduled ones.
import type { DiagnosticReport, Observation } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { generateDemoWorld, type DemoPatient } from '@/lib/demo-world';
import { registerShippedModels } from '@/lib/db/shipped-models';
import { runImportInline } from '@/lib/imports/run-import-inline';
import { runModelsForCaseAsSystem } from '@/lib/inference/run-models-for-case';
import type { MappedFeature } from '@/lib/schemas/inference';
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
let frail: DemoPatient;
let gained: DemoPatient;
let referrer: Actor;
const caseIds: Record<string, string> = {};
const patientIds: Record<string, string> = {};
let firstRun: Awaited<ReturnType<typeof confirmDemoReportFacts>>;

const bundleObservations = (p: DemoPatient) =>
  (p.bundle.entry ?? []).map((e) => e.resource).filter((r): r is Observation => r?.resourceType === 'Observation');
const bundleValue = (p: DemoPatient, system: string, code: string) =>
  bundleObservations(p).find((o) => o.code.coding?.[0]?.system === system && o.code.coding[0].code === code)!.valueQuantity!.value!;

beforeAll(async () => {
  // The seed's world and its "today", as the e2e stack loads it (12 patients).
  const world = generateDemoWorld({ seed: DEMO_WORLD_SEED, referenceDate: new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`), patients: 12 });
  [lung, breast, frail, unconfirmed, gained] = [0, 1, 5, 6, 10].map((i) => world.patients[i]!) as [DemoPatient, DemoPatient, DemoPatient, DemoPatient, DemoPatient];
  expect([lung, breast, frail, unconfirmed, gained].map((p) => `${p.mrn} ${p.entity}`)).toEqual(['SYN-200001 LUNG', 'SYN-200002 BREAST', 'SYN-200006 LUNG', 'SYN-200007 BREAST', 'SYN-200011 LUNG']);
  expect(UNCONFIRMED_DEMO_MRNS).toContain(unconfirmed.mrn);

  const imported = await runImportInline({
    actor: null,
    kind: 'FHIR',
    channel: 'seed',
    sourceName: 'demo model inputs (integration test)',
    files: [lung, breast, frail, unconfirmed, gained].map((p) => {
      const bytes = Buffer.from(JSON.stringify(p.bundle));
      return { name: `${p.mrn}.json`, bytes: bytes.byteLength, read: async () => bytes };
    }),
  });
  expect(imported.status).toBe('SUCCEEDED');

  referrer = await createTestActor({ role: 'CLINICIAN' });
  await db().$transaction(async (tx) => {
    const suffix = Date.now().toString(36);
    for (const p of [lung, breast, frail, unconfirmed, gained]) {
      const board = await seedBoard(tx, { slug: `model-inputs-${p.entity.toLowerCase()}-${suffix}`, name: `Model inputs ${p.entity}`, entityFocus: [p.entity], recurrence: 'FREQ=WEEKLY', requiredSpecialties: [] });
      const patient = await tx.patient.findUniqueOrThrow({ where: { mrn: p.mrn } });
      patientIds[p.mrn] = patient.id;
      const kase = await seedCase(tx, { patientId: patient.id, boardId: board.id, referringUserId: referrer.id, question: p.caseProposal.question, entity: p.entity, status: 'ACCEPTED' });
      caseIds[p.mrn] = kase.id;
    }
  });
  firstRun = await confirmDemoReportFacts({ mrns: [lung.mrn, breast.mrn, frail.mrn, unconfirmed.mrn, gained.mrn] });
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
    expect(await db().reportFactReview.count({ where: { caseId: caseIds[unconfirmed.mrn] } })).toBe(0);
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

describe('the shipped models on these cases', () => {
  type Run = { status: string; inputs: MappedFeature[]; flags: { code: string; feature: string | null }[]; outputs: Record<string, number[]> | null };
  const runs: Record<string, Record<string, Run>> = {};

  beforeAll(async () => {
    await registerShippedModels();
    for (const p of [lung, breast, frail, unconfirmed, gained]) {
      const stored = await runModelsForCaseAsSystem({ caseId: caseIds[p.mrn]! });
      const rows = await db().inferenceResult.findMany({ where: { id: { in: stored.map((r) => r.resultId) } }, include: { modelVersion: { select: { modelKey: true } } } });
      runs[p.mrn] = Object.fromEntries(rows.map((r) => [r.modelVersion.modelKey, r as unknown as Run]));
    }
  });
  const input = (run: Run, name: string) => run.inputs.find((i) => i.name === name)!;
  const blocking = (run: Run) => run.flags.map((f) => `${f.code}:${f.feature}`);

  it('score the complete breast case with both breast models, from the confirmed facts and the coded results', () => {
    const rotterdam = runs[breast.mrn]!['breast-rfs-rotterdam']!;
    expect(rotterdam.status, JSON.stringify(rotterdam.flags)).toBe('SCORED');
    expect(rotterdam.inputs.every((i) => i.status === 'ok')).toBe(true);
    expect(input(rotterdam, 'tumor_size_mm').value).toBe(pathologyFacts(breast).sizeMm);
    expect(input(rotterdam, 'hormonal_therapy').value).toBe(1);
    expect(input(rotterdam, 'er_fmol').rawUnit).toBe('fmol/l');
    const wdbc = runs[breast.mrn]!['breast-malignancy-wdbc']!;
    expect(wdbc.status, JSON.stringify(wdbc.flags)).toBe('SCORED');
    expect(wdbc.outputs!.probability![0]).toBeGreaterThan(0.5);
  });

  it('leave Rotterdam unscored on the unconfirmed breast case until someone confirms size, grade and nodes', () => {
    const rotterdam = runs[unconfirmed.mrn]!['breast-rfs-rotterdam']!;
    expect(rotterdam.status).toBe('NOT_SCORED');
    expect(blocking(rotterdam)).toEqual(['missing:tumor_size_mm', 'missing:grade', 'missing:positive_nodes']);
    expect(runs[unconfirmed.mrn]!['breast-malignancy-wdbc']!.status).toBe('SCORED');
  });

  it('score the lung cases with the NCCTG model, weight loss converted from kg (a gain is negative), and refuse Karnofsky 40 as out of range', () => {
    const complete = runs[lung.mrn]!['lung-os-ncctg']!;
    expect(complete.status, JSON.stringify(complete.flags)).toBe('SCORED');
    const loss = input(complete, 'weight_loss_lb');
    expect(loss.rawUnit).toBe('kg');
    expect(loss.value).toBeCloseTo((loss.rawValue as number) * 2.2046226218487757, 9);

    const gain = runs[gained.mrn]!['lung-os-ncctg']!;
    expect(gain.status, JSON.stringify(gain.flags)).toBe('SCORED');
    expect(input(gain, 'weight_loss_lb').value).toBeLessThan(0);

    const low = runs[frail.mrn]!['lung-os-ncctg']!;
    expect(low.status).toBe('NOT_SCORED');
    expect(blocking(low)).toEqual(['out_of_range:karnofsky_physician']);
    expect(input(low, 'karnofsky_physician')).toMatchObject({ rawValue: 40, status: 'out_of_range' });
    expect(input(low, 'ecog')).toMatchObject({ rawValue: 3, status: 'ok' });
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

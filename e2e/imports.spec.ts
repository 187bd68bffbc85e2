// A coordinator brings data in through the import page: FHIR bundles and DICOM
// files are uploaded, imported in the background by the worker, and their
// progress and problems are shown. Clinicians cannot import; DICOMweb shows a
// study only to clinicians who have a case for its patient.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { externalDicomDir } from '../lib/test/external-dicom-dir';
import { seedBoard, seedBoardMember } from '../prisma/seed/boards';
import { seedCase } from '../prisma/seed/patients';
import { e2eDb } from './fixtures/db';
import { signInViaApi } from './fixtures/sign-in-api';
import { createE2eUser } from './fixtures/users';

const externalDicom = externalDicomDir();

function bundleFor(mrn: string) {
  const patient = `urn:uuid:${randomUUID()}`;
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: patient,
        resource: {
          resourceType: 'Patient',
          identifier: [{ system: 'urn:e2e:mrn', value: mrn }],
          name: [{ family: 'Upload', given: ['Erika'] }],
          gender: 'female',
          birthDate: '1970-05-06',
        },
        request: { method: 'POST', url: 'Patient' },
      },
      {
        fullUrl: `urn:uuid:${randomUUID()}`,
        resource: {
          resourceType: 'Observation',
          identifier: [{ system: 'urn:e2e:obs', value: `${mrn}-cea` }],
          status: 'final',
          category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
          code: { coding: [{ system: 'http://loinc.org', code: '2039-6', display: 'Carcinoembryonic Ag [Mass/volume] in Serum or Plasma' }] },
          subject: { reference: patient },
          effectiveDateTime: '2026-11-01T09:00:00Z',
          valueQuantity: { value: 7.4, unit: 'ng/mL', system: 'http://unitsofmeasure.org', code: 'ng/mL' },
          referenceRange: [{ high: { value: 5, unit: 'ng/mL' } }],
        },
        request: { method: 'POST', url: 'Observation' },
      },
    ],
  };
}

async function upload(page: Page, mode: 'FHIR R4 JSON' | 'DICOM files', files: Parameters<Page['setInputFiles']>[1]) {
  await page.getByLabel(mode).check();
  await page.getByLabel('Files', { exact: true }).setInputFiles(files);
  await page.getByRole('button', { name: 'Upload and import' }).click();
  await expect(page.getByText(/The import runs in the background/)).toBeVisible();
}

/** The newest job row for this upload (the list is newest first; rows name their files). */
function newestJob(page: Page, fileName: string) {
  return page.getByTestId('import-job').filter({ hasText: fileName }).first();
}

test('a coordinator imports a FHIR bundle and watches it finish; importing it again changes nothing', async ({ page }) => {
  const coordinator = await createE2eUser({ roles: ['COORDINATOR'] });
  await signInViaApi(page.request, coordinator);
  await page.goto('/imports');
  await expect(page.getByRole('heading', { name: 'Import data' })).toBeVisible();

  const mrn = `E2E-${randomUUID().slice(0, 8)}`;
  const file = { name: 'patient.json', mimeType: 'application/fhir+json', buffer: Buffer.from(JSON.stringify(bundleFor(mrn))) };
  await upload(page, 'FHIR R4 JSON', file);
  await expect(newestJob(page, 'patient.json')).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 30_000 });
  await expect(newestJob(page, 'patient.json')).toContainText('2 new');
  const patient = await e2eDb().patient.findUnique({ where: { mrn }, include: { observations: true } });
  expect(patient?.observations[0]?.valueNumeric).toBe(7.4);

  await expect(page.getByTestId('import-job').filter({ hasText: 'patient.json' })).toHaveCount(1);
  await upload(page, 'FHIR R4 JSON', file);
  await expect(page.getByTestId('import-job').filter({ hasText: 'patient.json' })).toHaveCount(2);
  await expect(newestJob(page, 'patient.json')).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 30_000 });
  await expect(newestJob(page, 'patient.json')).toContainText('0 new · 0 updated · 2 unchanged');
});

test('a DICOM upload with a truncated file stores the good file and names the bad one', async ({ page }) => {
  const coordinator = await createE2eUser({ roles: ['COORDINATOR'] });
  await signInViaApi(page.request, coordinator);
  await page.goto('/imports');
  await upload(page, 'DICOM files', [path.join(externalDicom, 'CT_small.dcm'), path.join(externalDicom, 'MR_truncated.dcm')]);
  const job = newestJob(page, '2 files');
  await expect(job).toHaveAttribute('data-status', 'PARTIAL', { timeout: 30_000 });
  await job.getByRole('button', { name: 'Details' }).click();
  await expect(page.getByRole('list', { name: 'Problems by file' })).toContainText('MR_truncated.dcm');
  await expect(page.getByRole('list', { name: 'Problems by file' })).toContainText(/truncated/i);
});

test('junk uploaded as FHIR fails with a clear message and stores nothing', async ({ page }) => {
  const coordinator = await createE2eUser({ roles: ['COORDINATOR'] });
  await signInViaApi(page.request, coordinator);
  await page.goto('/imports');
  const before = await e2eDb().patient.count();
  await upload(page, 'FHIR R4 JSON', { name: 'junk.json', mimeType: 'application/json', buffer: Buffer.from('{"resourceType": "Bundle", "type": "transaction", "entry": [ oops') });
  const job = newestJob(page, 'junk.json');
  await expect(job).toHaveAttribute('data-status', 'FAILED', { timeout: 30_000 });
  await job.getByRole('button', { name: 'Details' }).click();
  await expect(page.getByRole('list', { name: 'Problems by file' })).toContainText(/JSON/);
  expect(await e2eDb().patient.count()).toBe(before);
});

test('a clinician has no import page and cannot post to the import endpoints', async ({ page }) => {
  const clinician = await createE2eUser({ roles: ['CLINICIAN'] });
  await signInViaApi(page.request, clinician);
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import data' })).toHaveCount(0);
  const mrn = `E2E-NO-${randomUUID().slice(0, 8)}`;
  const post = await page.request.post('/api/fhir', { headers: { 'content-type': 'application/fhir+json' }, data: JSON.stringify(bundleFor(mrn)) });
  expect(post.status()).toBe(403);
  expect(await e2eDb().patient.count({ where: { mrn } })).toBe(0);
});

test('DICOMweb serves an imported study to a clinician with a case for the patient, and to nobody else', async ({ page, playwright }) => {
  // Import through the API as a coordinator (the same door as the page).
  const coordinator = await createE2eUser({ roles: ['COORDINATOR'] });
  await signInViaApi(page.request, coordinator);
  const mrn = `E2E-IMG-${randomUUID().slice(0, 8)}`;
  const fhir = await page.request.post('/api/fhir', { headers: { 'content-type': 'application/fhir+json' }, data: JSON.stringify(bundleFor(mrn)) });
  expect(fhir.status()).toBe(200);
  await page.goto('/imports');
  await page.getByLabel('DICOM files').check();
  await page.getByLabel('For patient (MRN, optional)').fill(mrn);
  // Not CT_small.dcm: another spec imports that one for the patient its header names.
  await page.getByLabel('Files', { exact: true }).setInputFiles(path.join(externalDicom, 'MR_small.dcm'));
  await page.getByRole('button', { name: 'Upload and import' }).click();
  await expect(newestJob(page, 'MR_small.dcm')).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 30_000 });
  const patient = await e2eDb().patient.findUniqueOrThrow({ where: { mrn }, include: { imagingStudies: true } });
  const study = patient.imagingStudies[0]!;

  const member = await createE2eUser({ roles: ['CLINICIAN'] });
  const outsider = await createE2eUser({ roles: ['CLINICIAN'] });
  await e2eDb().$transaction(async (tx) => {
    const board = await seedBoard(tx, { slug: `img-${randomUUID().slice(0, 8)}`, name: 'Imaging e2e board', entityFocus: ['LUNG'], recurrence: 'FREQ=WEEKLY', requiredSpecialties: [] });
    await seedBoardMember(tx, { boardId: board.id, userId: member.id });
    await seedCase(tx, { patientId: patient.id, boardId: board.id, referringUserId: member.id, question: 'Imaging?', entity: 'LUNG' });
  });

  const url = `/api/dicomweb/studies/${study.studyInstanceUid}/metadata`;
  const memberRequest = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await signInViaApi(memberRequest, member);
  const allowed = await memberRequest.get(url);
  expect(allowed.status()).toBe(200);
  expect(allowed.headers()['content-type']).toContain('application/dicom+json');
  const audited = await e2eDb().auditEvent.count({ where: { actorId: member.id, action: 'imaging.read', patientId: patient.id } });
  expect(audited).toBeGreaterThan(0);

  const outsiderRequest = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await signInViaApi(outsiderRequest, outsider);
  expect((await outsiderRequest.get(url)).status()).toBe(404);
  const admin = await createE2eUser({ roles: ['ADMIN'] });
  const adminRequest = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await signInViaApi(adminRequest, admin);
  expect((await adminRequest.get(url)).status()).toBe(403);
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await anonymous.get(url)).status()).toBe(401);
  await Promise.all([memberRequest.dispose(), outsiderRequest.dispose(), adminRequest.dispose(), anonymous.dispose()]);
});

test('an upload larger than 10 MB reaches the importer whole', async ({ page }) => {
  // Guards the proxy matcher: when Next's proxy runs for a route it buffers the body
  // and cuts it at 10 MB, which would turn every large DICOM upload into a broken one.
  const coordinator = await createE2eUser({ roles: ['COORDINATOR'] });
  await signInViaApi(page.request, coordinator);
  const junk = Buffer.alloc(12 * 1024 * 1024, 0x5a);
  const response = await page.request.post('/api/imports', {
    multipart: { kind: 'DICOM', files: { name: 'big.bin', mimeType: 'application/octet-stream', buffer: junk } },
  });
  expect(response.status(), await response.text()).toBe(202);
  const { id } = (await response.json()) as { id: string };
  let job: { status: string; processedItems: number; outcome: unknown } = { status: 'QUEUED', processedItems: 0, outcome: null };
  await expect
    .poll(async () => {
      job = (await (await page.request.get(`/api/imports/${id}`)).json()) as typeof job;
      return job.status;
    }, { timeout: 30_000 })
    .toBe('FAILED');
  expect(JSON.stringify(job.outcome)).toMatch(/not a DICOM file/);
  const request = await e2eDb().auditEvent.findFirstOrThrow({ where: { entityId: id, action: 'import.request' } });
  expect((request.detail as { bytes: number }).bytes).toBe(junk.length);
});

// The case screen's labs and reports panels. A clinician reads a breast cancer
// patient's labs (CA 15-3 first, its trend with the reference range shaded) and
// reports (facts highlighted in the text), and confirms the TNM read from the
// surgical pathology report, which then shows in the case header. A coordinator
// sees the same facts without the buttons. Report text is always text: markup in
// it is shown, never run.
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { Bundle, BundleEntry, DiagnosticReport } from '@medplum/fhirtypes';
import { generateDemoPatients } from '../lib/demo-world';
import { seedBoard, seedBoardMember } from '../prisma/seed/boards';
import { seedCase } from '../prisma/seed/patients';
import { e2eDb } from './fixtures/db';
import { signInViaApi } from './fixtures/sign-in-api';
import { createE2eUser, type E2eUser } from './fixtures/users';
import { CasePanels } from './pages/case-panels';

const SURGICAL_PATHOLOGY = 'Histopathology: breast-conserving surgery and sentinel node biopsy, left';
const MARKUP_REPORT = 'E2E frozen section with markup-like text';
const MARKUP_TEXT = [
  'SYNTHETIC E2E TEXT – not a real patient',
  'Frozen section: <b>invasive carcinoma</b>, closest margin <1 mm & >0.5 mm.',
  '<script>window.__konsilInjected = true</script>',
  '<img src="x" onerror="window.__konsilInjected = true">',
  'Ki-67 30%.',
].join('\n');
const TNM_PATTERN = /\b(?:y?[cp])?T(?:[0-4][a-d]?|is|X)\b.*\b(?:y?[cp])?N(?:[0-3][a-c]?|X)\b/;

/**
 * The demo world's first breast patient (HR+/HER2-, surgical pathology pT2 pN1a),
 * plus one report whose text looks like HTML. Same seed every run, so posting it
 * again changes nothing.
 */
function breastPatientBundle(): { mrn: string; bundle: Bundle } {
  const patients = [...generateDemoPatients({ seed: 1, patients: 2, referenceDate: new Date() })];
  const patient = patients.find((p) => p.entity === 'BREAST');
  if (!patient) throw new Error('The demo world (seed 1) no longer starts with a breast patient; pick another index.');
  const patientEntry = patient.bundle.entry?.find((e) => e.resource?.resourceType === 'Patient');
  const id = '6d1c9e52-3f0a-4c1e-9d7b-e2e0c0ffee01';
  const report: DiagnosticReport = {
    resourceType: 'DiagnosticReport',
    id,
    identifier: [{ system: 'urn:e2e:case-panels', value: 'markup-report' }],
    status: 'preliminary',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'PAT' }] }],
    code: { coding: [{ system: 'http://loinc.org', code: '11526-1', display: 'Pathology study' }], text: MARKUP_REPORT },
    subject: { reference: patientEntry!.fullUrl! },
    issued: new Date(Date.now() - 3_600_000).toISOString(),
    presentedForm: [{ contentType: 'text/plain; charset=utf-8', data: Buffer.from(MARKUP_TEXT, 'utf8').toString('base64') }],
  };
  const extra: BundleEntry = { fullUrl: `urn:uuid:${id}`, resource: report, request: { method: 'PUT', url: `DiagnosticReport/${id}` } };
  return { mrn: patient.mrn, bundle: { ...patient.bundle, entry: [...(patient.bundle.entry ?? []), extra] } };
}

/** Imports the patient through the FHIR endpoint as a coordinator would, and opens a case for them on a fresh board. */
async function seedBreastCase(request: APIRequestContext, members: E2eUser[]): Promise<{ caseId: string }> {
  const coordinator = await createE2eUser({ roles: ['COORDINATOR'] });
  await signInViaApi(request, coordinator);
  const { mrn, bundle } = breastPatientBundle();
  const response = await request.post('/api/fhir', { headers: { 'content-type': 'application/fhir+json' }, data: JSON.stringify(bundle) });
  expect(response.status(), await response.text()).toBe(200);

  const tag = randomUUID().slice(0, 8);
  const caseId = await e2eDb().$transaction(async (tx) => {
    const patient = await tx.patient.findUniqueOrThrow({ where: { mrn } });
    const board = await seedBoard(tx, { slug: `e2e-breast-${tag}`, name: `E2E breast board ${tag}`, entityFocus: ['BREAST'], recurrence: 'FREQ=WEEKLY;BYDAY=WE', requiredSpecialties: [] });
    for (const member of members) await seedBoardMember(tx, { boardId: board.id, userId: member.id, role: member.roles.includes('COORDINATOR') ? 'COORDINATOR' : 'MEMBER' });
    const kase = await seedCase(tx, { patientId: patient.id, boardId: board.id, referringUserId: members[0]!.id, question: `E2E panels ${tag}: next step?`, entity: 'BREAST', status: 'ACCEPTED' });
    return kase.id;
  });
  return { caseId };
}

test('a clinician sees the tumor markers first and a trend chart with the reference range shaded', async ({ page, request }) => {
  const clinician = await createE2eUser({ roles: ['CLINICIAN'] });
  const { caseId } = await seedBreastCase(request, [clinician]);
  await signInViaApi(page.request, clinician);
  const panels = new CasePanels(page);
  await panels.goto(caseId);

  // Breast: CA 15-3 leads the emphasised tumor-marker group, and its trend opens first.
  await expect(panels.tumorMarkerGroup()).toContainText('Tumor markers (breast)');
  await expect(panels.tumorMarkerGroup().getByTestId('lab-row').first()).toContainText('CA 15-3');
  await expect(panels.labChart()).toHaveAttribute('data-code', '6875-9');
  const band = await panels.referenceBandBox();
  expect(band.width).toBeGreaterThan(0);
  expect(band.height).toBeGreaterThan(0);
  await expect(panels.chartSummary()).toContainText(/\d+ values from .* Reference range ≤ 25 U\/mL\./);

  // Another analyte: hemoglobin has both bounds, so its band sits inside the plot.
  await panels.showTrend('Hemoglobin');
  await expect(panels.labChart()).toHaveAttribute('data-code', '718-7');
  const hbBand = await panels.referenceBandBox();
  expect(hbBand.height).toBeGreaterThan(0);

  // The timeline opens an analyte with ?lab=.
  await panels.goto(caseId, '?lab=2039-6');
  await expect(panels.labChart()).toHaveAttribute('data-code', '2039-6');
  await expect(panels.analyteButton('CEA')).toHaveAttribute('aria-pressed', 'true');
});

test('a clinician confirms the TNM read from a report; the verdict survives a reload and the header shows it', async ({ page, request }) => {
  const clinician = await createE2eUser({ roles: ['CLINICIAN'] });
  const { caseId } = await seedBreastCase(request, [clinician]);
  await signInViaApi(page.request, clinician);
  const panels = new CasePanels(page);
  await panels.goto(caseId);

  await panels.filterReports('Pathology');
  await panels.openReport(SURGICAL_PATHOLOGY);
  const mark = panels.marks('TNM').first();
  await expect(mark).toBeVisible();
  await expect(mark).toHaveText(TNM_PATTERN);

  const fact = panels.facts('TNM').first();
  await expect(fact.getByTestId('fact-assertion')).toHaveText('Present');
  await expect(fact.getByTestId('fact-verdict')).toHaveText('Not reviewed');
  const value = (await fact.getByTestId('fact-value').textContent())!.trim();
  const key = (await fact.getAttribute('data-fact-key'))!;

  // Pointing at the fact highlights its source in the text, and the other way round.
  await fact.hover();
  await expect(panels.reportText().locator(`mark[data-fact-key="${key}"]`).first()).toHaveAttribute('data-active', 'true');
  await mark.hover();
  await expect(panels.factByKey((await mark.getAttribute('data-fact-key'))!)).toHaveAttribute('data-active', 'true');

  // Before: the header shows the structured staging; after: the confirmed value, saying so.
  await expect(panels.headerTnm()).toHaveAttribute('data-source', 'observation');
  await panels.confirm(fact);
  await expect(panels.headerTnm()).toHaveAttribute('data-source', 'confirmed-fact');
  await expect(panels.headerTnm()).toContainText(value);

  await page.reload();
  await panels.openReport(SURGICAL_PATHOLOGY);
  await expect(panels.factByKey(key)).toHaveAttribute('data-verdict', 'CONFIRMED');
  await expect(panels.factByKey(key).getByTestId('fact-verdict')).toContainText(`Confirmed by ${clinician.name}`);
  await expect(panels.headerTnm()).toHaveAttribute('data-source', 'confirmed-fact');
  await expect(panels.headerTnm()).toContainText(value);
});

test('a coordinator sees the extracted facts but cannot confirm or reject them', async ({ page, request }) => {
  const coordinator = await createE2eUser({ roles: ['COORDINATOR'] });
  const { caseId } = await seedBreastCase(request, [coordinator]);
  await signInViaApi(page.request, coordinator);
  const panels = new CasePanels(page);
  await panels.goto(caseId, '');
  await panels.openReport(SURGICAL_PATHOLOGY);

  const fact = panels.facts('TNM').first();
  await expect(fact.getByTestId('fact-assertion')).toHaveText('Present');
  await expect(panels.reportView().getByTestId('report-fact').first()).toBeVisible();
  await expect(panels.reportView().getByRole('button', { name: /^(Confirm|Reject) / })).toHaveCount(0);
});

test('report text that looks like HTML is shown as text, never as markup', async ({ page, request }) => {
  const clinician = await createE2eUser({ roles: ['CLINICIAN'] });
  const { caseId } = await seedBreastCase(request, [clinician]);
  await signInViaApi(page.request, clinician);
  const panels = new CasePanels(page);
  await panels.goto(caseId);
  await panels.openReport(MARKUP_REPORT);

  await expect(panels.reportView()).toContainText('Preliminary');
  const text = panels.reportText();
  await expect(text).toContainText('<b>invasive carcinoma</b>');
  await expect(text).toContainText('<script>window.__konsilInjected = true</script>');
  await expect(text).toContainText('closest margin <1 mm & >0.5 mm.');
  await expect(text.locator('b, script, img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __konsilInjected?: boolean }).__konsilInjected)).toBeUndefined();
  // Facts are still found in it, and highlighted as text.
  await expect(panels.marks('KI67').first()).toContainText('30');
});

test('the panels are axe-clean and work from the keyboard', async ({ page, request }) => {
  const clinician = await createE2eUser({ roles: ['CLINICIAN'] });
  const { caseId } = await seedBreastCase(request, [clinician]);
  await signInViaApi(page.request, clinician);
  const panels = new CasePanels(page);
  await panels.goto(caseId);
  await panels.openReport(SURGICAL_PATHOLOGY);
  await panels.referenceBandBox();

  const results = await new AxeBuilder({ page })
    .include('[data-testid="labs-panel"]')
    .include('[data-testid="reports-panel"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);

  // An analyte's trend opens with Enter; a fact's source lights up when the fact has focus.
  await panels.analyteButton('Hemoglobin').focus();
  await page.keyboard.press('Enter');
  await expect(panels.labChart()).toHaveAttribute('data-code', '718-7');
  const fact = panels.facts('TNM').first();
  await fact.focus();
  await expect(panels.reportText().locator(`mark[data-fact-key="${(await fact.getAttribute('data-fact-key'))!}"]`).first()).toHaveAttribute('data-active', 'true');
  await page.keyboard.press('Tab');
  await expect(panels.confirmButton(fact)).toBeFocused();
});

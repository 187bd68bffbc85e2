// Referral → triage → agenda: a clinician refers a case (TNM and ECOG prefilled from the
// patient's data, the meeting named by the deadline rule), it appears in the coordinator's
// inbox, the coordinator accepts it into the meeting, reorders the agenda by drag and drop
// (the order persists after a reload) and sees the overrun warning when the minutes exceed
// the meeting. A clinician can neither open the agenda builder nor reorder by calling the
// server action directly.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Request } from '@playwright/test';
import { e2eDb } from './fixtures/db';
import { seedReferralWorld } from './fixtures/referral-world';
import { signInViaApi } from './fixtures/sign-in-api';
import { AgendaBuilderPage, ReferralFormPage, ReferralInboxPage } from './pages/referral-pages';

test.use({ viewport: { width: 1400, height: 1000 } });

test('a referral goes from the clinician through the coordinator’s inbox onto an agenda the coordinator orders', async ({ browser }) => {
  const world = await seedReferralWorld();
  const clinicianContext = await browser.newContext();
  const clinicianPage = await clinicianContext.newPage();
  await signInViaApi(clinicianPage.request, world.clinician);
  const question = `Adjuvant chemotherapy after resection? (${world.tag})`;

  await test.step('the clinician refers the patient; staging and ECOG are prefilled with their source', async () => {
    const form = new ReferralFormPage(clinicianPage);
    await form.choosePatient(world.patient.mrn, world.patient.name);
    await expect(form.field('Current TNM')).toHaveValue('cT2a cN1 cM0');
    await expect(clinicianPage.getByText(/From the structured staging data of/).first()).toBeVisible();
    await expect(form.field('ECOG performance status')).toHaveValue('1');
    await form.field('Board').selectOption({ label: world.board.name });
    await expect(form.targetMeeting()).toContainText('Submitted now, this referral goes to the meeting on');

    await form.submit();
    await expect(form.field('Question to the board')).toHaveAttribute('aria-invalid', 'true');
    await expect(clinicianPage.getByText('Write the question to the board (at least 10 characters)')).toBeVisible();

    await form.field('Question to the board').fill(question);
    await clinicianPage.getByLabel(new RegExp(world.patient.reportTitle)).check();
    await form.submit();
    await expect(clinicianPage.getByTestId('referral-done')).toContainText('once the coordinator accepts it');
  });

  const referral = await e2eDb().case.findFirstOrThrow({ where: { question } });
  expect(referral).toMatchObject({ status: 'REFERRED', targetMeetingId: world.meetingId, referringUserId: world.clinician.id });
  expect(referral.referral).toMatchObject({ tnm: { value: 'cT2a cN1 cM0', source: { kind: 'observation' } }, ecog: { value: 'ECOG 1', source: { kind: 'observation' } } });

  const page = await (await browser.newContext()).newPage();
  await signInViaApi(page.request, world.coordinator);
  const agenda = new AgendaBuilderPage(page);

  await test.step('the referral is in the coordinator’s inbox; accepting it puts it on the meeting', async () => {
    const inbox = new ReferralInboxPage(page);
    await inbox.open();
    const item = inbox.triageItem(world.patient.name);
    await expect(item).toContainText(question);
    await expect(item).toContainText('cT2a cN1 cM0');
    await item.getByRole('button', { name: 'Accept into meeting' }).click();
    await expect(inbox.triageItem(world.patient.name)).toHaveCount(0);
  });

  const [first, second] = world.scheduled as [{ caseId: string; name: string }, { caseId: string; name: string }];
  let reorderRequest: Request | undefined;

  await test.step('the coordinator drags the new case to the top; the order persists after a reload', async () => {
    await agenda.open(world.meetingId);
    expect(await agenda.caseOrder()).toEqual([first.caseId, second.caseId, referral.id]);
    await agenda.expectVersion(3);
    const sent = page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
    await agenda.drag(world.patient.name, first.name);
    reorderRequest = await sent;
    await agenda.expectVersion(4);
    await expect(page.getByText('Order saved.')).toBeVisible();
    await page.reload();
    await expect(agenda.items()).toHaveCount(3);
    expect(await agenda.caseOrder()).toEqual([referral.id, first.caseId, second.caseId]);
    await expect(agenda.items().first().getByRole('link', { name: world.patient.name })).toHaveAttribute('href', `/cases/${referral.id}`);
  });

  await test.step('more minutes than the meeting has: the overrun warning', async () => {
    await expect(page.getByTestId('total-minutes')).toHaveText('15');
    await expect(page.getByTestId('overrun-warning')).toHaveCount(0);
    const minutes = page.getByLabel('Minutes', { exact: true }).nth(1);
    await minutes.fill('15');
    await page.getByRole('form', { name: `Minutes for ${first.name}` }).getByRole('button', { name: 'Save' }).click();
    await agenda.expectVersion(5);
    await expect(page.getByTestId('total-minutes')).toHaveText('25');
    await expect(page.getByTestId('overrun-warning')).toContainText('overruns the meeting by 5 minutes');
    await expect(page.getByTestId('slot-start').nth(2)).toBeVisible();
  });

  await test.step('a clinician cannot open the agenda builder, nor reorder by calling the action directly', async () => {
    const denied = await clinicianPage.request.get(`/meetings/${world.meetingId}/agenda`, { maxRedirects: 0 });
    expect(denied.status()).toBe(403);
    const meetingBefore = await e2eDb().meeting.findUniqueOrThrow({ where: { id: world.meetingId } });
    const order = () => e2eDb().agendaItem.findMany({ where: { meetingId: world.meetingId }, orderBy: { position: 'asc' }, select: { caseId: true } });
    const orderBefore = await order();
    // The coordinator's own reorder request, replayed with the clinician's session and the current version.
    const body = (reorderRequest!.postData() ?? '').replace(/"agendaVersion":\d+/, `"agendaVersion":${meetingBefore.agendaVersion}`);
    const headers = reorderRequest!.headers();
    const answer = await clinicianPage.request.post(reorderRequest!.url(), {
      headers: { 'next-action': headers['next-action']!, 'content-type': headers['content-type'] ?? 'text/plain;charset=UTF-8', accept: 'text/x-component', origin: new URL(reorderRequest!.url()).origin },
      data: body,
      maxRedirects: 0,
    });
    expect(await answer.text()).toContain('FORBIDDEN');
    expect(await order()).toEqual(orderBefore);
    expect((await e2eDb().meeting.findUniqueOrThrow({ where: { id: world.meetingId } })).agendaVersion).toBe(meetingBefore.agendaVersion);
    const denial = await e2eDb().auditEvent.findFirst({ where: { actorId: world.clinician.id, action: 'access.denied' }, orderBy: { id: 'desc' } });
    expect(denial?.detail).toMatchObject({ target: 'action:agenda.reorder', permission: 'meetings.manage' });
  });
});

test('the referral form, the inbox and the agenda builder are axe-clean', async ({ browser }) => {
  const world = await seedReferralWorld();
  const axe = async (page: import('@playwright/test').Page) => {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  };
  const clinicianPage = await (await browser.newContext()).newPage();
  await signInViaApi(clinicianPage.request, world.clinician);
  await new ReferralFormPage(clinicianPage).choosePatient(world.patient.mrn, world.patient.name);
  await axe(clinicianPage);
  await clinicianPage.goto('/referrals');
  await expect(clinicianPage.getByRole('heading', { name: 'My referrals' })).toBeVisible();
  await axe(clinicianPage);

  const page = await (await browser.newContext()).newPage();
  await signInViaApi(page.request, world.coordinator);
  await e2eDb().case.create({ data: { patientId: world.patient.id, boardId: world.board.id, referringUserId: world.clinician.id, question: 'Axe question', entity: 'LUNG', status: 'REFERRED', targetMeetingId: world.meetingId } });
  await page.goto('/referrals');
  await expect(page.getByTestId('triage-item')).toHaveCount(1);
  await axe(page);
  await new AgendaBuilderPage(page).open(world.meetingId);
  await axe(page);
});

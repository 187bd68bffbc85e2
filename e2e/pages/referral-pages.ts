import { expect, type Locator, type Page } from '@playwright/test';

/** /referrals/new: find the patient, then fill the referral form. */
export class ReferralFormPage {
  constructor(private readonly page: Page) {}

  async choosePatient(mrn: string, name: string) {
    await this.page.goto('/referrals/new');
    await this.page.getByLabel('MRN or name').fill(mrn);
    await this.page.getByRole('button', { name: 'Search' }).click();
    await this.page.getByRole('link', { name: `Refer ${name}` }).click();
    await expect(this.page.getByRole('heading', { name: 'Refer a case' })).toBeVisible();
  }

  field(label: string | RegExp): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  targetMeeting(): Locator {
    return this.page.getByTestId('target-meeting');
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Refer the case' }).click();
  }
}

/** /referrals: the coordinator's inbox and the clinician's own referrals. */
export class ReferralInboxPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/referrals');
  }

  triageItem(patientName: string): Locator {
    return this.page.getByTestId('triage-item').filter({ hasText: patientName });
  }
}

/** /meetings/[meetingId]/agenda. */
export class AgendaBuilderPage {
  constructor(private readonly page: Page) {}

  async open(meetingId: string) {
    await this.page.goto(`/meetings/${meetingId}/agenda`);
    await expect(this.builder()).toBeVisible();
  }

  builder(): Locator {
    return this.page.getByTestId('agenda-builder');
  }

  items(): Locator {
    return this.page.getByTestId('agenda-item');
  }

  async caseOrder(): Promise<string[]> {
    return this.items().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case-id') ?? ''));
  }

  /** Drags a row by its handle onto another row, with real pointer moves (dnd-kit's PointerSensor). */
  async drag(fromName: string, toName: string) {
    const from = await this.page.getByRole('button', { name: `Move ${fromName}`, exact: true }).boundingBox();
    const to = await this.page.getByRole('button', { name: `Move ${toName}`, exact: true }).boundingBox();
    if (!from || !to) throw new Error('agenda rows not visible');
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 8, { steps: 4 });
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 - 4, { steps: 20 });
    await this.page.mouse.up();
  }

  async expectVersion(version: number) {
    await expect(this.builder()).toHaveAttribute('data-agenda-version', String(version));
  }
}

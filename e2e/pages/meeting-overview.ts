import { expect, type Page } from '@playwright/test';

/** The meeting overview (/meetings/[meetingId]): header, agenda with checklists, coordinator controls. */
export class MeetingOverview {
  constructor(private readonly page: Page) {}

  async open(meetingId: string) {
    await this.page.goto(`/meetings/${meetingId}`);
    await expect(this.page.getByTestId('meeting-header')).toBeVisible();
  }

  caseRow(caseId: string) {
    return this.page.getByTestId(`agenda-case-${caseId}`);
  }

  checklistItem(caseId: string, item: string) {
    return this.page.getByTestId(`checklist-${caseId}`).locator(`[data-item="${item}"]`);
  }

  async showNotReadyOnly() {
    await this.page.getByRole('link', { name: 'Not ready' }).click();
    await expect(this.page).toHaveURL(/filter=not-ready/);
  }

  async sendReminder(caseId: string) {
    const form = this.caseRow(caseId).getByRole('form', { name: 'Send reminder' });
    await form.getByRole('button', { name: 'Send reminder' }).click();
    await expect(form.getByRole('status')).toContainText('Reminder sent');
    return form.getByRole('status');
  }

  publishButton() {
    return this.page.getByRole('button', { name: /^(Publish|Republish) agenda$/ });
  }

  async postpone(caseId: string, reason: string) {
    const row = this.caseRow(caseId);
    await row.getByText('Postpone…').click();
    const form = row.getByRole('form', { name: 'Postpone case' });
    await form.getByLabel(/Reason/).fill(reason);
    await form.getByRole('button', { name: 'Postpone case' }).click();
  }
}

import { expect, type Page } from '@playwright/test';

/** A meeting's live view (/meetings/[meetingId]/live). */
export class LiveMeetingPage {
  constructor(private readonly page: Page) {}

  async open(meetingId: string) {
    const response = await this.page.goto(`/meetings/${meetingId}/live`);
    await expect(this.connection()).toHaveAttribute('data-connection', 'open');
    return response;
  }

  root() {
    return this.page.getByTestId('live-meeting');
  }

  connection() {
    return this.page.getByTestId('live-connection');
  }

  /** The agenda item whose case is in the middle of the screen. */
  shownCase() {
    return this.page.getByTestId('live-case');
  }

  caseHeading() {
    return this.shownCase().getByRole('heading', { level: 1 });
  }

  agendaItem(itemId: string) {
    return this.page.locator(`[data-testid="live-agenda-item"][data-item-id="${itemId}"]`);
  }

  controls() {
    return this.page.getByTestId('presenter-controls');
  }

  button(name: string | RegExp) {
    return this.page.getByRole('button', { name });
  }

  rejoinPrompt() {
    return this.page.getByTestId('rejoin-prompt');
  }

  attendees() {
    return this.page.getByTestId('live-attendee');
  }

  quorum() {
    return this.page.getByTestId('live-quorum');
  }

  async expectShowing(itemId: string, patientName: string) {
    await expect(this.shownCase()).toHaveAttribute('data-item-id', itemId);
    await expect(this.caseHeading()).toHaveText(patientName);
  }
}

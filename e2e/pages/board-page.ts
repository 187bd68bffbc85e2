import { expect, type Locator, type Page } from '@playwright/test';

/** /boards/new and /boards/[boardId]: settings form, recurrence preview, members, meetings. */
export class BoardPage {
  constructor(private readonly page: Page) {}

  settingsForm(): Locator {
    return this.page.getByRole('form', { name: /New board|Board settings/ });
  }

  recurrenceRule(): Locator {
    return this.page.getByTestId('recurrence-rule');
  }

  meetings(): Locator {
    return this.page.getByTestId('board-meeting');
  }

  async generate(weeks: number) {
    const form = this.page.getByRole('form', { name: 'Generate meetings' });
    await form.getByLabel('Generate the next n weeks').fill(String(weeks));
    await form.getByRole('button', { name: 'Generate meetings' }).click();
    await expect(form.getByText('Meetings generated.')).toBeVisible();
  }

  async cancel(meeting: Locator, reason: string) {
    await meeting.getByText('Cancel', { exact: true }).click();
    const form = meeting.getByRole('form', { name: /Cancel the meeting of/ });
    await form.getByLabel('Reason').fill(reason);
    await form.getByRole('button', { name: 'Cancel meeting' }).click();
  }
}

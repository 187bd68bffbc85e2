import { expect, type Locator, type Page } from '@playwright/test';

/** /follow-ups: the owner's tasks with their completion forms, the coordinator's overdue list. */
export class FollowUpsPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/follow-ups');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Follow-ups' })).toBeVisible();
  }

  task(taskId: string): Locator {
    return this.page.locator(`[data-testid="follow-up-task"][data-task-id="${taskId}"]`);
  }

  async recordOutcome(taskId: string, outcome: 'Implemented' | 'Modified' | 'Not implemented', reason?: string) {
    const task = this.task(taskId);
    await task.getByRole('radio', { name: outcome, exact: true }).check();
    if (reason) await task.getByLabel('Reason').selectOption({ label: reason });
    await task.getByRole('button', { name: 'Record outcome' }).click();
  }

  overdueRow(taskId: string): Locator {
    return this.page.locator(`[data-testid="overdue-row"][data-task-id="${taskId}"]`);
  }
}

/** /quality: filters, one table per board, the CSV link. */
export class QualityPage {
  constructor(private readonly page: Page) {}

  async open(query: { board?: string } = {}) {
    await this.page.goto(`/quality${query.board ? `?board=${query.board}` : ''}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Quality' })).toBeVisible();
  }

  value(boardId: string, metric: string): Locator {
    return this.page.locator(`[data-testid="board-quality"][data-board-id="${boardId}"] [data-metric="${metric}"] [data-testid="quality-value"]`);
  }

  csvLink(): Locator {
    return this.page.getByTestId('quality-csv');
  }
}

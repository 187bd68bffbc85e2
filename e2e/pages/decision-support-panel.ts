import { expect, type Locator, type Page } from '@playwright/test';

/** The case screen's "Decision support" panel: one block per applicable model. */
export class DecisionSupportPanel {
  constructor(private readonly page: Page) {}

  region() {
    return this.page.getByRole('region', { name: 'Decision support', exact: true });
  }

  model(modelKey: string): Locator {
    return this.region().locator(`[data-testid="model-result"][data-model-key="${modelKey}"]`);
  }

  /** Clicks "Run models now" and waits for the server's answer to replace what is shown. */
  async runModels() {
    const button = this.region().getByRole('button', { name: 'Run models now' });
    await button.click();
    await expect(this.region().locator('#run-models-status')).toHaveText(/The models ran/, { timeout: 30_000 });
    await expect(button).toBeEnabled();
  }

  survivalRow(model: Locator, month: number) {
    return model.getByTestId('survival-table').locator(`tr[data-month="${month}"]`);
  }

  waterfallBar(model: Locator, feature: string) {
    return model.locator(`[data-testid="waterfall-bar"][data-feature="${feature}"]`);
  }

  input(model: Locator, name: string) {
    return model.locator(`[data-testid="model-input"][data-input="${name}"]`);
  }

  currentReview(model: Locator) {
    return model.getByTestId('current-review');
  }

  /** The drawn step curve's path (recharts), once the lazily loaded plot is on screen. */
  curvePath(model: Locator) {
    return model.getByTestId('survival-plot').locator('path.recharts-line-curve');
  }
}

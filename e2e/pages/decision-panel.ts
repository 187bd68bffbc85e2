import { expect, type Locator, type Page } from '@playwright/test';

/** The case screen's "Board decision" panel (components/decisions/), on /cases/[id] or in the live view. */
export class DecisionPanel {
  constructor(private readonly page: Page) {}

  region() {
    return this.page.getByRole('region', { name: 'Board decision', exact: true });
  }

  decision() {
    return this.region().getByTestId('decision').first();
  }

  status() {
    return this.decision().getByTestId('decision-status');
  }

  saveStatus() {
    return this.decision().getByTestId('decision-save-status');
  }

  editor() {
    return this.decision().getByTestId('decision-editor');
  }

  button(name: string | RegExp) {
    return this.region().getByRole('button', { name });
  }

  async startDraft() {
    await this.button(/^Record decision for/).click();
    await this.expectEditorReady();
  }

  /** The editor runs in the browser (hydrated): what is typed now stays typed. */
  async expectEditorReady() {
    await expect(this.editor()).toHaveAttribute('data-interactive', 'true');
  }

  recommendation(index: number): Locator {
    return this.editor().getByTestId('recommendation').nth(index);
  }

  async setIntent(intent: 'Curative' | 'Palliative' | 'Unclear') {
    await this.editor().getByRole('radio', { name: intent }).check();
  }

  /** Adds a recommendation of `modality` and picks each code by typing `query` and choosing the option named `option`. */
  async addRecommendation(modality: string, picks: { query: string; option: RegExp }[], details?: string) {
    const index = await this.editor().getByTestId('recommendation').count();
    await this.editor().getByRole('button', { name: 'Add recommendation' }).click();
    // By position, not .last(): the locator must keep naming this one after more are added.
    const rec = this.recommendation(index);
    await rec.getByLabel('Modality', { exact: true }).selectOption({ label: modality });
    for (const pick of picks) {
      const combo = this.codeSearch(rec);
      await combo.fill(pick.query);
      await rec.getByRole('option', { name: pick.option }).click();
    }
    if (details) await rec.getByLabel('Details', { exact: true }).fill(details);
    return rec;
  }

  /** The code picker's type-ahead input (selects are comboboxes too, so by its own attribute). */
  codeSearch(recommendation: Locator) {
    return recommendation.locator('input[role="combobox"]');
  }

  async setGuideline(basis: string, reference: string) {
    await this.editor().getByLabel('Basis', { exact: true }).selectOption({ label: basis });
    await this.editor().getByLabel('Reference', { exact: true }).fill(reference);
  }

  rationale() {
    return this.editor().getByLabel('Rationale', { exact: true });
  }

  async expectSaved() {
    await expect(this.saveStatus()).toHaveText(/^Saved \d\d:\d\d:\d\d$/, { timeout: 15_000 });
  }

  signDialog() {
    return this.page.getByTestId('sign-dialog');
  }

  history() {
    return this.decision().getByTestId('decision-version');
  }

  conflict() {
    return this.decision().getByTestId('decision-conflict');
  }

  /** The editor's view when the decision was signed (or its amendment cancelled) under unsaved text. */
  signedMeanwhile() {
    return this.decision().getByTestId('decision-signed-meanwhile');
  }

  /** One row of the conflict or signed-meanwhile comparison, by content field ("rationale"). */
  comparedField(view: Locator, field: string) {
    return view.locator(`[data-testid="decision-conflict-field"][data-field="${field}"]`);
  }

  /** Waits for the panel's own refetch of the case's decisions (every 30 s), started after this call. */
  async waitForRefetch(caseId: string) {
    await this.page.waitForResponse((r) => r.request().method() === 'GET' && r.url().endsWith(`/api/cases/${caseId}/decisions`) && r.ok(), { timeout: 45_000 });
  }
}

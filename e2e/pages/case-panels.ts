import { expect, type Locator, type Page } from '@playwright/test';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The labs and reports panels of the case screen (/cases/[caseId]). */
export class CasePanels {
  constructor(private readonly page: Page) {}

  /** Opens the case and waits until both panels have rendered (not their skeletons). */
  async goto(caseId: string, query = '') {
    await this.page.goto(`/cases/${caseId}${query}`);
    await expect(this.labTable()).toBeVisible();
    await expect(this.reportView()).toBeVisible();
  }

  // Labs

  labTable(): Locator {
    return this.page.getByTestId('lab-table');
  }

  tumorMarkerGroup(): Locator {
    return this.labTable().getByTestId('lab-group-tumor-markers');
  }

  /** The row button of an analyte, by its short name ("CA 15-3", "Hemoglobin"). */
  analyteButton(name: string): Locator {
    return this.labTable().getByRole('button', { name: new RegExp(`^${escape(name)}: show trend`) });
  }

  async showTrend(name: string) {
    await this.analyteButton(name).click();
    await expect(this.analyteButton(name)).toHaveAttribute('aria-pressed', 'true');
    await expect(this.labChart().getByRole('heading', { name: new RegExp(`^Trend: ${escape(name)}\\b`) })).toBeVisible();
  }

  labChart(): Locator {
    return this.page.getByTestId('lab-chart');
  }

  referenceBand(): Locator {
    return this.labChart().getByTestId('lab-reference-band');
  }

  /** Waits for the band to be drawn (recharts measures its container first) and returns its box. */
  async referenceBandBox() {
    await expect(this.referenceBand()).toBeVisible();
    const box = await this.referenceBand().boundingBox();
    expect(box, 'the reference band has a box').not.toBeNull();
    return box!;
  }

  chartSummary(): Locator {
    return this.page.getByTestId('lab-chart-summary');
  }

  // Reports

  reportList(): Locator {
    return this.page.getByRole('list', { name: 'Reports, newest first' });
  }

  async filterReports(type: string) {
    await this.page.getByRole('radio', { name: new RegExp(`^${escape(type)} \\(\\d+\\)$`) }).check();
  }

  async openReport(title: string) {
    await this.reportList().getByRole('button', { name: new RegExp(`^${escape(title)}`) }).click();
    await expect(this.reportView().getByRole('heading', { name: title, exact: true })).toBeVisible();
  }

  reportView(): Locator {
    return this.page.getByTestId('report-view');
  }

  reportText(): Locator {
    return this.reportView().getByTestId('report-text');
  }

  marks(kind: string): Locator {
    return this.reportText().locator(`mark[data-fact-kind="${kind}"]`);
  }

  facts(kind: string): Locator {
    return this.reportView().locator(`[data-testid="report-fact"][data-fact-kind="${kind}"]`);
  }

  factByKey(key: string): Locator {
    return this.reportView().locator(`[data-testid="report-fact"][data-fact-key="${key.replace(/"/g, '\\"')}"]`);
  }

  confirmButton(fact: Locator): Locator {
    return fact.getByRole('button', { name: /^Confirm / });
  }

  rejectButton(fact: Locator): Locator {
    return fact.getByRole('button', { name: /^Reject / });
  }

  /** Confirms a fact and waits for the server's verdict (not the optimistic one). */
  async confirm(fact: Locator) {
    await this.confirmButton(fact).click();
    await expect(fact.getByTestId('fact-verdict')).toContainText(/Confirmed\s+by /);
    await expect(fact).toHaveAttribute('data-verdict', 'CONFIRMED');
  }

  // Header (owned by the case page)

  headerTnm(): Locator {
    return this.page.getByTestId('header-tnm');
  }
}

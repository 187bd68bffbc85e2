import { expect, type Page } from '@playwright/test';

/** /cases: search and filter form, the table of cases, the pager. */
export class CaseListPage {
  constructor(private readonly page: Page) {}

  async goto(query = '') {
    await this.page.goto(`/cases${query}`);
    await expect(this.page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
    await this.expectLoaded();
  }

  /** The list is there (its range line: "1–25 of 31", "No cases"). */
  async expectLoaded() {
    await expect(this.range()).toBeVisible();
  }

  form() {
    return this.page.getByRole('search', { name: 'Search and filter cases' });
  }

  async search(text: string) {
    await this.form().getByRole('searchbox', { name: 'Search' }).fill(text);
    await this.submit();
  }

  async chooseBoard(name: string) {
    await this.form().getByLabel('Board').selectOption({ label: name });
  }

  async tickStatus(label: string) {
    await this.form().getByRole('group', { name: /Status/ }).getByLabel(label, { exact: true }).check();
  }

  async onlyMine() {
    await this.form().getByLabel('Only cases I referred').check();
  }

  /** Submits changed filters and waits until the URL carries them and the new list is in. */
  async submit() {
    const before = this.page.url();
    await this.form().getByRole('button', { name: 'Search', exact: true }).click();
    await expect(this.page).not.toHaveURL(before);
    await this.expectLoaded();
  }

  rows() {
    return this.page.getByTestId('case-row');
  }

  /** The row of a patient, found by MRN. */
  row(mrn: string) {
    return this.rows().filter({ hasText: `MRN ${mrn}` });
  }

  caseLink(patientName: string) {
    return this.page.getByRole('table').getByRole('link', { name: patientName });
  }

  range() {
    return this.page.getByTestId('case-range');
  }

  pager() {
    return this.page.getByRole('navigation', { name: 'Case list pages' });
  }

  async nextPage() {
    await this.pager().getByRole('link', { name: 'Next →' }).click();
  }

  async previousPage() {
    await this.pager().getByRole('link', { name: '← Previous' }).click();
  }

  notice() {
    return this.page.getByRole('main').getByRole('status').filter({ hasText: 'could not be used' });
  }

  emptyMessage() {
    return this.page.getByText('No cases match the search and filters.');
  }
}

import { expect, type Page } from '@playwright/test';

/** The case screen (/cases/[caseId]): header, timeline and the panel frames. */
export class CaseScreen {
  constructor(private readonly page: Page) {}

  async open(caseId: string) {
    return this.page.goto(`/cases/${caseId}`);
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  tnm() {
    return this.page.getByTestId('header-tnm');
  }

  panel(name: 'Timeline' | 'Imaging' | 'Reports' | 'Laboratory' | 'Decision support') {
    return this.page.getByRole('region', { name, exact: true });
  }

  timelineItems(kind: string) {
    return this.page.getByTestId('case-timeline').locator(`[data-timeline-kind="${kind}"]`);
  }

  async expectLoaded(patientName: string) {
    await expect(this.heading()).toHaveText(patientName);
    // Every panel streamed in (no loading placeholder left).
    await expect(this.page.getByRole('status', { name: /^Loading/ })).toHaveCount(0);
  }
}

import { expect, type Page } from '@playwright/test';

/** The signed-in frame: navigation, current user, sign-out. */
export class Shell {
  constructor(private readonly page: Page) {}

  nav() {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  async navLabels(): Promise<string[]> {
    return (await this.nav().getByRole('link').allInnerTexts()).map((t) => t.trim());
  }

  async expectSignedInAs(name: string) {
    await expect(this.page.getByTestId('current-user')).toHaveText(name);
  }

  async signOut() {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await expect(this.page).toHaveURL(/\/signin/);
  }
}

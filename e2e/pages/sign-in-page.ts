import { expect, type Page } from '@playwright/test';

export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto(query = '') {
    await this.page.goto(`/signin${query}`);
    await expect(this.page.getByRole('heading', { name: 'Konsil' })).toBeVisible();
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel('E-mail').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  /** The form's message (Next's route announcer is also role="alert", outside <main>). */
  error() {
    return this.page.getByRole('main').getByRole('alert');
  }

  ssoButton() {
    return this.page.getByRole('button', { name: /Sign in with Test Hospital SSO/ });
  }
}

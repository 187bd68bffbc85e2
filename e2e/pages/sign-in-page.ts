import { expect, type Page } from '@playwright/test';

export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto(query = '') {
    await this.page.goto(`/signin${query}`);
    await expect(this.page.getByRole('heading', { name: 'Konsil' })).toBeVisible();
  }

  /** Submits the form and waits for the server's answer (a redirect or the form's new state). */
  async signIn(email: string, password: string) {
    const button = this.page.getByRole('button', { name: 'Sign in', exact: true });
    await expect(button).toBeEnabled();
    await this.page.getByLabel('E-mail').fill(email);
    await this.page.getByLabel('Password').fill(password);
    const answered = this.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/signin');
    await button.click();
    await answered;
  }

  /** After a refused attempt React resets the form: the password is emptied, the e-mail kept. */
  async expectFormReset(email: string) {
    await expect(this.page.getByLabel('Password')).toHaveValue('');
    await expect(this.page.getByLabel('E-mail')).toHaveValue(email);
  }

  /** The form's message (Next's route announcer is also role="alert", outside <main>). */
  error() {
    return this.page.getByRole('main').getByRole('alert');
  }

  ssoButton() {
    return this.page.getByRole('button', { name: /Sign in with Test Hospital SSO/ });
  }
}

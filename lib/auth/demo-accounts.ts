/**
 * Demo accounts live under a reserved domain (".demo" is not a real top-level
 * domain) so Konsil can refuse them whenever demo mode is off, even if a demo
 * seed once reached a real database.
 */
export const DEMO_EMAIL_DOMAIN = '@konsil.demo';

export function isDemoAccount(email: string): boolean {
  return email.toLowerCase().endsWith(DEMO_EMAIL_DOMAIN);
}

import { expect, test } from '@playwright/test';
import { e2eDb } from './fixtures/db';
import { signInViaApi } from './fixtures/sign-in-api';
import { createE2eUser } from './fixtures/users';

const TWO_MB = 2 * 1024 * 1024;

test('an oversized form gets a clear message on the form, and nothing changes', async ({ page }) => {
  await signInViaApi(page.request, await createE2eUser({ roles: ['ADMIN'] }));
  await page.goto('/admin/users');
  const before = await e2eDb().user.count();
  const form = page.getByRole('form', { name: 'Create user' });
  await form.getByLabel('Full name').evaluate((el, size) => {
    (el as HTMLInputElement).value = 'x'.repeat(size);
  }, TWO_MB);
  await form.getByLabel('E-mail').fill(`huge-${Date.now()}@e2e.konsil`);
  await form.getByLabel('Initial password').fill('long-enough-password');
  await form.getByLabel('Clinician').check();
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByRole('alert')).toHaveText('This form is too large to send (at most 1 MB). Nothing was changed.');
  expect(await e2eDb().user.count()).toBe(before);
});

test('the server itself refuses an oversized action body (a client that skips the form check)', async ({ page }) => {
  await signInViaApi(page.request, await createE2eUser({ roles: ['ADMIN'] }));
  await page.goto('/admin/users');
  // Capture one ordinary (invalid, harmless) submission to learn the action's wire format.
  const form = page.getByRole('form', { name: 'Create user' });
  const sent = page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
  await form.getByRole('button', { name: 'Create user' }).click();
  const captured = await sent;
  await expect(form.getByRole('alert')).toBeVisible();
  const fields = [...(await new Response(new Uint8Array(captured.postDataBuffer()!), { headers: { 'content-type': captured.headers()['content-type']! } }).formData()).entries()].map(
    ([key, value]) => [key, String(value)] as [string, string],
  );
  const actionId = captured.headers()['next-action']!;

  // Replays the captured request from the page with chosen values, as a hand-written client would.
  const post = (email: string, name: string) =>
    page.evaluate(
      async ({ fields, actionId, email, name }) => {
        const prefix = fields.find(([k]) => k.endsWith('_email'))![0].replace(/email$/, '');
        const values: Record<string, string> = { email, name, password: 'long-enough-password', roles: 'CLINICIAN' };
        const body = new FormData();
        // Field entries must precede the "0" entry that references them (the server decodes as it streams).
        for (const [key, value] of fields) {
          if (key === '0') body.append(`${prefix}roles`, 'CLINICIAN');
          const field = key.startsWith(prefix) ? key.slice(prefix.length) : null;
          body.append(key, field && field in values ? values[field]! : value);
        }
        const response = await fetch('/admin/users', { method: 'POST', headers: { 'Next-Action': actionId, Accept: 'text/x-component' }, body });
        return { ok: response.ok, status: response.status };
      },
      { fields, actionId, email, name },
    );

  // Control: the same hand-made request with a normal body does reach the action.
  const control = `raw-ok-${Date.now()}@e2e.konsil`;
  expect((await post(control, 'Raw Request')).ok).toBe(true);
  expect(await e2eDb().user.count({ where: { email: control } })).toBe(1);

  const before = await e2eDb().user.count();
  const email = `raw-${Date.now()}@e2e.konsil`;
  const response = await post(email, 'y'.repeat(TWO_MB));
  expect(response.ok, `status ${response.status}`).toBe(false);
  expect(await e2eDb().user.count()).toBe(before);
  expect(await e2eDb().user.count({ where: { email } })).toBe(0);
});

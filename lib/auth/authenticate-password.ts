import 'server-only';
import { z } from 'zod';
import { getEnv } from '@/lib/env';
import { countRecentLoginFailures, recordPasswordSignIn, unsafeFindUserForSignIn } from '@/lib/db/sign-in';
import { burnPasswordCheck, verifyPassword } from './password';

export const passwordCredentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

export type PasswordSignInResult =
  | { ok: true; user: { id: string; email: string; sessionVersion: number } }
  | { ok: false; reason: 'invalid_input' | 'bad_credentials' | 'rate_limited' };

/**
 * Checks an e-mail/password pair. Every outcome is recorded (login attempt + audit
 * event). Rate limiting happens before the password is looked at, so a locked
 * account stays locked even for the right password until the window passes.
 * Inactive users and users without roles get the same answer as a wrong password.
 */
export async function authenticateWithPassword(
  raw: unknown,
  context: { ipAddress: string | null; userAgent: string | null },
): Promise<PasswordSignInResult> {
  const env = getEnv();
  const parsed = passwordCredentialsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid_input' };
  const { email, password } = parsed.data;

  const since = new Date(Date.now() - env.LOGIN_WINDOW_MINUTES * 60_000);
  const failures = await countRecentLoginFailures({ email, ipAddress: context.ipAddress, since });
  const user = await unsafeFindUserForSignIn(email);
  const record = (failure: Parameters<typeof recordPasswordSignIn>[0]['failure']) =>
    recordPasswordSignIn({ email, ...context, user, failure });

  if (failures.forAccount >= env.LOGIN_MAX_FAILURES_PER_ACCOUNT || failures.forAddress >= env.LOGIN_MAX_FAILURES_PER_ADDRESS) {
    await record('rate_limited');
    return { ok: false, reason: 'rate_limited' };
  }
  if (!user?.passwordHash) {
    await burnPasswordCheck(password);
    await record('bad_credentials');
    return { ok: false, reason: 'bad_credentials' };
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await record('bad_credentials');
    return { ok: false, reason: 'bad_credentials' };
  }
  if (!user.active) {
    await record('inactive');
    return { ok: false, reason: 'bad_credentials' };
  }
  if (user.roles.length === 0) {
    await record('no_role');
    return { ok: false, reason: 'bad_credentials' };
  }
  await record(null);
  return { ok: true, user: { id: user.id, email: user.email, sessionVersion: user.sessionVersion } };
}

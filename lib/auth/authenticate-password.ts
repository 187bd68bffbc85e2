import 'server-only';
import { z } from 'zod';
import { getEnv } from '@/lib/env';
import {
  unsafeBeginLoginAttempt,
  unsafeFindUserForSignIn,
  unsafeFinishLoginAttempt,
  type SignInFailureReason,
} from '@/lib/db/sign-in';
import { isDemoAccount } from './demo-accounts';
import { burnPasswordCheck, verifyPassword } from './password';

export const passwordCredentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

export type PasswordSignInResult =
  | { ok: true; user: { id: string; email: string; sessionVersion: number } }
  | { ok: false; reason: 'invalid_input' | 'bad_credentials' | 'rate_limited' };

/**
 * Checks an e-mail/password pair. Every attempt is recorded (login attempt +
 * audit event). The attempt is counted before the password is looked at, so a
 * locked account stays locked even for the right password until the window
 * passes, and concurrent guesses cannot race past the limit. Inactive users,
 * users without roles and demo accounts outside demo mode get the same answer as
 * a wrong password.
 */
export async function authenticateWithPassword(options: {
  credentials: unknown;
  ipAddress: string | null;
  userAgent: string | null;
}): Promise<PasswordSignInResult> {
  const env = getEnv();
  const { ipAddress, userAgent } = options;
  const parsed = passwordCredentialsSchema.safeParse(options.credentials);
  if (!parsed.success) return { ok: false, reason: 'invalid_input' };
  const { email, password } = parsed.data;

  const since = new Date(Date.now() - env.LOGIN_WINDOW_MINUTES * 60_000);
  const attempt = await unsafeBeginLoginAttempt({ email, ipAddress, since });
  const user = await unsafeFindUserForSignIn(email);
  const finish = (failure: SignInFailureReason | null) =>
    unsafeFinishLoginAttempt({ attemptId: attempt.attemptId, email, ipAddress, userAgent, user, failure });

  if (
    attempt.priorFailuresForAccount >= env.LOGIN_MAX_FAILURES_PER_ACCOUNT ||
    attempt.priorFailuresForAddress >= env.LOGIN_MAX_FAILURES_PER_ADDRESS
  ) {
    await finish('rate_limited');
    return { ok: false, reason: 'rate_limited' };
  }
  if (!user?.passwordHash) {
    await burnPasswordCheck(password);
    await finish('bad_credentials');
    return { ok: false, reason: 'bad_credentials' };
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await finish('bad_credentials');
    return { ok: false, reason: 'bad_credentials' };
  }
  const refusal: SignInFailureReason | null = !user.active
    ? 'inactive'
    : user.roles.length === 0
      ? 'no_role'
      : isDemoAccount(user.email) && !env.KONSIL_DEMO_MODE
        ? 'demo_account'
        : null;
  await finish(refusal);
  if (refusal) return { ok: false, reason: 'bad_credentials' };
  return { ok: true, user: { id: user.id, email: user.email, sessionVersion: user.sessionVersion } };
}

'use server';
// Sign-in and sign-out: the only server actions that run without a signed-in
// user, so they live here and not in lib/actions (whose exports the allow/deny
// matrix requires to be permission-checked). Everything security-relevant happens
// in lib/auth/authenticate-password.ts via next-auth's authorize(); the e2e
// sign-in specs cover these.
import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn, signOut } from './index';
import { OIDC_PROVIDER_ID } from './config';
import { safeCallbackPath } from './safe-callback';

/** `email` is handed back so the form keeps it after React resets the fields. */
export type SignInState = { error: string; email?: string } | null;

const messages: Record<string, string> = {
  invalid_credentials: 'E-mail or password is not correct, or the account is not active.',
  rate_limited: 'Too many failed attempts. For your safety, sign-in is paused; please try again in 15 minutes.',
};

export async function signInWithPassword(_state: SignInState, formData: FormData): Promise<SignInState> {
  const email = formData.get('email');
  const password = formData.get('password');
  if (typeof email !== 'string' || typeof password !== 'string' || !email || !password) {
    return { error: 'Enter your e-mail address and password.', email: typeof email === 'string' ? email.slice(0, 320) : undefined };
  }
  if (email.length > 320 || password.length > 1024) return { error: messages.invalid_credentials! };
  const keep = { email };
  try {
    await signIn('credentials', { email, password, redirectTo: safeCallbackPath(formData.get('callbackUrl')) });
    return null;
  } catch (error) {
    // signIn() signals success by throwing Next's redirect; only auth errors are ours to handle.
    if (error instanceof CredentialsSignin) return { error: messages[error.code] ?? messages.invalid_credentials!, ...keep };
    if (error instanceof AuthError) return { error: 'Sign-in failed. Please try again.', ...keep };
    throw error;
  }
}

export async function signInWithSso(formData: FormData): Promise<void> {
  await signIn(OIDC_PROVIDER_ID, { redirectTo: safeCallbackPath(formData.get('callbackUrl')) });
}

/** Ends this browser's session. (Admins end all of a user's sessions by deactivating or resetting them.) */
export async function signOutOfKonsil(): Promise<void> {
  await signOut({ redirectTo: '/signin?reason=signed-out' });
}

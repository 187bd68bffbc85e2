import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/signin-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { guardPage } from '@/lib/authz/guard-page';
import { safeCallbackPath } from '@/lib/auth/safe-callback';
import { signInWithSso } from '@/lib/auth/sign-in-actions';
import { getEnv, isOidcEnabled } from '@/lib/env';

export const metadata = { title: 'Sign in' };

const reasons: Record<string, { tone: 'info' | 'error'; text: string }> = {
  'signed-out': { tone: 'info', text: 'You are signed out. Sign in to continue.' },
  AccessDenied: { tone: 'error', text: 'Your account is not active. Ask a Konsil administrator.' },
  NoRole: { tone: 'error', text: 'Your hospital account has no Konsil role. Ask a Konsil administrator to grant one.' },
  NoEmail: { tone: 'error', text: 'Your hospital account did not send an e-mail address. Ask your IT department.' },
  EmailConflict: {
    tone: 'error',
    text: 'Your hospital account uses the e-mail of an existing Konsil account that it cannot be linked to. Ask a Konsil administrator.',
  },
  Configuration: { tone: 'error', text: 'Single sign-on is not available right now. Use your Konsil account or try later.' },
  OAuthCallbackError: { tone: 'error', text: 'Single sign-on did not complete. Please try again.' },
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await guardPage('/signin');
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (actor) redirect(callbackUrl);
  const env = getEnv();
  const notice = reasons[String(params.error ?? params.reason ?? '')];

  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6 rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <div>
          <h1 className="text-2xl font-semibold text-brand-800">Konsil</h1>
          <p className="text-sm text-slate-600">Virtual tumor board: sign in to continue.</p>
        </div>
        {env.KONSIL_DEMO_MODE && (
          <Alert tone="warning">
            Demo mode: all patients are synthetic. The demo accounts and their passwords were printed in the terminal that started
            Konsil.
          </Alert>
        )}
        {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
        {isOidcEnabled(env) && (
          <>
            <form action={signInWithSso}>
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <Button type="submit" variant="secondary" className="w-full">
                Sign in with {env.OIDC_DISPLAY_NAME}
              </Button>
            </form>
            <p className="text-center text-xs uppercase tracking-wide text-slate-500">or with a Konsil account</p>
          </>
        )}
        <SignInForm callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}

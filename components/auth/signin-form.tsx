'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { signInWithPassword } from '@/lib/auth/sign-in-actions';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(signInWithPassword, null);
  return (
    <form action={action} className="space-y-4" aria-label="Sign in with your Konsil account">
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field id="email" label="E-mail">
        {(describedBy) => (
          <Input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={state?.email ?? ''}
            aria-describedby={describedBy}
          />
        )}
      </Field>
      <Field id="password" label="Password">
        {(describedBy) => (
          <Input id="password" name="password" type="password" autoComplete="current-password" required aria-describedby={describedBy} />
        )}
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}

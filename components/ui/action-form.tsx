'use client';
import { useActionState, type ReactNode } from 'react';
import type { ActionResult, ActionState } from '@/lib/actions/action-result';
import type { FieldErrors } from '@/lib/errors';
import { Alert } from './alert';

type Action<R> = (state: ActionState<R>, payload: FormData) => Promise<ActionResult<R>>;

/**
 * A form bound to a server action through useActionState: shows the action's
 * message (success or error) and hands field errors to the fields.
 */
export function ActionForm<R>({
  action,
  label,
  children,
  className,
}: {
  action: Action<R>;
  label: string;
  children: (args: { fieldErrors: FieldErrors; pending: boolean; state: ActionState<R> }) => ReactNode;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} aria-label={label} className={className ?? 'space-y-4'} noValidate>
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      {state?.ok && state.message && <Alert tone="success">{state.message}</Alert>}
      {children({ fieldErrors, pending, state })}
    </form>
  );
}

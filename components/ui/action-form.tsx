'use client';
import { useActionState, type ReactNode } from 'react';
import type { ActionResult, ActionState } from '@/lib/actions/action-result';
import type { FieldErrors } from '@/lib/errors';
import { Alert } from './alert';

type Action<R> = (state: ActionState<R>, payload: FormData) => Promise<ActionResult<R>>;

/** Mirrors experimental.serverActions.bodySizeLimit in next.config.ts; the server enforces it. */
export const MAX_FORM_BYTES = 1024 * 1024;

function formBytes(formData: FormData): number {
  let bytes = 0;
  for (const [key, value] of formData.entries()) bytes += key.length + (typeof value === 'string' ? new Blob([value]).size : value.size);
  return bytes;
}

/**
 * A form bound to a server action through useActionState: shows the action's
 * message (success or error) and hands field errors to the fields. A request
 * the server refuses outright (too large, network down) becomes a message on
 * the form, not an error page that loses what the user typed.
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
  const [state, formAction, pending] = useActionState(async (previous: ActionState<R>, formData: FormData): Promise<ActionResult<R>> => {
    if (formBytes(formData) > MAX_FORM_BYTES) {
      return { ok: false, code: 'PAYLOAD_TOO_LARGE', message: 'This form is too large to send (at most 1 MB). Nothing was changed.' };
    }
    try {
      return await action(previous, formData);
    } catch {
      return { ok: false, code: 'INTERNAL', message: 'The server did not accept the form. Nothing was changed; please try again.' };
    }
  }, null);
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} aria-label={label} className={className ?? 'space-y-4'} noValidate>
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      {state?.ok && state.message && <Alert tone="success">{state.message}</Alert>}
      {children({ fieldErrors, pending, state })}
    </form>
  );
}

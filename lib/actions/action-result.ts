import type { ErrorCode, FieldErrors } from '@/lib/errors';

/** What every server action returns; forms read it through useActionState. */
export type ActionResult<T> =
  | { ok: true; data: T; message?: string }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors };

export type ActionState<T> = ActionResult<T> | null;

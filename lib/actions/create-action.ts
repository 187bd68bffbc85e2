import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { Actor } from '@/lib/authz/actor';
import { can, type Permission } from '@/lib/authz/permissions';
import { getActor } from '@/lib/auth/get-actor';
import { recordAccessDenied } from '@/lib/db/access-denials';
import { AppError, isAppError } from '@/lib/errors';
import type { ActionResult, ActionState } from './action-result';
import { formDataToObject } from './form-data';

export interface ActionDefinition<S extends z.ZodType, R> {
  /** Stable name, used in logs and the authz matrix. */
  name: string;
  permission: Permission;
  input: S;
  handler: (args: { actor: Actor; input: z.output<S> }) => Promise<R>;
  /** Paths whose server-rendered data this action changes. */
  revalidate?: (args: { input: z.output<S>; result: R }) => string[];
  /** Message shown on success. */
  successMessage?: string;
}

/**
 * The one way a mutation runs: authenticate → permission → parse → handler.
 * `getCurrentActor` is injected so integration tests run the same path with a test actor.
 */
export async function executeAction<S extends z.ZodType, R>(
  definition: ActionDefinition<S, R>,
  actor: Actor | null,
  payload: unknown,
): Promise<ActionResult<R>> {
  try {
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Your session has ended. Please sign in again.');
    // Permissions here depend on the role, not the input, so a caller without the
    // permission is refused (and audited) before their input is even looked at.
    if (!can(actor, definition.permission)) {
      await recordAccessDenied({ actor, target: `action:${definition.name}`, permission: definition.permission });
      throw new AppError('FORBIDDEN', 'You do not have permission to do this.');
    }
    const parsed = definition.input.safeParse(payload instanceof FormData ? formDataToObject(payload) : payload);
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error);
      const fieldErrors = flat.fieldErrors as Record<string, string[] | undefined>;
      const summary = flat.formErrors[0] ?? 'Some fields need attention.';
      throw new AppError('VALIDATION', summary, { fieldErrors });
    }
    const data = await definition.handler({ actor, input: parsed.data });
    return { ok: true, data, message: definition.successMessage };
  } catch (error) {
    if (isAppError(error)) return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
    // A unique constraint lost to a concurrent request (e.g. two admins creating the same e-mail).
    if (isUniqueViolation(error)) return { ok: false, code: 'CONFLICT', message: 'This already exists (someone may have just created it). Reload and check.' };
    console.error(`[action ${definition.name}]`, error);
    return { ok: false, code: 'INTERNAL', message: 'Something went wrong; nothing was changed. Please try again.' };
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

export type ServerAction<R> = ((state: ActionState<R>, payload: FormData | Record<string, unknown>) => Promise<ActionResult<R>>) & {
  definition: ActionDefinition<z.ZodType, R>;
};

/** Builds the exported server action. Every export of lib/actions/*.ts is made by this. */
export function createAction<S extends z.ZodType, R>(definition: ActionDefinition<S, R>): ServerAction<R> {
  const action = async (_state: ActionState<R>, payload: FormData | Record<string, unknown>) => {
    const result = await executeAction(definition, await getActor(), payload);
    if (result.ok && definition.revalidate) {
      const input = definition.input.parse(payload instanceof FormData ? formDataToObject(payload) : payload);
      for (const path of definition.revalidate({ input, result: result.data })) revalidatePath(path);
    }
    return result;
  };
  return Object.assign(action, { definition: definition as unknown as ActionDefinition<z.ZodType, R> });
}

import 'server-only';
import type { Actor } from './actor';
import { accessFor, describeRequiredPermission, permitsAccess, type RoutePattern } from './route-access';
import { getActor } from '@/lib/auth/get-actor';
import { recordAccessDenied } from '@/lib/db/access-denials';

type RouteHandler<C> = (request: Request, context: C & { actor: Actor | null }) => Promise<Response>;

/**
 * Wraps a route handler with its entry in route-access.ts: 401 without a session,
 * 403 without the permission, both as JSON problem bodies, before the handler runs.
 */
export function withRouteAccess<C>(pattern: RoutePattern, handler: RouteHandler<C>) {
  return async (request: Request, context: C): Promise<Response> => {
    const access = accessFor(pattern);
    const actor = await getActor();
    if (access.kind !== 'public') {
      if (!actor) return Response.json({ code: 'UNAUTHENTICATED', message: 'Sign in first.' }, { status: 401 });
      if (!permitsAccess(actor, access)) {
        await recordAccessDenied({ actor, target: pattern, permission: describeRequiredPermission(access) });
        return Response.json({ code: 'FORBIDDEN', message: 'You do not have permission for this.' }, { status: 403 });
      }
    }
    return handler(request, { ...context, actor });
  };
}

import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import type { Actor } from './actor';
import { accessFor, describeRequiredPermission, permitsAccess, type ProtectedRoutePattern, type RoutePattern } from './route-access';
import { getActor } from '@/lib/auth/get-actor';
import { recordAccessDenied } from '@/lib/db/access-denials';

/**
 * The first line of every page: checks the route's entry in route-access.ts on
 * the server. Anonymous → sign-in page; signed in without the permission → 403
 * (rendered by app/forbidden.tsx) and an `access.denied` audit event.
 */
export async function guardPage(pattern: ProtectedRoutePattern): Promise<Actor>;
export async function guardPage(pattern: RoutePattern): Promise<Actor | null>;
export async function guardPage(pattern: RoutePattern): Promise<Actor | null> {
  const access = accessFor(pattern);
  const actor = await getActor();
  if (access.kind === 'public') return actor;
  if (!actor) redirect('/signin?reason=signed-out');
  if (!permitsAccess(actor, access)) {
    await recordAccessDenied({ actor, target: pattern, permission: describeRequiredPermission(access) });
    forbidden();
  }
  return actor;
}

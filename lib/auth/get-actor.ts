import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import type { Actor } from '@/lib/authz/actor';
import { AppError } from '@/lib/errors';
import { getEnv } from '@/lib/env';
import { unsafeFindSessionUser } from '@/lib/db/sign-in';
import { auth } from './index';
import { clientAddress } from './client-address';

/**
 * The signed-in user for this request, or null.
 *
 * The session cookie only names the user; roles and the active flag are read from
 * the database on every request, so deactivating a user or changing their roles
 * takes effect on their very next click. `sessionVersion` in the cookie must match
 * the row, so an admin can end all of a user's sessions by bumping it.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  // next-auth slides the cookie's expiry while it is used; a stolen cookie kept warm
  // must still die SESSION_MAX_AGE_SECONDS after the sign-in.
  if (Date.now() / 1000 - session.signedInAt > getEnv().SESSION_MAX_AGE_SECONDS) return null;
  const user = await unsafeFindSessionUser(userId);
  if (!user || !user.active || user.roles.length === 0 || user.sessionVersion !== session.sessionVersion) return null;
  const h = await headers();
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    ipAddress: clientAddress(h.get('x-forwarded-for'), getEnv().TRUSTED_PROXY_HOPS),
    userAgent: h.get('user-agent'),
  };
});

export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Your session has ended. Please sign in again.');
  return actor;
}

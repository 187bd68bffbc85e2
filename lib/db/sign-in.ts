import 'server-only';
// Database work done before anyone is signed in. There is no actor to scope by,
// so these functions are the only unscoped user reads in Konsil, and each one
// returns just what sign-in needs.
import type { Role } from '@/lib/authz/roles';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { db } from './client';

export interface SignInUser {
  id: string;
  email: string;
  roles: Role[];
  active: boolean;
  passwordHash: string | null;
  sessionVersion: number;
}

const signInSelect = { id: true, email: true, roles: true, active: true, passwordHash: true, sessionVersion: true } as const;

export async function unsafeFindUserForSignIn(email: string): Promise<SignInUser | null> {
  return db().user.findUnique({ where: { email }, select: signInSelect });
}

/** Failed attempts inside the window, per account and per address. */
export async function countRecentLoginFailures(options: {
  email: string;
  ipAddress: string | null;
  since: Date;
}): Promise<{ forAccount: number; forAddress: number }> {
  const [forAccount, forAddress] = await Promise.all([
    db().loginAttempt.count({ where: { email: options.email, succeeded: false, createdAt: { gte: options.since } } }),
    options.ipAddress
      ? db().loginAttempt.count({
          where: { ipAddress: options.ipAddress, succeeded: false, createdAt: { gte: options.since } },
        })
      : Promise.resolve(0),
  ]);
  return { forAccount, forAddress };
}

type FailureReason = 'bad_credentials' | 'rate_limited' | 'inactive' | 'no_role' | 'invalid_input';

/** Records a password sign-in attempt and its audit event in one transaction. */
export async function recordPasswordSignIn(options: {
  email: string;
  ipAddress: string | null;
  userAgent: string | null;
  user: SignInUser | null;
  failure: FailureReason | null;
}): Promise<void> {
  const { email, ipAddress, userAgent, user, failure } = options;
  await db().$transaction(async (tx) => {
    await tx.loginAttempt.create({ data: { email, ipAddress: ipAddress ?? 'unknown', succeeded: failure === null } });
    if (failure === null && user) {
      await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
      await writeAuditEvent(tx, {
        actor: { id: user.id, email: user.email, roles: user.roles, ipAddress, userAgent },
        action: 'auth.signin',
        entityType: 'User',
        entityId: user.id,
        detail: { method: 'password' },
      });
    } else {
      await writeAuditEvent(tx, {
        actor: null,
        action: 'auth.signin_failed',
        entityType: user ? 'User' : undefined,
        entityId: user?.id,
        outcome: 'FAILURE',
        ipAddress,
        userAgent,
        detail: { method: 'password', email, reason: failure ?? 'bad_credentials' },
      });
    }
  });
}

/**
 * Finds or creates the Konsil user behind an SSO login and brings their roles in
 * line with the IdP's. Matching is by (issuer, subject); a first login links to an
 * existing local account with the same e-mail. Returns null for deactivated users.
 */
export async function provisionSsoUser(options: {
  issuer: string;
  subject: string;
  email: string;
  name: string;
  roles: Role[];
  ipAddress: string | null;
  userAgent: string | null;
}): Promise<{ id: string; sessionVersion: number } | null> {
  const { issuer, subject, email, name, roles, ipAddress, userAgent } = options;
  return db().$transaction(async (tx) => {
    const identity = await tx.externalIdentity.findUnique({ where: { issuer_subject: { issuer, subject } } });
    const existing = identity
      ? await tx.user.findUnique({ where: { id: identity.userId } })
      : await tx.user.findUnique({ where: { email } });
    if (existing && !existing.active) {
      await writeAuditEvent(tx, {
        actor: null,
        action: 'auth.signin_failed',
        entityType: 'User',
        entityId: existing.id,
        outcome: 'FAILURE',
        ipAddress,
        userAgent,
        detail: { method: 'oidc', email, reason: 'inactive' },
      });
      return null;
    }
    const rolesChanged = existing ? existing.roles.join() !== roles.join() : true;
    const user = existing
      ? await tx.user.update({
          where: { id: existing.id },
          data: {
            roles,
            lastLoginAt: new Date(),
            // A role change ends the user's other sessions, like an admin's edit would.
            ...(rolesChanged ? { sessionVersion: { increment: 1 }, version: { increment: 1 } } : {}),
          },
        })
      : await tx.user.create({ data: { email, name, roles, lastLoginAt: new Date() } });
    if (!identity) await tx.externalIdentity.create({ data: { issuer, subject, userId: user.id } });
    const actor = { id: user.id, email: user.email, roles, ipAddress, userAgent };
    if (!existing || rolesChanged || !identity) {
      await writeAuditEvent(tx, {
        actor,
        action: 'user.provision_sso',
        entityType: 'User',
        entityId: user.id,
        detail: { issuer, roles, created: !existing },
      });
    }
    await writeAuditEvent(tx, { actor, action: 'auth.signin', entityType: 'User', entityId: user.id, detail: { method: 'oidc' } });
    return { id: user.id, sessionVersion: user.sessionVersion };
  });
}

/** The user behind a session token, for the per-request liveness check in get-actor.ts. */
export async function unsafeFindSessionUser(id: string) {
  return db().user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, roles: true, active: true, sessionVersion: true },
  });
}

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

/**
 * Records a password attempt as failed *before* the password is checked, then
 * counts the failures in the window including it. Because every attempt's row is
 * committed before its own count, N concurrent guesses see 1, 2, … N rows and at
 * most the allowed number get through: the limit cannot be raced.
 */
export async function unsafeBeginLoginAttempt(options: {
  email: string;
  ipAddress: string | null;
  since: Date;
}): Promise<{ attemptId: string; priorFailuresForAccount: number; priorFailuresForAddress: number }> {
  const { email, since } = options;
  const ipAddress = options.ipAddress ?? 'unknown';
  const attempt = await db().loginAttempt.create({ data: { email, ipAddress, succeeded: false } });
  const [forAccount, forAddress] = await Promise.all([
    db().loginAttempt.count({ where: { email, succeeded: false, createdAt: { gte: since } } }),
    db().loginAttempt.count({ where: { ipAddress, succeeded: false, createdAt: { gte: since } } }),
  ]);
  return { attemptId: attempt.id, priorFailuresForAccount: forAccount - 1, priorFailuresForAddress: forAddress - 1 };
}

export type SignInFailureReason = 'bad_credentials' | 'rate_limited' | 'inactive' | 'no_role' | 'demo_account';

/** Settles an attempt begun above: marks success (it then stops counting as a failure) and audits, in one transaction. */
export async function unsafeFinishLoginAttempt(options: {
  attemptId: string;
  email: string;
  ipAddress: string | null;
  userAgent: string | null;
  user: SignInUser | null;
  failure: SignInFailureReason | null;
}): Promise<void> {
  const { attemptId, email, ipAddress, userAgent, user, failure } = options;
  await db().$transaction(async (tx) => {
    if (failure === null && user) {
      await tx.loginAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
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

export type SsoProvisionResult =
  | { ok: true; id: string; sessionVersion: number }
  | { ok: false; reason: 'inactive' | 'no_role' | 'email_conflict' };

/**
 * Finds or creates the Konsil user behind an SSO login and brings their roles in
 * line with the IdP's (the IdP is the source of truth for SSO users).
 * - Matching is by (issuer, subject). A first login links to an existing local
 *   account with the same e-mail only if the IdP says the e-mail is verified and
 *   that account has no other identity at this issuer; otherwise it is refused, so
 *   an IdP account with a borrowed e-mail cannot take over a colleague's account.
 * - An IdP that no longer grants any Konsil role takes the roles away and ends
 *   the user's sessions.
 * - Deactivated users are refused.
 */
export async function unsafeProvisionSsoUser(options: {
  issuer: string;
  subject: string;
  email: string;
  emailVerified: boolean;
  name: string;
  roles: Role[];
  ipAddress: string | null;
  userAgent: string | null;
}): Promise<SsoProvisionResult> {
  const { issuer, subject, email, emailVerified, name, roles, ipAddress, userAgent } = options;
  return db().$transaction(async (tx) => {
    const refuse = async (reason: 'inactive' | 'no_role' | 'email_conflict', userId?: string): Promise<SsoProvisionResult> => {
      await writeAuditEvent(tx, {
        actor: null,
        action: 'auth.signin_failed',
        entityType: userId ? 'User' : undefined,
        entityId: userId,
        outcome: 'FAILURE',
        ipAddress,
        userAgent,
        detail: { method: 'oidc', email, reason },
      });
      return { ok: false, reason };
    };

    const identity = await tx.externalIdentity.findUnique({ where: { issuer_subject: { issuer, subject } } });
    let existing = identity ? await tx.user.findUnique({ where: { id: identity.userId } }) : null;
    if (!identity) {
      const sameEmail = await tx.user.findUnique({ where: { email }, include: { identities: { where: { issuer } } } });
      if (sameEmail && (!emailVerified || sameEmail.identities.length > 0)) return refuse('email_conflict', sameEmail.id);
      existing = sameEmail;
    }
    if (existing && !existing.active) return refuse('inactive', existing.id);

    const actorFor = (id: string, userEmail: string) => ({ id, email: userEmail, roles, ipAddress, userAgent });
    if (roles.length === 0) {
      if (existing && identity && existing.roles.length > 0) {
        await tx.user.update({
          where: { id: existing.id },
          data: { roles: [], sessionVersion: { increment: 1 }, version: { increment: 1 } },
        });
        await writeAuditEvent(tx, {
          actor: actorFor(existing.id, existing.email),
          action: 'user.provision_sso',
          entityType: 'User',
          entityId: existing.id,
          detail: { issuer, roles: [], created: false },
        });
      }
      return refuse('no_role', existing?.id);
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
    const actor = actorFor(user.id, user.email);
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
    return { ok: true, id: user.id, sessionVersion: user.sessionVersion };
  });
}

/** The user behind a session token, for the per-request liveness check in get-actor.ts. */
export async function unsafeFindSessionUser(id: string) {
  return db().user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, roles: true, active: true, sessionVersion: true },
  });
}

/** An SSO login that named no e-mail address: audited, nothing else happens. */
export async function unsafeRecordSsoWithoutEmail(options: { ipAddress: string | null; userAgent: string | null }): Promise<void> {
  await db().$transaction((tx) =>
    writeAuditEvent(tx, {
      actor: null,
      action: 'auth.signin_failed',
      outcome: 'FAILURE',
      ...options,
      detail: { method: 'oidc', reason: 'invalid_input' },
    }),
  );
}

/** Audits a sign-out by the user the ending session named (if they still exist). */
export async function unsafeRecordSignOut(options: { userId: string; ipAddress: string | null; userAgent: string | null }): Promise<void> {
  const user = await unsafeFindSessionUser(options.userId);
  if (!user) return;
  await db().$transaction((tx) =>
    writeAuditEvent(tx, {
      actor: { id: user.id, email: user.email, roles: user.roles, ipAddress: options.ipAddress, userAgent: options.userAgent },
      action: 'auth.signout',
      entityType: 'User',
      entityId: user.id,
      detail: {},
    }),
  );
}

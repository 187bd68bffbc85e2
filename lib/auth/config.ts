import 'server-only';
import type { NextAuthConfig } from 'next-auth';
import { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { headers } from 'next/headers';
import { getEnv, isOidcEnabled } from '@/lib/env';
import { unsafeProvisionSsoUser, unsafeRecordSignOut, unsafeRecordSsoWithoutEmail } from '@/lib/db/sign-in';
import { authenticateWithPassword } from './authenticate-password';
import { clientAddress } from './client-address';
import { mapOidcRoles, parseRoleMap } from './oidc-roles';

/** Shown on the sign-in page; deliberately the same for a wrong password, an unknown or an inactive account. */
class InvalidCredentials extends CredentialsSignin {
  override code = 'invalid_credentials';
}
class TooManyAttempts extends CredentialsSignin {
  override code = 'rate_limited';
}

export const OIDC_PROVIDER_ID = 'oidc';

async function requestContext() {
  const h = await headers();
  return {
    ipAddress: clientAddress(h.get('x-forwarded-for'), getEnv().TRUSTED_PROXY_HOPS),
    userAgent: h.get('user-agent'),
  };
}

function providers(): NextAuthConfig['providers'] {
  const env = getEnv();
  const list: NextAuthConfig['providers'] = [
    Credentials({
      id: 'credentials',
      name: 'Konsil account',
      credentials: { email: { label: 'E-mail', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials) {
        const result = await authenticateWithPassword({ credentials, ...(await requestContext()) });
        if (!result.ok) throw result.reason === 'rate_limited' ? new TooManyAttempts() : new InvalidCredentials();
        return { id: result.user.id, email: result.user.email, sessionVersion: result.user.sessionVersion };
      },
    }),
  ];
  if (isOidcEnabled(env)) {
    list.push({
      id: OIDC_PROVIDER_ID,
      name: env.OIDC_DISPLAY_NAME,
      type: 'oidc',
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      checks: ['pkce', 'state', 'nonce'],
      authorization: { params: { scope: 'openid email profile' } },
    });
  }
  return list;
}

export function authConfig(): NextAuthConfig {
  const env = getEnv();
  const roleMap = parseRoleMap(env.OIDC_ROLE_MAP);
  return {
    secret: env.AUTH_SECRET,
    // `next start` behind the hospital's proxy; AUTH_URL pins the public origin when set.
    trustHost: true,
    session: { strategy: 'jwt', maxAge: env.SESSION_MAX_AGE_SECONDS, updateAge: 5 * 60 },
    pages: { signIn: '/signin', error: '/signin' },
    providers: providers(),
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const claims = (profile ?? {}) as Record<string, unknown>;
        const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : null;
        const context = await requestContext();
        if (!email) {
          await unsafeRecordSsoWithoutEmail(context);
          return '/signin?error=NoEmail';
        }
        const provisioned = await unsafeProvisionSsoUser({
          issuer: env.OIDC_ISSUER!,
          subject: account.providerAccountId,
          email,
          emailVerified: claims.email_verified === true,
          name: typeof claims.name === 'string' && claims.name ? claims.name : email,
          roles: mapOidcRoles(claims, env.OIDC_ROLES_CLAIM, roleMap),
          ...context,
        });
        if (!provisioned.ok) {
          const error = { inactive: 'AccessDenied', no_role: 'NoRole', email_conflict: 'EmailConflict' }[provisioned.reason];
          return `/signin?error=${error}`;
        }
        // The JWT callback below reads these: the session names the Konsil user, not the IdP subject.
        user.id = provisioned.id;
        (user as { sessionVersion?: number }).sessionVersion = provisioned.sessionVersion;
        return true;
      },
      jwt({ token, user }) {
        if (user?.id) {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
          // Absolute lifetime: the cookie is re-issued while used, but never outlives this.
          token.sia = Math.floor(Date.now() / 1000);
        }
        return token;
      },
      session({ session, token }) {
        if (typeof token.uid === 'string') session.user.id = token.uid;
        session.sessionVersion = typeof token.sv === 'number' ? token.sv : -1;
        session.signedInAt = typeof token.sia === 'number' ? token.sia : 0;
        return session;
      },
    },
    events: {
      async signOut(message) {
        const token = 'token' in message ? message.token : null;
        if (typeof token?.uid === 'string') await unsafeRecordSignOut({ userId: token.uid, ...(await requestContext()) });
      },
    },
  };
}

/**
 * A local OpenID Connect provider for end-to-end tests of SSO sign-in
 * (`oidc-provider` 9.x), listening on 127.0.0.1 only. Test use only: users,
 * sessions and keys live in memory and vanish on stop.
 *
 *   const idp = await startOidcTestProvider({ port: 4011, clientId: 'konsil', clientSecret: 's3cret',
 *     redirectUris: ['http://localhost:3000/api/auth/callback/oidc'],
 *     users: [{ sub: 'u1', email: 'a@example.org', name: 'A', password: 'pw', roles: ['konsil-admin'] }] });
 *   // idp.issuer === 'http://127.0.0.1:4011'  → OIDC_ISSUER for the app
 *
 * Standalone: `tsx scripts/oidc-test-provider.ts` (env: OIDC_TEST_PORT=4011,
 * OIDC_TEST_CLIENT_ID, OIDC_TEST_CLIENT_SECRET, OIDC_TEST_REDIRECT_URI (comma
 * separated), OIDC_TEST_ROLES_CLAIM, OIDC_TEST_USERS (JSON array of users)).
 *
 * What it does:
 * - Authorization code flow; PKCE (S256) is required for every request, the
 *   client authenticates with client_secret_basic (default) or _post (one
 *   registered method per client: oidc-provider enforces it).
 * - Scopes `openid email profile`; the user's roles go in claim `rolesClaim`
 *   (default `roles`), tied to the `openid` scope, in the ID token AND userinfo
 *   (`conformIdTokenClaims: false`, otherwise scope claims reach userinfo only).
 * - Login is a real HTML form checked against `users` (login = sub or e-mail);
 *   a wrong password re-renders it with an error. Consent is granted
 *   automatically (only the test client exists).
 *
 * Why the issuer is http://127.0.0.1:<port>, not localhost: it is exactly the
 * socket we bind (no ::1-vs-127.0.0.1 guess when next-auth fetches
 * `<issuer>/.well-known/openid-configuration`, and the issuer must match that
 * document byte for byte), and the IdP's cookies stay apart from the app's at
 * http://localhost:3000 (cookies ignore ports), as with a real IdP.
 *
 * Plain http on loopback needs no special config: oidc-provider marks cookies
 * `secure` only when the request is https (ctx.secure), accepts http issuers,
 * and Koa's `proxy` setting matters only behind a TLS-terminating proxy. It
 * warns that Node 20 is unsupported (it asks for 22+) and that the in-memory
 * adapter is for development: both are expected here.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';

export interface OidcTestUser {
  sub: string;
  email: string;
  name: string;
  password: string;
  roles: string[];
}

export interface OidcTestProviderOptions {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  users: OidcTestUser[];
  /** Claim carrying the roles; default `roles`. */
  rolesClaim?: string;
  /** Default `client_secret_basic` (what next-auth uses). */
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
}

export interface OidcTestProvider {
  issuer: string;
  stop(): Promise<void>;
}

// oidc-provider ships no types (@types/oidc-provider is not installed): the
// small surface used here, loaded through a non-literal specifier.
interface Interaction {
  uid: string;
  prompt: { name: string; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> } };
  params: Record<string, unknown>;
  session?: { accountId?: string };
  grantId?: string;
}
interface Grant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  addResourceScope(indicator: string, scope: string): void;
  save(): Promise<string>;
}
interface Provider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: object, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
  Grant: { new (init: { accountId: string; clientId: string }): Grant; find(id: string): Promise<Grant | undefined> };
}
interface KoaContext {
  type: string;
  body: string;
}
const OIDC_PROVIDER_MODULE: string = 'oidc-provider';

export async function startOidcTestProvider(options: OidcTestProviderOptions): Promise<OidcTestProvider> {
  const { port, clientId, users } = options;
  const rolesClaim = options.rolesClaim ?? 'roles';
  const issuer = `http://127.0.0.1:${port}`;
  const { default: ProviderClass } = (await import(OIDC_PROVIDER_MODULE)) as {
    default: new (issuer: string, configuration: object) => Provider;
  };

  // A fresh signing key per start: clients read it from jwks_uri.
  const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new ProviderClass(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: options.tokenEndpointAuthMethod ?? 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...jwk, kid: `test-${randomBytes(4).toString('hex')}`, alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub', rolesClaim], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } }, // our own login form below
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 3600, Session: 86_400, Grant: 86_400 },
    async findAccount(_ctx: unknown, sub: string) {
      const user = users.find((u) => u.sub === sub);
      if (!user) return undefined;
      return {
        accountId: user.sub,
        async claims() {
          return { sub: user.sub, email: user.email, email_verified: true, name: user.name, [rolesClaim]: [...user.roles] };
        },
      };
    },
    async renderError(ctx: KoaContext, out: Record<string, unknown>) {
      ctx.type = 'html';
      ctx.body = page('Sign-in error', `<h1>Sign-in error</h1><pre>${escapeHtml(JSON.stringify(out, null, 2))}</pre>`);
    },
  });

  const handleProtocol = provider.callback();
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', issuer);
    if (!/^\/interaction\/[^/]+$/.test(pathname)) return handleProtocol(req, res);
    handleInteraction(provider, req, res, users).catch((error: unknown) => {
      if (!res.headersSent) sendHtml(res, 400, page('Error', `<p role="alert">${escapeHtml(String(error))}</p>`));
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`OIDC test provider: port ${port} on 127.0.0.1 is already in use`) : error),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });

  let stopping: Promise<void> | undefined;
  return {
    issuer,
    stop: () =>
      (stopping ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // keep-alive sockets would hold close() open
      })),
  };
}

/** GET /interaction/:uid shows the login form (or auto-grants consent); POST checks it. */
async function handleInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse, users: OidcTestUser[]): Promise<void> {
  const interaction = await provider.interactionDetails(req, res);
  const { uid, prompt, params } = interaction;
  const clientId = String(params.client_id ?? '');

  if (prompt.name === 'login') {
    if (req.method !== 'POST') return sendHtml(res, 200, loginPage(uid, clientId));
    const form = new URLSearchParams(await readBody(req));
    const login = (form.get('login') ?? '').trim();
    const user = users.find((u) => u.sub === login || u.email.toLowerCase() === login.toLowerCase());
    // Plain comparison: these are fixed test credentials, not real secrets.
    if (!user || user.password !== form.get('password')) {
      return sendHtml(res, 200, loginPage(uid, clientId, { login, error: 'Invalid username or password.' }));
    }
    return provider.interactionFinished(req, res, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
  }

  if (prompt.name === 'consent') {
    // Grant whatever the client asked for: the only client is the app under test.
    const grant =
      (interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined) ??
      new provider.Grant({ accountId: interaction.session?.accountId ?? '', clientId });
    const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = prompt.details;
    if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
    if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  sendHtml(res, 400, page('Error', `<p role="alert">Unsupported prompt ${escapeHtml(prompt.name)}</p>`));
}

function loginPage(uid: string, clientId: string, state: { login?: string; error?: string } = {}): string {
  return page(
    'Sign in – OIDC test provider',
    `<h1>Test identity provider</h1>
<p>Sign in to continue to <strong>${escapeHtml(clientId)}</strong>.</p>
${state.error ? `<p role="alert" class="error">${escapeHtml(state.error)}</p>` : ''}
<form method="post" action="/interaction/${encodeURIComponent(uid)}">
  <p><label for="login">Username or e-mail</label><br>
  <input id="login" name="login" autocomplete="username" required autofocus value="${escapeHtml(state.login ?? '')}"></p>
  <p><label for="password">Password</label><br>
  <input id="password" name="password" type="password" autocomplete="current-password" required></p>
  <button type="submit">Sign in</button>
</form>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:24rem;margin:3rem auto}.error{color:#b00020}</style></head>
<body><main>${body}</main></body></html>`;
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 64 * 1024) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Test users for the standalone run; the roles match the app's default OIDC_ROLE_MAP. */
export const DEFAULT_TEST_USERS: OidcTestUser[] = [
  { sub: 'sso-admin', email: 'sso-admin@example.org', name: 'Ada Admin (SSO)', password: 'sso-admin-pw', roles: ['konsil-admin'] },
  { sub: 'sso-coordinator', email: 'sso-coordinator@example.org', name: 'Cora Coordinator (SSO)', password: 'sso-coordinator-pw', roles: ['konsil-coordinator'] },
  { sub: 'sso-clinician', email: 'sso-clinician@example.org', name: 'Clara Clinician (SSO)', password: 'sso-clinician-pw', roles: ['konsil-clinician'] },
  { sub: 'sso-norole', email: 'sso-norole@example.org', name: 'Nora Norole (SSO)', password: 'sso-norole-pw', roles: ['other-app-user'] },
];

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const env = process.env;
  const idp = await startOidcTestProvider({
    port: Number(env.OIDC_TEST_PORT ?? 4011),
    clientId: env.OIDC_TEST_CLIENT_ID ?? 'konsil',
    clientSecret: env.OIDC_TEST_CLIENT_SECRET ?? 'konsil-oidc-test-secret',
    redirectUris: (env.OIDC_TEST_REDIRECT_URI ?? 'http://localhost:3000/api/auth/callback/oidc').split(',').map((u) => u.trim()),
    users: env.OIDC_TEST_USERS ? (JSON.parse(env.OIDC_TEST_USERS) as OidcTestUser[]) : DEFAULT_TEST_USERS,
    rolesClaim: env.OIDC_TEST_ROLES_CLAIM,
  });
  console.log(idp.issuer);
  const shutdown = (): void => void idp.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

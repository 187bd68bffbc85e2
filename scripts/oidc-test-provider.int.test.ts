/**
 * Walks the whole authorization code flow against scripts/oidc-test-provider.ts
 * with plain fetch, as a browser plus next-auth would: discovery → authorization
 * request with PKCE → login form → redirects (auto consent) → code → token
 * endpoint → signed ID token and userinfo carrying the roles.
 */
import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import { freePort } from '../lib/test/free-port';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcTestProvider, type OidcTestProvider, type OidcTestUser } from './oidc-test-provider';

const REDIRECT_URI = 'http://localhost:3000/api/auth/callback/oidc';
const CLIENT = { clientId: 'konsil-test', clientSecret: 'test-secret-123' };
const USERS: OidcTestUser[] = [
  { sub: 'u-clara', email: 'Clara@Example.org', name: 'Clara Clinician', password: 'right-pw', roles: ['konsil-clinician', 'konsil-coordinator'] },
  { sub: 'u-adam', email: 'adam@example.org', name: 'Adam Admin', password: 'adam-pw', roles: ['konsil-admin'] },
];


/** The browser's part: a cookie jar (host-only, paths ignored) and manual redirects. */
class Browser {
  private cookies = new Map<string, string>();
  readonly setCookieHeaders: string[] = [];

  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const header of res.headers.getSetCookie()) {
      this.setCookieHeaders.push(header);
      const [pair = '', ...attributes] = header.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      const expired = attributes.some((a) => {
        const expires = /^\s*expires=(.*)$/i.exec(a)?.[1];
        return /^\s*max-age=0\s*$/i.test(a) || (expires !== undefined && Date.parse(expires) <= Date.now());
      });
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Follows redirects until a page (200) or a redirect to the app's callback. */
  async follow(res: Response, base: string): Promise<{ html: string; url: string } | { callback: URL }> {
    let url = res.url || base;
    for (let hop = 0; hop < 10; hop++) {
      if (res.status === 200) return { html: await res.text(), url };
      const location = res.headers.get('location');
      if (res.status < 300 || res.status > 399 || !location) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
      const next = new URL(location, url);
      if (next.href.startsWith(REDIRECT_URI)) return { callback: next };
      url = next.href;
      res = await this.fetch(next);
    }
    throw new Error('too many redirects');
  }
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint: string;
  jwks_uri: string;
  code_challenge_methods_supported: string[];
  claims_supported: string[];
  scopes_supported: string[];
}

async function discover(issuer: string): Promise<Discovery> {
  const res = await fetch(`${issuer}/.well-known/openid-configuration`);
  expect(res.status).toBe(200);
  return (await res.json()) as Discovery;
}

function formAction(html: string, pageUrl: string): string {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no login form in: ${html}`);
  return new URL(action.replace(/&#38;/g, '&'), pageUrl).href;
}

/** Starts an authorization request and returns the login page plus the values the client keeps. */
async function beginSignIn(d: Discovery, browser: Browser, pkce = true) {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(8).toString('hex');
  const nonce = randomBytes(8).toString('hex');
  const url = new URL(d.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT.clientId,
    redirect_uri: REDIRECT_URI,
    scope: 'openid email profile',
    state,
    nonce,
    ...(pkce ? { code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256' } : {}),
  }).toString();
  const landing = await browser.follow(await browser.fetch(url), url.href);
  return { landing, verifier, state, nonce };
}

async function submitLogin(browser: Browser, page: { html: string; url: string }, login: string, password: string) {
  const res = await browser.fetch(formAction(page.html, page.url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login, password }),
  });
  return browser.follow(res, page.url);
}

async function redeemCode(d: Discovery, code: string, verifier: string, method: 'basic' | 'post', secret = CLIENT.clientSecret) {
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (method === 'basic') headers.authorization = `Basic ${Buffer.from(`${CLIENT.clientId}:${secret}`).toString('base64')}`;
  else {
    body.set('client_id', CLIENT.clientId);
    body.set('client_secret', secret);
  }
  const res = await fetch(d.token_endpoint, { method: 'POST', headers, body });
  return { status: res.status, json: (await res.json()) as Record<string, string> };
}

/** Verifies the RS256 signature against the provider's JWKS and returns the claims. */
async function verifyIdToken(d: Discovery, jwt: string): Promise<Record<string, unknown>> {
  const [header = '', payload = '', signature = ''] = jwt.split('.');
  const { kid, alg } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string; alg: string };
  expect(alg).toBe('RS256');
  const { keys } = (await (await fetch(d.jwks_uri)).json()) as { keys: Array<{ kid: string }> };
  const jwk = keys.find((k) => k.kid === kid);
  if (!jwk) throw new Error(`kid ${kid} not in JWKS`);
  const valid = verify('sha256', Buffer.from(`${header}.${payload}`), createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(signature, 'base64url'));
  expect(valid).toBe(true);
  return JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
}

describe('OIDC test provider', () => {
  let idp: OidcTestProvider;
  let d: Discovery;
  beforeAll(async () => {
    idp = await startOidcTestProvider({ port: await freePort(), ...CLIENT, redirectUris: [REDIRECT_URI], users: USERS });
    d = await discover(idp.issuer);
  });
  afterAll(async () => idp?.stop());

  it('publishes discovery for an http://127.0.0.1 issuer', () => {
    expect(idp.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(d.issuer).toBe(idp.issuer);
    expect(d.code_challenge_methods_supported).toEqual(['S256']);
    expect(d.scopes_supported).toEqual(expect.arrayContaining(['openid', 'email', 'profile']));
    expect(d.claims_supported).toContain('roles');
  });

  it('signs a user in through the login form and returns roles in the ID token and userinfo', async () => {
    const browser = new Browser();
    const { landing, verifier, state, nonce } = await beginSignIn(d, browser);
    if (!('html' in landing)) throw new Error('expected the login page');
    expect(landing.html).toMatch(/<input id="login" name="login"/);
    expect(landing.html).toMatch(/<input id="password" name="password" type="password"/);
    expect(landing.html).toMatch(/<button type="submit">Sign in<\/button>/);

    // Wrong password, then unknown user: the form comes back with an error, no redirect.
    for (const [login, password] of [['u-clara', 'wrong-pw'], ['nobody', 'right-pw']] as const) {
      const again = await submitLogin(browser, landing, login, password);
      if (!('html' in again)) throw new Error('a bad login must not redirect to the app');
      expect(again.html).toContain('Invalid username or password.');
    }

    // Right password (login by e-mail, any case) → consent auto-granted → back to the app.
    const done = await submitLogin(browser, landing, 'clara@example.org', 'right-pw');
    if (!('callback' in done)) throw new Error(`expected a redirect to the app, got: ${done.html}`);
    expect(done.callback.searchParams.get('state')).toBe(state);
    expect(done.callback.searchParams.get('iss')).toBe(idp.issuer);
    const code = done.callback.searchParams.get('code') ?? '';
    expect(code).not.toBe('');
    expect(browser.setCookieHeaders.some((h) => /;\s*secure/i.test(h))).toBe(false); // usable over http

    // A wrong PKCE verifier is refused (checked before the code is consumed, so it stays usable).
    const wrongVerifier = randomBytes(32).toString('base64url');
    expect((await redeemCode(d, code, wrongVerifier, 'basic')).json.error).toBe('invalid_grant');
    const { status, json } = await redeemCode(d, code, verifier, 'basic');
    expect({ status, error: json.error }).toEqual({ status: 200, error: undefined });
    const claims = await verifyIdToken(d, json.id_token ?? '');
    expect(claims).toMatchObject({
      iss: idp.issuer,
      aud: CLIENT.clientId,
      sub: 'u-clara',
      nonce,
      email: 'Clara@Example.org',
      email_verified: true,
      name: 'Clara Clinician',
      roles: ['konsil-clinician', 'konsil-coordinator'],
    });

    const userinfo = await fetch(d.userinfo_endpoint, { headers: { authorization: `Bearer ${json.access_token}` } });
    expect(userinfo.status).toBe(200);
    expect(await userinfo.json()).toMatchObject({ sub: 'u-clara', email: 'Clara@Example.org', roles: ['konsil-clinician', 'konsil-coordinator'] });

    // Codes are single use; replaying one also revokes what it issued.
    expect((await redeemCode(d, code, verifier, 'basic')).json.error).toBe('invalid_grant');
    const revoked = await fetch(d.userinfo_endpoint, { headers: { authorization: `Bearer ${json.access_token}` } });
    expect(revoked.status).toBe(401);
  });

  it('requires PKCE', async () => {
    const { landing } = await beginSignIn(d, new Browser(), false);
    if (!('callback' in landing)) throw new Error('expected an error redirect');
    expect(landing.callback.searchParams.get('error')).toBe('invalid_request');
  });

  it('supports client_secret_post and a custom roles claim', async () => {
    const other = await startOidcTestProvider({
      port: await freePort(),
      ...CLIENT,
      redirectUris: [REDIRECT_URI],
      users: USERS,
      rolesClaim: 'groups',
      tokenEndpointAuthMethod: 'client_secret_post',
    });
    try {
      const od = await discover(other.issuer);
      const browser = new Browser();
      const { landing, verifier } = await beginSignIn(od, browser);
      if (!('html' in landing)) throw new Error('expected the login page');
      const done = await submitLogin(browser, landing, 'u-adam', 'adam-pw');
      if (!('callback' in done)) throw new Error('expected a redirect to the app');
      const code = done.callback.searchParams.get('code') ?? '';
      expect((await redeemCode(od, code, verifier, 'post', 'wrong-secret')).json.error).toBe('invalid_client');
      const { status, json } = await redeemCode(od, code, verifier, 'post');
      expect(status).toBe(200);
      const claims = await verifyIdToken(od, json.id_token ?? '');
      expect(claims.groups).toEqual(['konsil-admin']);
      expect(claims.roles).toBeUndefined();
      const userinfo = await fetch(od.userinfo_endpoint, { headers: { authorization: `Bearer ${json.access_token}` } });
      expect(await userinfo.json()).toMatchObject({ sub: 'u-adam', groups: ['konsil-admin'] });
    } finally {
      await other.stop();
    }
  });
});

// A signed-in HTTP session against a running Konsil, for scripts (bench/live.ts) and specs that
// need one outside a browser: next-auth's credentials sign-in over HTTP with a tiny cookie jar,
// and calls of a server action the way the browser makes them (POST with a Next-Action header;
// the action's id comes from the build's server-reference manifest).
import { readFileSync } from 'node:fs';
import path from 'node:path';

export class HttpSession {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  }

  async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.cookieHeader());
    const response = await fetch(new URL(pathname, this.baseUrl), { ...init, headers, redirect: 'manual' });
    this.keep(response);
    return response;
  }

  async signIn(email: string, password: string): Promise<void> {
    const csrf = (await (await this.fetch('/api/auth/csrf')).json()) as { csrfToken: string };
    const response = await this.fetch('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, callbackUrl: '/' }),
    });
    const location = response.headers.get('location') ?? '';
    if (response.status !== 302 || location.includes('error')) throw new Error(`sign-in of ${email} failed (${response.status} ${location})`);
  }

  /**
   * Calls a server action as React does: POST to the page that uses it, the action id in
   * `Next-Action`, the arguments as JSON. Returns the action's result, read from the RSC reply.
   */
  /** Bytes of the last action reply (the bench reports it: a reply that re-renders the page is heavy). */
  lastReplyBytes = 0;

  async callAction<R>(pagePath: string, actionId: string, args: unknown[]): Promise<R> {
    const response = await this.fetch(pagePath, {
      method: 'POST',
      headers: { 'next-action': actionId, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', origin: new URL(this.baseUrl).origin },
      body: JSON.stringify(args),
    });
    const text = await response.text();
    this.lastReplyBytes = Buffer.byteLength(text);
    if (!response.ok) throw new Error(`action ${actionId} answered ${response.status}: ${text.slice(0, 200)}`);
    // The reply is a React Flight stream; the action's return value is the row that is an ActionResult.
    for (const line of text.split('\n')) {
      const json = line.slice(line.indexOf(':') + 1);
      if (!json.startsWith('{')) continue;
      try {
        const value = JSON.parse(json) as Record<string, unknown>;
        if ('ok' in value) return value as R;
        const nested = (value as { a?: unknown }).a;
        if (nested && typeof nested === 'object' && 'ok' in nested) return nested as R;
      } catch {
        // not a JSON row
      }
    }
    throw new Error(`no action result in the reply: ${text.slice(0, 300)}`);
  }
}

/** The id of an exported server action in a production build (`next build` must have run). */
export function serverActionId(root: string, file: string, exportName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(root, '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string; filename?: string; workers?: Record<string, unknown> }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName === exportName && entry.filename?.replaceAll('\\', '/').endsWith(file)) return id;
  }
  throw new Error(`server action ${file}#${exportName} is not in the build (run next build)`);
}

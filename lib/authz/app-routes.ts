// Reads the app/ directory the way Next does, to list every page and route
// handler with its URL pattern. Used by the authz tests so that a new route
// cannot ship without an entry in route-access.ts.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface AppRouteFile {
  kind: 'page' | 'route';
  /** e.g. "/admin/users/[userId]" — route groups "(board)" removed. */
  pattern: string;
  file: string;
}

export function listAppRoutes(appDir: string): AppRouteFile[] {
  const out: AppRouteFile[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        // (group) folders do not appear in the URL; _private and @slot folders are not routes.
        if (name.startsWith('_') || name.startsWith('@')) continue;
        walk(full, /^\(.*\)$/.test(name) ? segments : [...segments, name]);
      } else if (/^(page|route)\.(tsx?|jsx?)$/.test(name)) {
        out.push({ kind: name.startsWith('page') ? 'page' : 'route', pattern: `/${segments.join('/')}`, file: full });
      }
    }
  };
  walk(appDir, []);
  return out;
}

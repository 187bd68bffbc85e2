import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAppRoutes } from './app-routes';
import { routeAccess } from './route-access';

const appDir = path.resolve(__dirname, '../../app');
const routes = listAppRoutes(appDir);

describe('route-access covers every page and route handler', () => {
  it('finds the app routes', () => {
    expect(routes.length).toBeGreaterThan(5);
  });

  it.each(routes.map((r) => [r.pattern, r] as const))('%s has an entry in route-access.ts', (pattern) => {
    expect(Object.keys(routeAccess), `add "${pattern}" to lib/authz/route-access.ts`).toContain(pattern);
  });

  it('has no stale entries for routes that no longer exist', () => {
    const patterns = new Set(routes.map((r) => r.pattern));
    expect(Object.keys(routeAccess).filter((p) => !patterns.has(p))).toEqual([]);
  });

  it.each(routes.filter((r) => r.kind === 'page').map((r) => [r.pattern, r] as const))(
    '%s calls guardPage() with its own pattern before anything else',
    (pattern, route) => {
      const source = readFileSync(route.file, 'utf8');
      const body = source.slice(source.indexOf('export default'));
      const firstAwait = body.match(/await\s+([a-zA-Z]+)\(([^)]*)\)/);
      expect(firstAwait?.[1], `${route.file} must start with guardPage('${pattern}')`).toBe('guardPage');
      expect(firstAwait?.[2]).toBe(`'${pattern}'`);
    },
  );

  it.each(routes.filter((r) => r.kind === 'route').map((r) => [r.pattern, r] as const))(
    '%s wraps every handler in withRouteAccess() with its own pattern (or is next-auth)',
    (pattern, route) => {
      const source = readFileSync(route.file, 'utf8');
      if (pattern === '/api/auth/[...nextauth]') {
        expect(source).toContain("from '@/lib/auth'");
        return;
      }
      const handlers = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\s*=\s*([^\n]+)/g)];
      expect(handlers.length).toBeGreaterThan(0);
      for (const [, , init] of handlers) expect(init).toContain(`withRouteAccess('${pattern}'`);
      expect(source).not.toMatch(/export (async )?function (GET|POST|PUT|PATCH|DELETE)/);
    },
  );
});

describe('permitsAccess', () => {
  it('opens an any-permission route to a holder of either permission, and names both when refusing', async () => {
    const { describeRequiredPermission, permitsAccess } = await import('./route-access');
    const followUps = routeAccess['/follow-ups'];
    expect(permitsAccess({ roles: ['CLINICIAN'] }, followUps)).toBe(true);
    expect(permitsAccess({ roles: ['COORDINATOR'] }, followUps)).toBe(true);
    expect(permitsAccess({ roles: ['ADMIN'] }, followUps)).toBe(false);
    expect(describeRequiredPermission(followUps)).toBe('followups.complete | followups.overview');
    expect(permitsAccess({ roles: ['CLINICIAN'] }, routeAccess['/quality'])).toBe(false);
    expect(permitsAccess({ roles: ['ADMIN'] }, routeAccess['/quality'])).toBe(true);
  });
});

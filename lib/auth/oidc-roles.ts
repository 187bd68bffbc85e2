// Relative on purpose: next.config.ts loads this file (through lib/env.ts), and its loader does not apply tsconfig paths correctly.
import { roles, type Role } from '../authz/roles';

/** Parses OIDC_ROLE_MAP ("idp-group=ROLE,other=ROLE") into IdP role → Konsil role. */
export function parseRoleMap(spec: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const pair of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [from, to] = pair.split('=').map((s) => s.trim());
    if (!from || !to || !(roles as readonly string[]).includes(to)) {
      throw new Error(`OIDC_ROLE_MAP entry "${pair}" must look like "idp-role=${roles.join('|')}"`);
    }
    map.set(from, to as Role);
  }
  return map;
}

/** Reads a claim by dotted path, e.g. "realm_access.roles" in a Keycloak token. */
export function readClaim(claims: Record<string, unknown>, path: string): unknown {
  let value: unknown = claims;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The Konsil roles an SSO user holds; unknown IdP roles are ignored, order is stable. */
export function mapOidcRoles(claims: Record<string, unknown>, claimPath: string, roleMap: Map<string, Role>): Role[] {
  const raw = readClaim(claims, claimPath);
  const idpRoles = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,]+/) : [];
  const mapped = new Set<Role>();
  for (const idpRole of idpRoles) {
    if (typeof idpRole !== 'string') continue;
    const role = roleMap.get(idpRole);
    if (role) mapped.add(role);
  }
  return roles.filter((r) => mapped.has(r));
}

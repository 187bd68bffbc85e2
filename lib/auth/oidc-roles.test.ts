import { describe, expect, it } from 'vitest';
import { mapOidcRoles, parseRoleMap } from './oidc-roles';

const map = parseRoleMap('tb-admin=ADMIN, tb-coord=COORDINATOR,tb-doc=CLINICIAN');

describe('OIDC role mapping', () => {
  it('maps known IdP roles from an array claim and ignores the rest', () => {
    expect(mapOidcRoles({ roles: ['tb-doc', 'payroll', 'tb-admin'] }, 'roles', map)).toEqual(['CLINICIAN', 'ADMIN']);
  });
  it('walks dotted claim paths (Keycloak realm_access.roles)', () => {
    expect(mapOidcRoles({ realm_access: { roles: ['tb-coord'] } }, 'realm_access.roles', map)).toEqual(['COORDINATOR']);
  });
  it('accepts a space- or comma-separated string claim', () => {
    expect(mapOidcRoles({ groups: 'tb-doc tb-coord' }, 'groups', map)).toEqual(['CLINICIAN', 'COORDINATOR']);
  });
  it('gives no role when the claim is missing or malformed', () => {
    expect(mapOidcRoles({}, 'roles', map)).toEqual([]);
    expect(mapOidcRoles({ roles: 42 }, 'roles', map)).toEqual([]);
    expect(mapOidcRoles({ roles: [{ name: 'tb-doc' }] }, 'roles', map)).toEqual([]);
  });
  it('rejects a role map that names an unknown Konsil role', () => {
    expect(() => parseRoleMap('x=SUPERUSER')).toThrow(/OIDC_ROLE_MAP/);
    expect(() => parseRoleMap('novalue')).toThrow(/OIDC_ROLE_MAP/);
  });
});

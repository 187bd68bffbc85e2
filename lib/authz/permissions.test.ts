import { describe, expect, it } from 'vitest';
import { can, permissionTable, permissions } from './permissions';
import { roles } from './roles';

describe('can', () => {
  it('grants exactly what the table lists, for every role and permission', () => {
    for (const permission of permissions) {
      for (const role of roles) {
        const expected = (permissionTable[permission] as readonly string[]).includes(role);
        expect(can({ roles: [role] }, permission), `${role} ${permission}`).toBe(expected);
      }
    }
  });

  it('unions the permissions of several roles', () => {
    expect(can({ roles: ['ADMIN'] }, 'cases.read')).toBe(false);
    expect(can({ roles: ['ADMIN', 'CLINICIAN'] }, 'cases.read')).toBe(true);
  });

  it('denies anonymous actors and actors without roles', () => {
    expect(can(null, 'cases.read')).toBe(false);
    expect(can({ roles: [] }, 'audit.read')).toBe(false);
  });

  it('keeps administration away from patient data (separation of duties)', () => {
    expect(can({ roles: ['ADMIN'] }, 'cases.read')).toBe(false);
    expect(can({ roles: ['CLINICIAN'] }, 'users.manage')).toBe(false);
    expect(can({ roles: ['COORDINATOR'] }, 'audit.read')).toBe(false);
  });

  it('gives the board workflow to the roles the issue names', () => {
    // Coordinators run the board (triage, agenda, publication) but never write or sign a decision;
    // clinicians decide and sign, but do not reorder agendas or triage referrals.
    expect(can({ roles: ['COORDINATOR'] }, 'decisions.sign')).toBe(false);
    expect(can({ roles: ['COORDINATOR'] }, 'decisions.edit')).toBe(false);
    expect(can({ roles: ['CLINICIAN'] }, 'decisions.sign')).toBe(true);
    expect(can({ roles: ['CLINICIAN'] }, 'meetings.manage')).toBe(false);
    expect(can({ roles: ['CLINICIAN'] }, 'referrals.triage')).toBe(false);
    expect(can({ roles: ['ADMIN'] }, 'meetings.attend')).toBe(false);
  });

  it('closes the loop with the people the issue names', () => {
    // The follow-up is the referrer's to complete; coordinators chase overdue ones; the quality
    // dashboard is aggregates, so admins see it without patient access.
    expect(can({ roles: ['COORDINATOR'] }, 'followups.complete')).toBe(false);
    expect(can({ roles: ['CLINICIAN'] }, 'followups.overview')).toBe(false);
    expect(can({ roles: ['ADMIN'] }, 'quality.read')).toBe(true);
    expect(can({ roles: ['CLINICIAN'] }, 'quality.read')).toBe(false);
    expect(can({ roles: ['ADMIN'] }, 'decisions.export')).toBe(false);
  });
});

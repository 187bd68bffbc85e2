// THE permission table. Every page, server action and route handler names one of
// these permissions (see lib/authz/route-access.ts and lib/actions/*), and
// nothing else decides who may do what. Adding a permission here is the only way
// to grant anything; the allow/deny matrix tests read this table.
import type { Role } from './roles';

export const permissionTable = {
  // Patient data and cases
  'cases.read': ['CLINICIAN', 'COORDINATOR'],
  'cases.refer': ['CLINICIAN'],
  // Clinical annotations on a case: measurements and key images on its images, confirming
  // or rejecting facts extracted from its reports. Clinical judgement, so clinicians only.
  'cases.annotate': ['CLINICIAN'],
  // Images of patients in the actor's case scope, through Konsil's DICOMweb endpoints
  'imaging.read': ['CLINICIAN', 'COORDINATOR'],
  // Bringing hospital data in (FHIR bundles, DICOM files): the people who prepare boards and run the system
  'imports.run': ['COORDINATOR', 'ADMIN'],
  // Boards and meetings
  'meetings.read': ['CLINICIAN', 'COORDINATOR'],
  'meetings.manage': ['COORDINATOR'],
  'boards.manage': ['COORDINATOR'],
  // Decision support models
  'models.read': ['CLINICIAN', 'ADMIN'],
  'models.manage': ['ADMIN'],
  // A case's model results (inputs, outputs, explanations) and asking for a fresh run: aids to
  // clinical judgement, so clinicians only (marking a result is `cases.annotate`).
  'inference.read': ['CLINICIAN'],
  'inference.run': ['CLINICIAN'],
  // Administration
  'users.read': ['ADMIN'],
  'users.manage': ['ADMIN'],
  'audit.read': ['ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionTable;
export const permissions = Object.keys(permissionTable) as Permission[];

/** Anything with roles: an actor, a session user, a test fixture. */
export interface HasRoles {
  readonly roles: readonly Role[];
}

export function can(actor: HasRoles | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  const allowed: readonly Role[] = permissionTable[permission];
  return actor.roles.some((role) => allowed.includes(role));
}

export function rolesWith(permission: Permission): readonly Role[] {
  return permissionTable[permission];
}

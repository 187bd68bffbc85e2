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
  // Scheduling, moving and cancelling meetings; building, ordering and publishing agendas;
  // reminders and postponing a case: the coordinator's work.
  'meetings.manage': ['COORDINATOR'],
  'boards.manage': ['COORDINATOR'],
  // The referral inbox: accept into a meeting, reject with a reason, ask the referrer for more.
  'referrals.triage': ['COORDINATOR'],
  // Joining a meeting's live view (and being counted in its attendance).
  'meetings.attend': ['CLINICIAN', 'COORDINATOR'],
  // Moving the live meeting through its agenda and marking cases discussed / deferred. Row-level:
  // the board's chair or coordinator, or the case's presenter (lib/db/live/presenter-rights.ts).
  'meetings.present': ['CLINICIAN', 'COORDINATOR'],
  // The board's decision on a case: writing the draft and signing it are clinical acts. Row-level:
  // signing needs the board's CHAIR membership. Coordinators never sign.
  'decisions.edit': ['CLINICIAN'],
  'decisions.sign': ['CLINICIAN'],
  // Getting a decision out: protocol PDFs (per case, per meeting) and the FHIR export, within
  // the actor's case / meeting scope. Coordinators send the board's protocol; clinicians the letter.
  'decisions.export': ['CLINICIAN', 'COORDINATOR'],
  // Closing the loop: the follow-up task's owner (the referrer, or whoever the decision names)
  // records whether the recommendation was implemented. Row-level: only the owner.
  'followups.complete': ['CLINICIAN'],
  // Overdue follow-ups of the boards one coordinates: the coordinator chases them.
  'followups.overview': ['COORDINATOR'],
  // The quality dashboard (aggregates per board and period, CSV export): no patient rows.
  'quality.read': ['COORDINATOR', 'ADMIN'],
  // One's own in-app notifications.
  'notifications.read': ['CLINICIAN', 'COORDINATOR', 'ADMIN'],
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

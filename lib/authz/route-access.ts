// Who may open which page or route handler, keyed by the route's file-system
// pattern under app/ (route groups removed). Pages enforce it with
// `guardPage(pattern)`; route handlers with `guardRoute(pattern)`.
// lib/authz/route-access.test.ts fails when a page or route exists without an
// entry here, and e2e/authz/route-matrix.spec.ts checks every entry for every role.
import { can as canByTable, type Permission } from './permissions';
import type { Role } from './roles';

export type RouteAccess =
  | { kind: 'public' }
  /** Any signed-in, active user. */
  | { kind: 'signed-in' }
  | { kind: 'permission'; permission: Permission }
  /** Pages serving two roles with different work (e.g. /follow-ups): any one of the permissions opens it; the page shows what each grants. */
  | { kind: 'any-permission'; permissions: readonly Permission[] };

const publicRoute = { kind: 'public' } as const;
const signedIn = { kind: 'signed-in' } as const;
const needs = <P extends Permission>(permission: P) => ({ kind: 'permission', permission }) as const;
const needsAnyOf = <P extends Permission>(...permissions: P[]) => ({ kind: 'any-permission', permissions }) as const;

export const routeAccess = {
  // pages
  '/signin': publicRoute,
  '/': signedIn,
  '/cases': needs('cases.read'),
  '/cases/[caseId]': needs('cases.read'),
  '/meetings': needs('meetings.read'),
  // Board administration is coordinators' work; clinicians see their boards through cases and
  // meetings, and get 403 here (the schedule part of /boards/[boardId] also needs meetings.manage).
  '/boards': needs('boards.manage'),
  '/boards/new': needs('boards.manage'),
  '/boards/[boardId]': needs('boards.manage'),
  // Referrals: the coordinator's triage inbox and the clinician's own referrals (one page, sections by permission)
  '/referrals': needs('cases.read'),
  '/referrals/new': needs('cases.refer'),
  // The agenda builder of one meeting (coordinators of its board)
  '/meetings/[meetingId]/agenda': needs('meetings.manage'),
  // A meeting's overview: agenda, each case's preparation checklist, publication (lib/db/preparation/)
  '/meetings/[meetingId]': needs('meetings.read'),
  // One's own in-app notifications
  '/notifications': needs('notifications.read'),
  // A meeting's live view: follows the presenter through the agenda (lib/db/live/, docs/live-mode.md)
  '/meetings/[meetingId]/live': needs('meetings.attend'),
  '/admin/users': needs('users.read'),
  '/admin/users/[userId]': needs('users.read'),
  '/admin/models': needs('models.manage'),
  '/admin/models/[versionId]': needs('models.manage'),
  '/admin/audit': needs('audit.read'),
  '/imports': needs('imports.run'),
  // Closing the loop: the clinician's own follow-up tasks, and the overdue ones of the boards a
  // coordinator coordinates (one page, sections by permission; lib/db/follow-ups/)
  '/follow-ups': needsAnyOf('followups.complete', 'followups.overview'),
  // The quality dashboard: aggregates per board and period (lib/db/quality/, docs/quality-dashboard.md)
  '/quality': needs('quality.read'),
  // route handlers
  '/api/auth/[...nextauth]': publicRoute,
  '/api/health': publicRoute,
  // FHIR-style import endpoint: POST [base] (Bundle) and POST [base]/[type] (one resource)
  '/api/fhir': needs('imports.run'),
  '/api/fhir/[resourceType]': needs('imports.run'),
  // A case's measurements and key images, polled by the open case screen
  '/api/cases/[caseId]/annotations': needs('cases.read'),
  // A case's decision-support results (models' inputs, outputs, explanations), polled by the case screen
  '/api/cases/[caseId]/inference': needs('inference.read'),
  '/api/cases/[caseId]/decisions': needs('cases.read'),
  // The model registry: list (GET) and upload of a new version (POST, multipart)
  '/api/admin/models': needs('models.manage'),
  // Uploads for import and the progress of import jobs
  '/api/imports': needs('imports.run'),
  '/api/imports/[jobId]': needs('imports.run'),
  // A meeting's latest agenda handout (PDF), audited download
  '/api/meetings/[meetingId]/handout': needs('meetings.read'),
  // A stored case or meeting protocol (PDF) by id, audited download (lib/db/protocols/)
  '/api/documents/[documentId]': needs('decisions.export'),
  // A signed decision as a FHIR R4 Bundle (lib/fhir/export/), audited export
  '/api/decisions/[decisionId]/fhir': needs('decisions.export'),
  // A meeting's live state as Server-Sent Events (the fan-out of the live view)
  '/api/meetings/[meetingId]/live': needs('meetings.attend'),
  // DICOMweb (QIDO-RS, WADO-RS, WADO-URI) over Konsil's store or the configured PACS
  '/api/dicomweb/[...path]': needs('imaging.read'),
  // The quality dashboard's figures as CSV (one row per metric), audited as quality.export
  '/api/quality/export': needs('quality.read'),
} as const satisfies Record<string, RouteAccess>;

export type RoutePattern = keyof typeof routeAccess;

export function accessFor(pattern: RoutePattern): RouteAccess {
  return routeAccess[pattern];
}

/** Patterns whose access kind is not public: their guards always return an actor. */
export type ProtectedRoutePattern = {
  [P in RoutePattern]: (typeof routeAccess)[P]['kind'] extends 'public' ? never : P;
}[RoutePattern];

/** Whether navigation should offer this route to the actor (the page checks again). */
export function canOpen(actor: { roles: readonly Role[] } | null, pattern: RoutePattern): boolean {
  const access = accessFor(pattern);
  if (access.kind === 'public') return true;
  if (!actor) return false;
  return permitsAccess(actor, access);
}

/** Whether a signed-in actor passes a route's permission check (guards, navigation and the e2e matrix share this). */
export function permitsAccess(actor: { roles: readonly Role[] }, access: RouteAccess): boolean {
  switch (access.kind) {
    case 'public':
    case 'signed-in':
      return true;
    case 'permission':
      return canByTable(actor, access.permission);
    case 'any-permission':
      return access.permissions.some((permission) => canByTable(actor, permission));
  }
}

/** The permission(s) a route needs, as written into an access.denied audit event. */
export function describeRequiredPermission(access: RouteAccess): string | undefined {
  if (access.kind === 'permission') return access.permission;
  if (access.kind === 'any-permission') return access.permissions.join(' | ');
  return undefined;
}

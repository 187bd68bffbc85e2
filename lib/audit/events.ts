// Every kind of audit event, each with the schema of its `detail`. An event that
// is not listed here cannot be written, and a detail that does not match its
// schema fails the surrounding transaction (so the change fails with it).
import { z } from 'zod';
import { roles } from '@/lib/authz/roles';

const roleList = z.array(z.enum(roles));
const signInMethod = z.enum(['password', 'oidc']);

export const auditEventDetails = {
  /** A user signed in. */
  'auth.signin': z.object({ method: signInMethod }),
  /** A sign-in was refused; `reason` says why (never the password). */
  'auth.signin_failed': z.object({
    method: signInMethod,
    email: z.string().max(320).optional(),
    // demo_account: a demo account tried to sign in while demo mode is off.
    // email_conflict: an SSO login named the e-mail of an account it may not take over.
    reason: z.enum(['bad_credentials', 'rate_limited', 'inactive', 'no_role', 'invalid_input', 'demo_account', 'email_conflict']),
  }),
  /** A user signed out. */
  'auth.signout': z.object({}),
  /** A signed-in user was refused a page, route or action by the permission table. */
  'access.denied': z.object({ target: z.string().max(500), permission: z.string().max(100).optional() }),
  /** An admin created a local account. */
  'user.create': z.object({ email: z.string(), roles: roleList }),
  /** A user was created or updated from the hospital's SSO on sign-in. */
  'user.provision_sso': z.object({ issuer: z.string(), roles: roleList, created: z.boolean() }),
  /** An admin changed a user's roles. */
  'user.roles_change': z.object({ before: roleList, after: roleList }),
  /** An admin changed a user's name, title or specialty. */
  'user.profile_change': z.object({ fields: z.array(z.string()) }),
  /** An admin deactivated a user; every session of theirs ends at once. */
  'user.deactivate': z.object({ reason: z.string().max(500).optional() }),
  /** An admin re-activated a user. */
  'user.reactivate': z.object({}),
  /** An admin set a new password for a local account. */
  'user.password_reset': z.object({}),
  /** A user list was read by an admin. */
  'user.list': z.object({ count: z.number().int() }),
  /** Someone read a list of cases; one row per patient shown. */
  'case.list': z.object({ caseIds: z.array(z.string()) }),
  /**
   * Someone opened a case screen. One event per panel read (header = the case was opened),
   * each in the same transaction as the read, so the trail shows exactly what was shown.
   */
  'case.view': z.object({ panel: z.enum(['header', 'timeline', 'labs', 'reports', 'imaging', 'annotations', 'decision-support']), count: z.number().int().optional() }),
  /** A clinician saved a measurement on an image of a case. */
  'case.measurement_create': z.object({ kind: z.string(), sopInstanceUid: z.string(), frameNumber: z.number().int() }),
  /** A clinician marked a measurement removed (the row stays). */
  'case.measurement_remove': z.object({ measurementId: z.string() }),
  /** A clinician marked an image as a key image for the board, or took the mark back. */
  'case.key_image_mark': z.object({ sopInstanceUid: z.string(), frameNumber: z.number().int() }),
  'case.key_image_unmark': z.object({ keyImageId: z.string(), sopInstanceUid: z.string() }),
  /** A clinician confirmed or rejected a fact extracted from a report; `previous` is the earlier verdict, if any. */
  'report.fact_review': z.object({
    reportId: z.string(),
    factKey: z.string().max(300),
    kind: z.string(),
    value: z.string().max(300),
    status: z.enum(['CONFIRMED', 'REJECTED']),
    previous: z.enum(['CONFIRMED', 'REJECTED']).nullable(),
  }),
  /** Someone read the audit log (reading the trail is itself audited). */
  'audit.view': z.object({ filters: z.record(z.string(), z.string()), count: z.number().int() }),
  /** An import was queued (upload in the UI, POST to the API, CLI, seed). */
  'import.request': z.object({
    jobId: z.string(),
    kind: z.enum(['FHIR', 'DICOM']),
    channel: z.enum(['ui', 'api', 'cli', 'seed']),
    sourceName: z.string().max(500),
    bytes: z.number().int().nonnegative(),
  }),
  /** An import finished; one event for the job (counts), `outcome` FAILURE when nothing was stored. */
  'import.finish': z.object({
    jobId: z.string().optional(),
    kind: z.enum(['FHIR', 'DICOM']),
    status: z.enum(['SUCCEEDED', 'PARTIAL', 'FAILED']),
    counts: z.record(z.string(), z.number().int()),
  }),
  /** FHIR resources of one patient were written by an import (one event per patient, same transaction). */
  'import.fhir_patient': z.object({
    jobId: z.string().optional(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    resourceTypes: z.record(z.string(), z.number().int()),
  }),
  /** DICOM objects of one patient's study were stored by an import (one event per patient and study). */
  'import.dicom_study': z.object({
    jobId: z.string().optional(),
    studyInstanceUid: z.string(),
    instancesCreated: z.number().int(),
    instancesUnchanged: z.number().int(),
    patientCreated: z.boolean().optional(),
  }),
  /** Images or their metadata were read through DICOMweb (Konsil's store or the PACS proxy). */
  'imaging.read': z.object({
    service: z.enum(['qido', 'wado-rs', 'wado-uri']),
    level: z.enum(['studies', 'series', 'instances', 'metadata', 'frames', 'instance', 'rendered', 'thumbnail']),
    studyInstanceUid: z.string().optional(),
    seriesInstanceUid: z.string().optional(),
    sopInstanceUid: z.string().optional(),
    source: z.enum(['local', 'pacs']),
  }),
  /** An admin (or the seed, for models shipped in models/) registered a model version that passed validation. */
  'model.register': z.object({
    modelKey: z.string(),
    semver: z.string(),
    fileSha256: z.string(),
    bytes: z.number().int().nonnegative(),
    source: z.enum(['upload', 'shipped']),
  }),
  /** A model upload was refused by validation; nothing was stored. `reasons` are the messages the admin saw. */
  'model.register_reject': z.object({
    modelKey: z.string().max(200).nullable(),
    semver: z.string().max(50).nullable(),
    fileSha256: z.string(),
    bytes: z.number().int().nonnegative(),
    source: z.enum(['upload', 'shipped']),
    reasons: z.array(z.object({ code: z.string(), message: z.string().max(1000) })).max(50),
  }),
  /**
   * A model version changed status: shadow, activate, rollback, retire, or `replaced` for the
   * previous active version an activation retired. One event per version changed, with the reason.
   */
  'model.status_change': z.object({
    modelKey: z.string(),
    semver: z.string(),
    transition: z.enum(['shadow', 'activate', 'rollback', 'retire', 'replaced']),
    from: z.string(),
    to: z.string(),
    reason: z.string().max(500),
    /** The other version of the change: the one activated instead, or the one a rollback returned to. */
    otherVersionId: z.string().optional(),
  }),
  /** A model ran on a case (one event per result, in the transaction that stores it); `shadow` runs are admin-only. */
  'inference.run': z.object({
    resultId: z.string(),
    modelVersionId: z.string(),
    modelKey: z.string(),
    semver: z.string(),
    status: z.enum(['SCORED', 'SCORED_WITH_FLAGS', 'NOT_SCORED', 'FAILED']),
    trigger: z.enum(['AUTO_PREPARE', 'ON_DEMAND']),
    shadow: z.boolean(),
    inputHash: z.string(),
  }),
  /** A clinician marked a result as considered, or disagreed with it (reason in the review row). */
  'inference.review': z.object({
    resultId: z.string(),
    modelKey: z.string(),
    number: z.number().int(),
    mark: z.enum(['CONSIDERED', 'DISAGREE']),
    previous: z.enum(['CONSIDERED', 'DISAGREE']).nullable(),
  }),
  /** An admin compared a shadow version's results with the active version's (one event per patient shown). */
  'inference.shadow_compare': z.object({ modelVersionId: z.string(), caseIds: z.array(z.string()) }),
  /** The demo/test seed wrote data outside any user's request. */
  'system.seed': z.object({ world: z.string(), counts: z.record(z.string(), z.number().int()) }),
  // ── Boards and the meeting schedule (lib/db/boards.ts, lib/db/meeting-schedule/) ──
  /** A coordinator created a board. */
  'board.create': z.object({ slug: z.string(), name: z.string(), recurrence: z.string().nullable(), timeZone: z.string() }),
  /** A coordinator changed a board's settings; `fields` names what changed. */
  'board.update': z.object({ fields: z.array(z.string()), recurrence: z.string().nullable(), timeZone: z.string() }),
  /** A coordinator added a member, changed their board role, or removed them (`role` null). */
  'board.member_set': z.object({ userId: z.string(), role: z.enum(['CHAIR', 'MEMBER', 'COORDINATOR']).nullable(), previous: z.enum(['CHAIR', 'MEMBER', 'COORDINATOR']).nullable() }),
  /** Meetings were generated from a board's recurrence (only the ones that did not exist yet). */
  'meeting.generate': z.object({ boardId: z.string(), until: z.string(), startsAt: z.array(z.string()).max(500) }),
  /** A meeting was moved to another time; `from` stays reserved so generation never refills it. */
  'meeting.move': z.object({ boardId: z.string(), from: z.string(), to: z.string() }),
  /** A meeting was cancelled; its open agenda items and pending referrals went to `movedToMeetingId`. */
  'meeting.cancel': z.object({
    boardId: z.string(),
    startsAt: z.string(),
    reason: z.string().max(500),
    movedToMeetingId: z.string(),
    movedItemIds: z.array(z.string()),
    retargetedCaseIds: z.array(z.string()),
    notified: z.number().int().nonnegative(),
  }),
  /** A case moved from a cancelled meeting to the next one (one event per case, with its patient). */
  'case.meeting_change': z.object({ fromMeetingId: z.string(), toMeetingId: z.string(), agendaItemId: z.string().nullable(), cause: z.literal('meeting_cancelled') }),

  // ── Referral, triage and the agenda builder (docs/referral-and-agenda.md) ──
  /** A clinician searched patients to refer (one event per patient shown). */
  'referral.patient_search': z.object({ query: z.string().max(100), count: z.number().int() }),
  /** A clinician opened the referral form for a patient: staging, ECOG and the material offered were read. */
  'referral.prepare': z.object({ imagingStudies: z.number().int(), reports: z.number().int(), labs: z.number().int() }),
  /** A clinician referred a case to a board; `meetingId` is the deadline rule's choice (null: no open meeting). */
  'referral.create': z.object({ boardId: z.string(), meetingId: z.string().nullable(), urgency: z.enum(['ROUTINE', 'URGENT']), materialCount: z.number().int() }),
  /** A coordinator accepted a referral onto a meeting's agenda; `override` when not the rule's meeting. */
  'referral.accept': z.object({ meetingId: z.string(), agendaItemId: z.string(), override: z.boolean() }),
  /** A coordinator rejected a referral (the reason is in the case's statusReason). */
  'referral.reject': z.object({ reason: z.string().max(500) }),
  /** A coordinator asked the referrer for more information. */
  'referral.request_info': z.object({ question: z.string().max(1000) }),
  /** The referrer answered; the case is back in triage. */
  'referral.answer_info': z.object({ answerLength: z.number().int() }),
  /** A change to a meeting's agenda (entity: the Meeting); `agendaVersion` is the version it produced. */
  'agenda.add': z.object({ caseId: z.string(), agendaItemId: z.string(), position: z.number().int(), agendaVersion: z.number().int() }),
  'agenda.reorder': z.object({ itemIds: z.array(z.string()), agendaVersion: z.number().int() }),
  'agenda.set_minutes': z.object({ agendaItemId: z.string(), minutes: z.number().int(), previous: z.number().int(), agendaVersion: z.number().int() }),
  'agenda.remove': z.object({ caseId: z.string(), agendaItemId: z.string(), agendaVersion: z.number().int() }),
  // ── Meeting preparation and agenda publication (lib/db/preparation/) ──
  /** Someone opened a meeting's overview: one event per case shown (its patient), naming the meeting. */
  'meeting.preparation_view': z.object({ meetingId: z.string(), score: z.number().min(0).max(1).optional() }),
  /** A radiologist or pathologist marked their review of a case done, or took the mark back (`undo`). */
  'case.review_mark': z.object({ specialty: z.enum(['RADIOLOGY', 'PATHOLOGY']), undo: z.boolean() }),
  /** A coordinator sent a preparation reminder for a case: what was missing, to how many, with or without e-mail. */
  'meeting.reminder_send': z.object({
    meetingId: z.string(),
    agendaItemId: z.string(),
    missing: z.array(z.string().max(300)).max(20),
    recipientIds: z.array(z.string()),
    email: z.boolean(),
  }),
  /** A coordinator postponed a case on a meeting's agenda, with the reason; `agendaVersion` is the new version. */
  'meeting.case_postpone': z.object({ meetingId: z.string(), agendaItemId: z.string(), reason: z.string().max(500), agendaVersion: z.number().int() }),
  /**
   * A coordinator published (or republished) a meeting's agenda: the snapshot's revision, the handout's
   * document id and sha256 (the bytes' fingerprint), the cases it names, and how many were notified.
   */
  'meeting.agenda_publish': z.object({
    meetingId: z.string(),
    revision: z.number().int().positive(),
    agendaVersion: z.number().int(),
    documentId: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    caseIds: z.array(z.string()),
    notified: z.number().int().nonnegative(),
  }),
  /** Someone downloaded a generated document (the agenda handout); `sha256` of the bytes sent. */
  'document.download': z.object({ documentId: z.string(), kind: z.enum(['AGENDA_HANDOUT', 'CASE_PROTOCOL', 'MEETING_PROTOCOL']), sha256: z.string(), meetingId: z.string().nullable() }),
  // ── Live meeting (lib/db/live/) ─────────────────────────────────────────────────────
  /** A chair or coordinator started a meeting's live mode (meeting LIVE, first case on screen). */
  'live.start': z.object({ seq: z.number().int(), itemId: z.string().nullable() }),
  /** The presenter moved the live meeting to an agenda item (everyone's screen follows). */
  'live.goto': z.object({ seq: z.number().int(), itemId: z.string(), fromItemId: z.string().nullable(), direction: z.enum(['next', 'previous', 'jump']) }),
  /** The presenter shared (or stopped sharing) the image view attendees follow. */
  'live.view': z.object({ seq: z.number().int(), shared: z.boolean(), seriesInstanceUid: z.string().optional(), sliceIndex: z.number().int().optional() }),
  /** The presenter marked the current case discussed or deferred (the reason is on the agenda item). */
  'live.mark': z.object({ seq: z.number().int(), itemId: z.string(), mark: z.enum(['DISCUSSED', 'DEFERRED']) }),
  /** The live meeting ended (meeting CLOSED). */
  'live.end': z.object({ seq: z.number().int() }),
  /** A user opened a meeting's live stream (attendance recorded); `firstJoin` on their first. */
  'live.join': z.object({ specialty: z.string().nullable(), firstJoin: z.boolean() }),
  // ── Board decisions (lib/db/decisions/) ─────────────────────────────────────────────
  /** The decision draft (or amendment draft) of a case was created or saved (autosave included). */
  'decision.draft_save': z.object({ decisionId: z.string(), meetingId: z.string().nullable(), version: z.number().int(), created: z.boolean() }),
  /** A user read a case's decisions (drafts, signed versions, follow-up). */
  'decision.read': z.object({ decisionIds: z.array(z.string()) }),
  /** The chair signed a decision: a new immutable version (an amendment when number > 1). */
  'decision.sign': z.object({
    decisionId: z.string(),
    meetingId: z.string().nullable(),
    versionNumber: z.number().int(),
    contentSha256: z.string(),
    amendmentReason: z.string().nullable(),
    consideredResultIds: z.array(z.string()),
  }),
  /** A signed decision was opened for amendment (its signed versions stay as they are). */
  'decision.amend_start': z.object({ decisionId: z.string(), fromVersionNumber: z.number().int() }),
  /** An amendment was abandoned: the decision is back to its newest signed version. */
  'decision.amend_cancel': z.object({ decisionId: z.string(), versionNumber: z.number().int() }),
  /** Signing created (or an amendment re-targeted) the decision's follow-up task. */
  'follow_up.create': z.object({ taskId: z.string(), decisionId: z.string(), ownerId: z.string(), dueOn: z.string(), updated: z.boolean() }),
  // ── Follow-up and quality (lib/db/follow-ups/, lib/db/quality/) ─────────────────────
  /**
   * A follow-up task's owner recorded whether the signed recommendation was carried out; a
   * `correction` replaces an earlier outcome (`previousOutcome`). `caseClosed`: the case went DECIDED → CLOSED.
   */
  'follow_up.complete': z.object({
    taskId: z.string(),
    decisionId: z.string(),
    outcome: z.enum(['IMPLEMENTED', 'MODIFIED', 'NOT_IMPLEMENTED']),
    reason: z.string().nullable(),
    correction: z.boolean(),
    previousOutcome: z.enum(['IMPLEMENTED', 'MODIFIED', 'NOT_IMPLEMENTED']).nullable(),
    caseClosed: z.boolean(),
  }),
  /** A follow-up list showed this patient's task (pseudonym, recommendation): `mine` = the owner's list, `overdue` = a coordinator's. */
  'follow_up.list': z.object({ view: z.enum(['mine', 'overdue', 'case']), taskId: z.string() }),
  /** The overdue job told a task's owner that the follow-up is overdue (once per task; no user acting). */
  'follow_up.overdue_notify': z.object({ taskId: z.string(), ownerId: z.string(), dueOn: z.string(), notificationId: z.string() }),
  /** Someone opened the quality dashboard (aggregates only, no patient rows): the filters used. */
  'quality.read': z.object({ boardIds: z.array(z.string()), from: z.string(), to: z.string() }),
  /** Someone downloaded the quality figures as CSV: the filters and how many metric rows went out. */
  'quality.export': z.object({ boardIds: z.array(z.string()), from: z.string(), to: z.string(), rows: z.number().int().nonnegative() }),

  // ── Protocols and FHIR export (lib/db/protocols/, docs/protocols-and-fhir-export.md) ──
  /**
   * A protocol PDF was generated and stored (`sha256` of the stored bytes). A case protocol names
   * the decision version it holds; a meeting protocol is one event per patient on its agenda.
   */
  'protocol.generate': z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('CASE_PROTOCOL'),
      documentId: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      decisionId: z.string(),
      decisionVersion: z.number().int().positive(),
      caseId: z.string(),
      meetingId: z.string().nullable(),
    }),
    z.object({
      kind: z.literal('MEETING_PROTOCOL'),
      documentId: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      meetingId: z.string(),
      signedDecisions: z.number().int().nonnegative(),
    }),
  ]),
  /** A signed decision left Konsil as a FHIR Bundle (the newest version; `sha256` of the JSON sent). */
  'decision.export_fhir': z.object({
    decisionId: z.string(),
    decisionVersion: z.number().int().positive(),
    resources: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  /** A user read the decisions imported for a case's patient (FHIR CarePlans from other systems). */
  'imported_decision.read': z.object({ caseId: z.string(), importedDecisionIds: z.array(z.string()) }),
} as const;

export type AuditAction = keyof typeof auditEventDetails;
export const auditActions = Object.keys(auditEventDetails) as AuditAction[];
export type AuditDetail<A extends AuditAction> = z.input<(typeof auditEventDetails)[A]>;

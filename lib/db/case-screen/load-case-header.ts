import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { can } from '@/lib/authz/permissions';
import { ageInYears } from '@/lib/format/date';
import type { CaseStatus } from '@/lib/schemas/case';
import type { CaseHeaderDto } from '@/lib/schemas/case-screen';
import { db } from '../client';
import { findCaseInScope } from '../case-scope-lookup';
import { auditCaseView } from './audit-case-view';
import { fetchHeaderRow, fetchObservations, fetchReviews, type HeaderRow, type ObservationRow, type ReviewRow } from './case-rows';
import { newestFactPerKind, summarizeStaging } from './staging-summary';

/** Shown in their own header fields, not in the list of other confirmed facts. */
const HEADER_FIELDS = new Set(['TNM', 'STAGE_GROUP', 'ECOG']);

/**
 * The case screen's header. Opening a case is audited here (`case.view`, panel header)
 * in the same transaction; a case outside the actor's scope is NOT_FOUND.
 */
export async function loadCaseHeader(options: { actor: Actor; caseId: string; now?: Date }): Promise<CaseHeaderDto> {
  const { actor, caseId, now = new Date() } = options;
  assertCan(actor, 'cases.read');
  return db().$transaction(async (tx) => {
    const scoped = await findCaseInScope(tx, actor, caseId);
    const row = await fetchHeaderRow(tx, scoped.id, now);
    const staging = await fetchObservations(tx, scoped.patientId, ['STAGING', 'PERFORMANCE_STATUS']);
    const reviews = await fetchReviews(tx, scoped.id);
    await auditCaseView(tx, actor, scoped, 'header');
    return buildCaseHeader({ actor, row, observations: staging, reviews, now });
  });
}

/** Pure: the header from its rows (observations of any category; only staging and ECOG are read). */
export function buildCaseHeader(input: { actor: Actor; row: HeaderRow; observations: ObservationRow[]; reviews: ReviewRow[]; now: Date }): CaseHeaderDto {
  const { actor, row, observations, now } = input;
  const confirmedRows = input.reviews.filter((r) => r.status === 'CONFIRMED');
  const confirmed = newestFactPerKind(
    confirmedRows.map((r) => ({ kind: r.kind, value: r.value, reportId: r.reportId, reportTitle: r.reportTitle, reportIssuedAt: r.reportIssuedAt, confirmedBy: r.reviewedBy })),
  );
  const staging = summarizeStaging(
    observations.filter((o) => o.category !== 'LABORATORY'),
    confirmed,
  );
  return {
    caseId: row.id,
    patient: {
      id: row.patientId,
      displayName: `${row.familyName}, ${row.givenName}`,
      pseudonym: row.pseudonym,
      mrn: row.mrn,
      birthDate: row.birthDate,
      ageYears: row.birthDate ? ageInYears(row.birthDate, now) : null,
      sex: row.sex as CaseHeaderDto['patient']['sex'],
      isSynthetic: row.isSynthetic,
    },
    entity: row.entity,
    icd10: row.icd10Code ? { code: row.icd10Code, display: row.icd10Display } : null,
    icdO3: row.icdO3Morphology || row.icdO3Topography ? { morphology: row.icdO3Morphology, topography: row.icdO3Topography } : null,
    ...staging,
    confirmedFacts: confirmedRows
      .filter((r) => !HEADER_FIELDS.has(r.kind))
      .sort((a, b) => b.reportIssuedAt.getTime() - a.reportIssuedAt.getTime())
      // The same value confirmed in several reports is listed once (from the newest).
      .filter((r, i, all) => all.findIndex((o) => o.kind === r.kind && o.label === r.label && o.value === r.value) === i)
      .map((r) => ({
        kind: r.kind,
        label: r.label,
        value: r.value,
        assertion: r.assertion,
        reportId: r.reportId,
        reportTitle: r.reportTitle,
        confirmedAt: r.reviewedAt.toISOString(),
      })),
    question: row.question,
    status: row.status as CaseStatus,
    statusReason: row.statusReason,
    urgency: row.urgency as CaseHeaderDto['urgency'],
    board: { id: row.boardId, name: row.boardName, slug: row.boardSlug },
    referredBy: { id: row.referrerId, name: row.referrerName },
    nextMeeting: row.meetingId && row.meetingStartsAt ? { id: row.meetingId, startsAt: row.meetingStartsAt.toISOString(), location: row.meetingLocation } : null,
    can: { annotate: can(actor, 'cases.annotate') },
  };
}

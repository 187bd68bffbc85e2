import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { can } from '@/lib/authz/permissions';
import { ageInYears } from '@/lib/format/date';
import type { CaseHeaderDto } from '@/lib/schemas/case-screen';
import { db, type Tx } from '../client';
import { findCaseInScope } from '../case-scope-lookup';
import { auditCaseView } from './audit-case-view';
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
    const header = await readCaseHeader(tx, actor, scoped.id, now);
    await auditCaseView(tx, actor, scoped, 'header');
    return header;
  });
}

export async function readCaseHeader(tx: Tx, actor: Actor, caseId: string, now: Date): Promise<CaseHeaderDto> {
  const row = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    include: {
      patient: true,
      board: { select: { id: true, name: true, slug: true } },
      referringUser: { select: { id: true, name: true } },
      agendaItems: {
        where: { meeting: { startsAt: { gte: new Date(now.getTime() - 12 * 3600_000) }, status: { not: 'CANCELLED' } } },
        select: { meeting: { select: { id: true, startsAt: true, location: true } } },
        orderBy: { meeting: { startsAt: 'asc' } },
        take: 1,
      },
    },
  });
  const observations = await tx.observation.findMany({
    where: { patientId: row.patientId, category: { in: ['STAGING', 'PERFORMANCE_STATUS'] } },
    select: { loincCode: true, code: true, valueCode: true, valueText: true, valueNumeric: true, effectiveAt: true },
  });
  const reviews = await tx.reportFactReview.findMany({
    where: { caseId, status: 'CONFIRMED' },
    select: {
      kind: true, label: true, value: true, assertion: true, reportId: true, reviewedAt: true,
      report: { select: { title: true, issuedAt: true } },
      reviewedBy: { select: { name: true } },
    },
  });
  const confirmed = newestFactPerKind(
    reviews.map((r) => ({ kind: r.kind, value: r.value, reportId: r.reportId, reportTitle: r.report.title, reportIssuedAt: r.report.issuedAt, confirmedBy: r.reviewedBy.name })),
  );
  const staging = summarizeStaging(observations, confirmed);
  const { patient } = row;
  const meeting = row.agendaItems[0]?.meeting ?? null;

  return {
    caseId: row.id,
    patient: {
      id: patient.id,
      displayName: `${patient.familyName}, ${patient.givenName}`,
      pseudonym: patient.pseudonym,
      mrn: patient.mrn,
      birthDate: patient.birthDate?.toISOString().slice(0, 10) ?? null,
      ageYears: patient.birthDate ? ageInYears(patient.birthDate.toISOString().slice(0, 10), now) : null,
      sex: patient.sex,
      isSynthetic: patient.isSynthetic,
    },
    entity: row.entity,
    icd10: row.icd10Code ? { code: row.icd10Code, display: row.icd10Display } : null,
    icdO3: row.icdO3Morphology || row.icdO3Topography ? { morphology: row.icdO3Morphology, topography: row.icdO3Topography } : null,
    ...staging,
    confirmedFacts: reviews
      .filter((r) => !HEADER_FIELDS.has(r.kind))
      .sort((a, b) => b.report.issuedAt.getTime() - a.report.issuedAt.getTime())
      // The same value confirmed in several reports is listed once (from the newest).
      .filter((r, i, all) => all.findIndex((o) => o.kind === r.kind && o.label === r.label && o.value === r.value) === i)
      .map((r) => ({
        kind: r.kind,
        label: r.label,
        value: r.value,
        assertion: r.assertion,
        reportId: r.reportId,
        reportTitle: r.report.title,
        confirmedAt: r.reviewedAt.toISOString(),
      })),
    question: row.question,
    status: row.status,
    statusReason: row.statusReason,
    urgency: row.urgency,
    board: row.board,
    referredBy: row.referringUser,
    nextMeeting: meeting ? { id: meeting.id, startsAt: meeting.startsAt.toISOString(), location: meeting.location } : null,
    can: { annotate: can(actor, 'cases.annotate') },
  };
}

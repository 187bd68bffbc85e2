import 'server-only';
import type { Tx } from '../client';

// The rows the case screen is built from, each fetched with one statement so a whole
// screen costs few round trips (bench/case-screen.ts measures it against raw SQL).
// Panels that share rows (the timeline needs the reports the reports panel shows, the
// labs chart the therapies the timeline shows) get them from one fetch in
// loadCaseScreenData. Raw SQL where Prisma would issue one query per relation.

export interface HeaderRow {
  id: string;
  question: string;
  entity: string;
  icd10Code: string | null;
  icd10Display: string | null;
  icdO3Morphology: string | null;
  icdO3Topography: string | null;
  status: string;
  statusReason: string | null;
  urgency: string;
  patientId: string;
  familyName: string;
  givenName: string;
  pseudonym: string;
  mrn: string;
  /** YYYY-MM-DD (a date has no time zone; read as text so none is invented). */
  birthDate: string | null;
  sex: string;
  isSynthetic: boolean;
  boardId: string;
  boardName: string;
  boardSlug: string;
  referrerId: string;
  referrerName: string;
  meetingId: string | null;
  meetingStartsAt: Date | null;
  meetingLocation: string | null;
}

/** The case with its patient, board, referrer and next meeting (from 12 h ago, so a meeting under way still shows). */
export async function fetchHeaderRow(tx: Tx, caseId: string, now: Date): Promise<HeaderRow> {
  const since = new Date(now.getTime() - 12 * 3600_000);
  const rows = await tx.$queryRaw<HeaderRow[]>`
    SELECT c.id, c.question, c.entity::text AS entity, c."icd10Code", c."icd10Display", c."icdO3Morphology", c."icdO3Topography",
           c.status::text AS status, c."statusReason", c.urgency::text AS urgency,
           p.id AS "patientId", p."familyName", p."givenName", p.pseudonym, p.mrn, p."birthDate"::text AS "birthDate",
           p.sex::text AS sex, p."isSynthetic",
           b.id AS "boardId", b.name AS "boardName", b.slug AS "boardSlug", u.id AS "referrerId", u.name AS "referrerName",
           m.id AS "meetingId", m."startsAt" AS "meetingStartsAt", m.location AS "meetingLocation"
    FROM cases c
    JOIN patients p ON p.id = c."patientId"
    JOIN boards b ON b.id = c."boardId"
    JOIN users u ON u.id = c."referringUserId"
    LEFT JOIN LATERAL (
      SELECT mt.id, mt."startsAt", mt.location FROM agenda_items ai JOIN meetings mt ON mt.id = ai."meetingId"
      WHERE ai."caseId" = c.id AND mt."startsAt" >= ${since} AND mt.status <> 'CANCELLED'
      ORDER BY mt."startsAt" LIMIT 1
    ) m ON true
    WHERE c.id = ${caseId}`;
  const row = rows[0];
  if (!row) throw new Error(`case ${caseId} vanished inside its own transaction`);
  return row;
}

export interface ObservationRow {
  id: string;
  category: 'LABORATORY' | 'STAGING' | 'PERFORMANCE_STATUS';
  loincCode: string | null;
  codeSystem: string | null;
  code: string | null;
  display: string;
  valueNumeric: number | null;
  valueText: string | null;
  valueCode: string | null;
  unit: string | null;
  referenceLow: number | null;
  referenceHigh: number | null;
  referenceText: string | null;
  interpretation: string | null;
  effectiveAt: Date;
}

/** Laboratory, staging and performance-status observations, oldest first. */
export async function fetchObservations(tx: Tx, patientId: string, categories: ObservationRow['category'][]): Promise<ObservationRow[]> {
  return tx.observation.findMany({
    where: { patientId, category: { in: categories } },
    orderBy: [{ effectiveAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true, category: true, loincCode: true, codeSystem: true, code: true, display: true, valueNumeric: true, valueText: true, valueCode: true,
      unit: true, referenceLow: true, referenceHigh: true, referenceText: true, interpretation: true, effectiveAt: true,
    },
  }) as Promise<ObservationRow[]>;
}

export interface TherapyRows {
  medications: { id: string; display: string; regimen: string | null; startDate: Date | null; endDate: Date | null; status: string }[];
  procedures: { id: string; category: string; display: string; performedStart: Date; performedEnd: Date | null; status: string }[];
}

export async function fetchTherapies(tx: Tx, patientId: string): Promise<TherapyRows> {
  const medications = await tx.medication.findMany({
    where: { patientId, startDate: { not: null } },
    select: { id: true, display: true, regimen: true, startDate: true, endDate: true, status: true },
  });
  const procedures = await tx.procedure.findMany({
    where: { patientId },
    select: { id: true, category: true, display: true, performedStart: true, performedEnd: true, status: true },
  });
  return { medications, procedures };
}

export type ReportRow = { id: string; type: 'RADIOLOGY' | 'PATHOLOGY' | 'MOLECULAR' | 'CLINICAL_NOTE' | 'SURGICAL' | 'OTHER'; title: string; text: string; conclusion: string | null; status: string; authorName: string | null; issuedAt: Date };

/** The patient's reports, newest first (entered-in-error ones are not shown). */
export async function fetchReports(tx: Tx, patientId: string): Promise<ReportRow[]> {
  return tx.report.findMany({
    where: { patientId, status: { not: 'entered-in-error' } },
    orderBy: [{ issuedAt: 'desc' }, { id: 'asc' }],
    select: { id: true, type: true, title: true, text: true, conclusion: true, status: true, authorName: true, issuedAt: true },
  });
}

export interface ReviewRow {
  reportId: string;
  factKey: string;
  kind: string;
  label: string;
  value: string;
  assertion: string;
  status: 'CONFIRMED' | 'REJECTED';
  reviewedAt: Date;
  reviewedBy: string;
  reportTitle: string;
  reportIssuedAt: Date;
}

/** Every verdict on this case's report facts, with the reviewer's name and the report's title and date. */
export async function fetchReviews(tx: Tx, caseId: string): Promise<ReviewRow[]> {
  return tx.$queryRaw<ReviewRow[]>`
    SELECT r."reportId", r."factKey", r.kind, r.label, r.value, r.assertion, r.status::text AS status, r."reviewedAt", u.name AS "reviewedBy",
           rep.title AS "reportTitle", rep."issuedAt" AS "reportIssuedAt"
    FROM report_fact_reviews r JOIN users u ON u.id = r."reviewedById" JOIN reports rep ON rep.id = r."reportId"
    WHERE r."caseId" = ${caseId}`;
}

export interface ConditionRow {
  id: string;
  kind: string;
  icd10Code: string | null;
  display: string;
  onsetDate: Date | null;
}

export async function fetchConditions(tx: Tx, patientId: string): Promise<ConditionRow[]> {
  return tx.condition.findMany({ where: { patientId }, select: { id: true, kind: true, icd10Code: true, display: true, onsetDate: true } });
}

import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import type { CaseReportDto } from '@/lib/schemas/case-screen';
import { db } from '../client';
import { findCaseInScope } from '../case-scope-lookup';
import { auditCaseView } from './audit-case-view';
import { fetchReports, fetchReviews, type ReportRow, type ReviewRow } from './case-rows';

/** The patient's reports, newest first, with the clinicians' verdicts on their extracted facts. Audited. */
export async function loadCaseReports(options: { actor: Actor; caseId: string }): Promise<CaseReportDto[]> {
  const { actor, caseId } = options;
  assertCan(actor, 'cases.read');
  return db().$transaction(async (tx) => {
    const scoped = await findCaseInScope(tx, actor, caseId);
    const reports = buildCaseReports(await fetchReports(tx, scoped.patientId), await fetchReviews(tx, scoped.id));
    await auditCaseView(tx, actor, scoped, 'reports', reports.length);
    return reports;
  });
}

/** Pure: reports (newest first) with their verdicts attached. */
export function buildCaseReports(reports: ReportRow[], reviews: ReviewRow[]): CaseReportDto[] {
  const byReport = new Map<string, CaseReportDto['reviews']>();
  for (const r of reviews) {
    const list = byReport.get(r.reportId) ?? [];
    list.push({ factKey: r.factKey, status: r.status, reviewedBy: r.reviewedBy, reviewedAt: r.reviewedAt.toISOString() });
    byReport.set(r.reportId, list);
  }
  return reports.map((report) => ({ ...report, issuedAt: report.issuedAt.toISOString(), reviews: byReport.get(report.id) ?? [] }));
}

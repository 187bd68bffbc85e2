import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import type { CaseReportDto } from '@/lib/schemas/case-screen';
import { db, type Tx } from '../client';
import { findCaseInScope } from '../case-scope-lookup';
import { auditCaseView } from './audit-case-view';

/** The patient's reports, newest first, with the clinicians' verdicts on their extracted facts. Audited. */
export async function loadCaseReports(options: { actor: Actor; caseId: string }): Promise<CaseReportDto[]> {
  const { actor, caseId } = options;
  assertCan(actor, 'cases.read');
  return db().$transaction(async (tx) => {
    const scoped = await findCaseInScope(tx, actor, caseId);
    const reports = await readCaseReports(tx, scoped.id);
    await auditCaseView(tx, actor, scoped, 'reports', reports.length);
    return reports;
  });
}

export async function readCaseReports(tx: Tx, caseId: string): Promise<CaseReportDto[]> {
  const { patientId } = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { patientId: true } });
  const reports = await tx.report.findMany({
    where: { patientId, status: { not: 'entered-in-error' } },
    orderBy: [{ issuedAt: 'desc' }, { id: 'asc' }],
    select: { id: true, type: true, title: true, text: true, conclusion: true, status: true, authorName: true, issuedAt: true },
  });
  const reviews = await tx.reportFactReview.findMany({
    where: { caseId },
    select: { reportId: true, factKey: true, status: true, reviewedAt: true, reviewedBy: { select: { name: true } } },
  });
  return reports.map((report) => ({
    ...report,
    issuedAt: report.issuedAt.toISOString(),
    reviews: reviews
      .filter((r) => r.reportId === report.id)
      .map((r) => ({ factKey: r.factKey, status: r.status, reviewedBy: r.reviewedBy.name, reviewedAt: r.reviewedAt.toISOString() })),
  }));
}

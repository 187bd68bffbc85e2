import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { AppError, notFound } from '@/lib/errors';
import { extractReportFacts } from '@/lib/report-facts';
import type { factReviewSchema } from '@/lib/schemas/case-annotation';
import type { FactReviewDto } from '@/lib/schemas/case-screen';
import type { z } from 'zod';
import { findCaseInScope } from './case-scope-lookup';
import { db } from './client';

type FactReview = z.output<typeof factReviewSchema>;

/**
 * Records a clinician's verdict on one extracted fact. The extractor runs again on the
 * stored report text, so only a fact the report really contains can be confirmed; the
 * value and its evidence are copied into the review. Changing one's mind updates the
 * verdict (version + 1) and the audit event keeps the previous one.
 */
export async function reviewReportFact(options: { actor: Actor; input: FactReview }): Promise<FactReviewDto> {
  const { actor, input } = options;
  assertCan(actor, 'cases.annotate');
  return db().$transaction(async (tx) => {
    const scoped = await findCaseInScope(tx, actor, input.caseId);
    const report = await tx.report.findFirst({ where: { id: input.reportId, patientId: scoped.patientId }, select: { id: true, text: true } });
    if (!report) throw notFound('The report');
    const fact = extractReportFacts(report.text).find((f) => f.key === input.factKey);
    if (!fact) throw new AppError('CONFLICT', 'This value is no longer found in the report (it may have been corrected). Reload the report.');

    const where = { caseId_reportId_factKey: { caseId: scoped.id, reportId: report.id, factKey: fact.key } };
    const previous = await tx.reportFactReview.findUnique({ where, select: { status: true } });
    const row = await tx.reportFactReview.upsert({
      where,
      create: {
        caseId: scoped.id,
        reportId: report.id,
        factKey: fact.key,
        kind: fact.kind,
        label: fact.label,
        value: fact.value,
        assertion: fact.assertion,
        evidence: report.text.slice(fact.span.start, fact.span.end),
        spanStart: fact.span.start,
        spanEnd: fact.span.end,
        status: input.status,
        reviewedById: actor.id,
      },
      update: { status: input.status, reviewedById: actor.id, reviewedAt: new Date(), version: { increment: 1 } },
      include: { reviewedBy: { select: { name: true } } },
    });
    await writeAuditEvent(tx, {
      actor,
      action: 'report.fact_review',
      entityType: 'Report',
      entityId: report.id,
      patientId: scoped.patientId,
      detail: { reportId: report.id, factKey: fact.key, kind: fact.kind, value: fact.value, status: input.status, previous: previous?.status ?? null },
    });
    return { factKey: row.factKey, status: row.status, reviewedBy: row.reviewedBy.name, reviewedAt: row.reviewedAt.toISOString() };
  });
}

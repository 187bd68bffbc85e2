import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import type { CaseHeaderDto, CaseImagingDto, CaseLabsDto, CaseReportDto, TimelineItemDto } from '@/lib/schemas/case-screen';
import { db } from '../client';
import { findCaseInScope } from '../case-scope-lookup';
import { auditCaseView } from './audit-case-view';
import { readCaseHeader } from './load-case-header';
import { readCaseImaging } from './load-case-imaging';
import { readCaseLabs } from './load-case-labs';
import { readCaseReports } from './load-case-reports';
import { readCaseTimeline } from './load-case-timeline';

export interface CaseScreenData {
  header: CaseHeaderDto;
  timeline: TimelineItemDto[];
  labs: CaseLabsDto;
  reports: CaseReportDto[];
  imaging: CaseImagingDto;
}

/**
 * All data of one case screen in one audited transaction. The page streams its panels
 * separately (loadCaseHeader, loadCaseLabs, …, each audited); this is the same reads in
 * one go, for exports and for bench/case-screen.ts, which measures it.
 */
export async function loadCaseScreenData(options: { actor: Actor; caseId: string; now?: Date }): Promise<CaseScreenData> {
  const { actor, caseId, now = new Date() } = options;
  assertCan(actor, 'cases.read');
  return db().$transaction(async (tx) => {
    const scoped = await findCaseInScope(tx, actor, caseId);
    // Sequential on purpose: one transaction is one connection, and queries on it must not overlap.
    const header = await readCaseHeader(tx, actor, scoped.id, now);
    const timeline = await readCaseTimeline(tx, scoped.id);
    const labs = await readCaseLabs(tx, scoped.id);
    const reports = await readCaseReports(tx, scoped.id);
    const imaging = await readCaseImaging(tx, scoped.id);
    await auditCaseView(tx, actor, scoped, 'header');
    return { header, timeline, labs, reports, imaging };
  });
}

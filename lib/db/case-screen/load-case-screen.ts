import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import type { CaseHeaderDto, CaseImagingDto, CaseLabsDto, CaseReportDto, TimelineItemDto } from '@/lib/schemas/case-screen';
import { db } from '../client';
import { findCaseInScope } from '../case-scope-lookup';
import { auditCaseView } from './audit-case-view';
import { fetchConditions, fetchHeaderRow, fetchObservations, fetchReports, fetchReviews, fetchTherapies } from './case-rows';
import { buildCaseHeader } from './load-case-header';
import { fetchStudies, readCaseImaging } from './load-case-imaging';
import { buildCaseLabs } from './load-case-labs';
import { buildCaseReports } from './load-case-reports';
import { buildCaseTimeline } from './load-case-timeline';

export interface CaseScreenData {
  header: CaseHeaderDto;
  timeline: TimelineItemDto[];
  labs: CaseLabsDto;
  reports: CaseReportDto[];
  imaging: CaseImagingDto;
}

/** Names of the steps `timings` reports, in order (bench/case-screen.ts --breakdown prints them). */
export type CaseScreenStep = 'scope' | 'header' | 'observations' | 'therapies' | 'conditions' | 'reports' | 'reviews' | 'studies' | 'imaging' | 'audit';

/**
 * All data of one case screen in one audited transaction, each row fetched once and
 * shared by the panels that show it. The page streams its panels separately
 * (loadCaseHeader, loadCaseLabs, …, each audited); this is the same data in one go,
 * for exports and for bench/case-screen.ts. `timings`, when given, receives how long
 * each step took (ms).
 */
export async function loadCaseScreenData(options: { actor: Actor; caseId: string; now?: Date; timings?: Partial<Record<CaseScreenStep, number>> }): Promise<CaseScreenData> {
  const { actor, caseId, now = new Date(), timings } = options;
  assertCan(actor, 'cases.read');
  const step = async <T>(name: CaseScreenStep, fn: () => Promise<T>): Promise<T> => {
    if (!timings) return fn();
    const started = performance.now();
    const result = await fn();
    timings[name] = performance.now() - started;
    return result;
  };
  return db().$transaction(async (tx) => {
    // Sequential on purpose: one transaction is one connection, and queries on it must not overlap.
    const scoped = await step('scope', () => findCaseInScope(tx, actor, caseId));
    const headerRow = await step('header', () => fetchHeaderRow(tx, scoped.id, now));
    const observations = await step('observations', () => fetchObservations(tx, scoped.patientId, ['LABORATORY', 'STAGING', 'PERFORMANCE_STATUS']));
    const therapies = await step('therapies', () => fetchTherapies(tx, scoped.patientId));
    const conditions = await step('conditions', () => fetchConditions(tx, scoped.patientId));
    const reportRows = await step('reports', () => fetchReports(tx, scoped.patientId));
    const reviews = await step('reviews', () => fetchReviews(tx, scoped.id));
    const studies = await step('studies', () => fetchStudies(tx, scoped.patientId));
    const imaging = await step('imaging', () => readCaseImaging(tx, scoped, studies));
    await step('audit', () => auditCaseView(tx, actor, scoped, 'header'));
    return {
      header: buildCaseHeader({ actor, row: headerRow, observations, reviews, now }),
      timeline: buildCaseTimeline({ entity: scoped.entity, conditions, therapies, reports: reportRows, studies, observations }),
      labs: buildCaseLabs({ entity: scoped.entity, observations, therapies }),
      reports: buildCaseReports(reportRows, reviews),
      imaging,
    };
  });
}

// Where loadCaseScreenData's time goes (bench/case-screen.ts --breakdown): the same
// reads in the same order inside one transaction, each timed. A diagnostic beside the
// real loader's figures, not a replacement for them: if load-case-screen.ts changes
// its composition, this follows it by hand.
import type { Actor } from '../../lib/authz/actor';
import { findCaseInScope } from '../../lib/db/case-scope-lookup';
import { auditCaseView } from '../../lib/db/case-screen/audit-case-view';
import { readCaseHeader } from '../../lib/db/case-screen/load-case-header';
import { readCaseImaging } from '../../lib/db/case-screen/load-case-imaging';
import { readCaseLabs } from '../../lib/db/case-screen/load-case-labs';
import { readCaseReports } from '../../lib/db/case-screen/load-case-reports';
import { readCaseTimeline } from '../../lib/db/case-screen/load-case-timeline';
import { db } from '../../lib/db/client';

export const BREAKDOWN_PARTS = ['scope', 'header', 'timeline', 'labs', 'reports', 'imaging', 'audit', 'begin + commit'] as const;
export type BreakdownPart = (typeof BREAKDOWN_PARTS)[number];

export async function timeCaseScreenParts(actor: Actor, caseId: string): Promise<Record<BreakdownPart, number>> {
  const parts = {} as Record<BreakdownPart, number>;
  const started = performance.now();
  const time = async <T>(part: BreakdownPart, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await fn();
    parts[part] = performance.now() - t0;
    return result;
  };
  const now = new Date();
  await db().$transaction(async (tx) => {
    const scoped = await time('scope', () => findCaseInScope(tx, actor, caseId));
    await time('header', () => readCaseHeader(tx, actor, scoped.id, now));
    await time('timeline', () => readCaseTimeline(tx, scoped.id));
    await time('labs', () => readCaseLabs(tx, scoped.id));
    await time('reports', () => readCaseReports(tx, scoped.id));
    await time('imaging', () => readCaseImaging(tx, scoped.id));
    await time('audit', () => auditCaseView(tx, actor, scoped, 'header'));
  });
  const inside = BREAKDOWN_PARTS.slice(0, -1).reduce((sum, part) => sum + parts[part], 0);
  parts['begin + commit'] = performance.now() - started - inside;
  return parts;
}

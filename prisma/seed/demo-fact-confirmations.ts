// The Rotterdam model reads tumor size, grade and positive nodes only from report facts a
// clinician CONFIRMED on the case screen. So that the demo has breast cases it can score,
// the demo seed (and the e2e stack's seed) confirms those three facts in the newest
// pathology report of most breast demo cases, as a seeded pathologist whose name says
// so, through the same lib/db function as the case screen's action: the extractor runs
// again on the stored text, the value and evidence are what it finds, and each verdict
// writes its `report.fact_review` audit event. Only synthetic patients' cases are touched.
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { reviewReportFact } from '@/lib/db/report-fact-reviews';
import { extractReportFacts } from '@/lib/report-facts';
import { seedBoardMember } from './boards';
import { seedUser } from './users';

/**
 * Nobody signs in as this account (no password, no SSO identity): it only holds the seeded
 * verdicts. A demo-domain account, so the seed's "no real users here" check still holds.
 */
export const DEMO_FACT_REVIEWER = {
  email: 'seeded-pathologist@konsil.demo',
  name: 'Seeded Pathologist (synthetic demo)',
  roles: ['CLINICIAN' as const],
  specialty: 'PATHOLOGY' as const,
};

/** What the Rotterdam model reads from confirmed facts. */
export const DEMO_CONFIRMED_FACT_KINDS = ['TUMOR_SIZE', 'GRADE', 'NODES'] as const;

/**
 * Breast cases left unconfirmed on purpose: the decision-support panel says the inputs are
 * incomplete until someone confirms the tumor size (and grade, nodes) in the pathology report.
 * SYN-200007 is among the e2e stack's first 12 patients.
 */
export const UNCONFIRMED_DEMO_MRNS: readonly string[] = ['SYN-200007'];

/**
 * Confirms the Rotterdam facts of the breast demo cases of these patients (skipping
 * UNCONFIRMED_DEMO_MRNS). Idempotent, and it never overrides a verdict already given on a
 * fact, so running it again cannot undo what a person confirmed or rejected.
 */
export async function confirmDemoReportFacts(options: { mrns: readonly string[] }): Promise<{ cases: number; confirmed: number; reviewer: string }> {
  const mrns = options.mrns.filter((mrn) => !UNCONFIRMED_DEMO_MRNS.includes(mrn));
  const cases = await db().case.findMany({
    where: { entity: 'BREAST', patient: { isSynthetic: true, mrn: { in: mrns } } },
    orderBy: { patient: { mrn: 'asc' } },
    select: { id: true, boardId: true, patientId: true },
  });

  const reviewer = await db().$transaction(async (tx) => {
    const user = await seedUser(tx, { ...DEMO_FACT_REVIEWER, roles: [...DEMO_FACT_REVIEWER.roles] });
    // A board member, so the cases are in the reviewer's scope as they would be for a real pathologist.
    for (const boardId of new Set(cases.map((c) => c.boardId))) await seedBoardMember(tx, { boardId, userId: user.id, role: 'MEMBER' });
    return user;
  });
  const actor: Actor = { id: reviewer.id, email: reviewer.email, name: reviewer.name, roles: reviewer.roles, ipAddress: null, userAgent: 'konsil demo seed' };

  let confirmed = 0;
  for (const kase of cases) {
    const report = await db().report.findFirst({
      where: { patientId: kase.patientId, type: 'PATHOLOGY' },
      orderBy: [{ issuedAt: 'desc' }, { id: 'asc' }],
      select: { id: true, text: true },
    });
    if (!report) continue;
    const reviewed = new Set(
      (await db().reportFactReview.findMany({ where: { caseId: kase.id, reportId: report.id }, select: { factKey: true } })).map((r) => r.factKey),
    );
    const facts = extractReportFacts(report.text);
    for (const kind of DEMO_CONFIRMED_FACT_KINDS) {
      // The first mention (the report body before its conclusion), as a pathologist would read it.
      const fact = facts.find((f) => f.kind === kind && f.assertion === 'present');
      if (!fact || reviewed.has(fact.key)) continue;
      await reviewReportFact({ actor, input: { caseId: kase.id, reportId: report.id, factKey: fact.key, status: 'CONFIRMED' } });
      confirmed += 1;
    }
  }
  return { cases: cases.length, confirmed, reviewer: reviewer.name };
}

// Last week's meeting of every demo board, so a newcomer sees what a board leaves behind:
// cases discussed, attendance, decisions signed by the chair (with model outputs considered on
// breast cases), follow-up tasks (one carried out, one overdue) and numbers on the quality
// dashboard. Everything goes through the same lib/db functions as the app (saveDecisionDraft,
// signDecision: triggers, follow-up tasks, audit events); only the meeting's own history
// (its date, attendance, discussed items) is written directly, since it happened "in the past".
// The decisions are invented for synthetic patients: plausible, not advice.
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { saveDecisionDraft } from '@/lib/db/decisions/save-decision-draft';
import { signDecision } from '@/lib/db/decisions/sign-decision';
import { completeFollowUp } from '@/lib/db/follow-ups/complete-follow-up';
import { reviewInferenceResult } from '@/lib/db/inference-results';
import { runModelsForCaseAsSystem } from '@/lib/inference/run-models-for-case';
import { PROCEDURE } from '@/lib/demo-world/clinical/code-systems';
import { decisionContentSchema, type DecisionContent, type Recommendation } from '@/lib/schemas/decision';
import type { TumorEntity } from '@/lib/generated/prisma/enums';

/** How many of each board's waiting referrals last week's meeting discussed. */
const DISCUSSED_PER_BOARD = 2;
const atc = (code: string, display: string) => ({ system: 'http://www.whocc.no/atc' as const, code, display });
const sct = (coding: { code: string; display: string }) => ({ system: 'http://snomed.info/sct' as const, code: coding.code, display: coding.display });

/** A plausible (synthetic) recommendation set per entity. */
function recommendationsFor(entity: TumorEntity): { intent: DecisionContent['intent']; recommendations: Partial<Recommendation>[]; rationale: string } {
  switch (entity) {
    case 'LUNG':
      return {
        intent: 'CURATIVE',
        recommendations: [
          { modality: 'SURGERY', sequencing: 'DEFINITIVE', codes: [sct(PROCEDURE.lobectomy)], details: 'VATS lobectomy with systematic lymph node dissection.' },
          { modality: 'SYSTEMIC_THERAPY', sequencing: 'ADJUVANT', codes: [atc('L01XA01', 'cisplatin'), atc('L01CA04', 'vinorelbine')], details: '4 cycles if pN1/pN2.' },
        ],
        rationale: 'Resectable disease without distant metastases on PET-CT; fit for lobectomy (synthetic demo decision).',
      };
    case 'BREAST':
      return {
        intent: 'CURATIVE',
        recommendations: [
          { modality: 'SURGERY', sequencing: 'DEFINITIVE', codes: [sct(PROCEDURE.lumpectomy), sct(PROCEDURE.sentinelNodeBiopsy)], details: 'Breast-conserving surgery with sentinel node biopsy.' },
          { modality: 'RADIOTHERAPY', sequencing: 'ADJUVANT', codes: [sct(PROCEDURE.radiotherapyCourse)], details: 'Whole-breast irradiation, hypofractionated.', totalDoseGy: 40.05, fractions: 15 },
          { modality: 'SYSTEMIC_THERAPY', sequencing: 'ADJUVANT', codes: [atc('L02BG04', 'letrozole')], details: 'Endocrine therapy for 5 years.' },
        ],
        rationale: 'Hormone-receptor-positive early breast cancer; breast conservation feasible (synthetic demo decision).',
      };
    case 'PROSTATE':
      return {
        intent: 'CURATIVE',
        recommendations: [{ modality: 'SURGERY', sequencing: 'DEFINITIVE', codes: [sct(PROCEDURE.prostatectomy)], details: 'Radical prostatectomy; alternative discussed: definitive radiotherapy.' }],
        rationale: 'Intermediate-risk localized disease; the patient prefers surgery (synthetic demo decision).',
      };
    case 'SKIN':
      return {
        intent: 'CURATIVE',
        recommendations: [
          { modality: 'SURGERY', sequencing: 'DEFINITIVE', codes: [sct(PROCEDURE.excision), sct(PROCEDURE.sentinelNodeBiopsy)], details: 'Wide local excision with sentinel node biopsy.' },
          { modality: 'SYSTEMIC_THERAPY', sequencing: 'ADJUVANT', codes: [atc('L01FF02', 'pembrolizumab')], details: 'If sentinel node positive: adjuvant anti-PD-1 for one year.' },
        ],
        rationale: 'Melanoma with Breslow thickness above 1 mm (synthetic demo decision).',
      };
    default:
      return {
        intent: 'CURATIVE',
        recommendations: [
          { modality: 'SURGERY', sequencing: 'DEFINITIVE', codes: [sct(PROCEDURE.colectomy)], details: 'Oncological resection.' },
          { modality: 'SYSTEMIC_THERAPY', sequencing: 'ADJUVANT', codes: [atc('L01BC06', 'capecitabine'), atc('L01XA03', 'oxaliplatin')], details: 'CAPOX for 3 months if stage III.' },
        ],
        rationale: 'Localized disease, resectable (synthetic demo decision).',
      };
  }
}

const WEEK_MS = 7 * 86_400_000;

/**
 * When "last week's" meeting of a board started: a whole number of weeks before its next one, and
 * over for at least 36 hours. On a board's meeting day, once the meeting has begun, the next one is
 * a full week away, and a week before it would be today, later than now; its decisions would be
 * signed after the overdue follow-up's due date (yesterday), which signing refuses.
 */
export function pastMeetingStart(nextStartsAt: Date, now: Date): Date {
  let startsAt = nextStartsAt.getTime() - WEEK_MS;
  while (startsAt > now.getTime() - 36 * 3_600_000) startsAt -= WEEK_MS;
  return new Date(startsAt);
}

const asActor = (u: { id: string; email: string; name: string; roles: Actor['roles'] }): Actor => ({ ...u, ipAddress: null, userAgent: 'konsil demo seed' });

export async function seedDemoPastMeetings(options: { now: Date; users: Record<'oncologist' | 'surgeon' | 'radiologist' | 'pathologist' | 'radiooncologist' | 'coordinator', { id: string }> }) {
  const { users } = options;
  const people = await db().user.findMany({ where: { id: { in: Object.values(users).map((u) => u.id) } }, select: { id: true, email: true, name: true, roles: true, specialty: true } });
  const byId = new Map(people.map((p) => [p.id, p]));
  const chair = asActor(byId.get(users.oncologist.id)!);
  const author = asActor(byId.get(users.surgeon.id)!);
  const yesterday = new Date(options.now.getTime() - 86_400_000).toISOString().slice(0, 10);
  let decisions = 0;
  let completed = 0;

  const boards = await db().board.findMany({ orderBy: { slug: 'asc' }, select: { id: true } });
  for (const board of boards) {
    const next = await db().meeting.findFirst({ where: { boardId: board.id, startsAt: { gt: options.now } }, orderBy: { startsAt: 'asc' } });
    if (!next) continue;
    const startsAt = pastMeetingStart(next.startsAt, options.now);
    const waiting = await db().case.findMany({ where: { boardId: board.id, status: { in: ['REFERRED', 'ACCEPTED'] } }, orderBy: { patient: { mrn: 'asc' } }, take: DISCUSSED_PER_BOARD, select: { id: true, entity: true } });
    if (waiting.length === 0) continue;
    const meeting = await db().meeting.create({ data: { boardId: board.id, startsAt, durationMinutes: next.durationMinutes, location: next.location, status: 'CLOSED', agendaPublishedAt: new Date(startsAt.getTime() - 86_400_000) } });
    await db().meetingAttendance.createMany({
      data: people.map((p) => ({ meetingId: meeting.id, userId: p.id, specialty: p.specialty, joinedAt: startsAt, lastSeenAt: new Date(startsAt.getTime() + 3_600_000) })),
    });
    for (const [position, kase] of waiting.entries()) {
      const discussedAt = new Date(startsAt.getTime() + position * 6 * 60_000);
      await db().case.update({ where: { id: kase.id }, data: { status: 'DISCUSSED', referredAt: new Date(startsAt.getTime() - 9 * 86_400_000) } });
      await db().agendaItem.create({
        data: { meetingId: meeting.id, caseId: kase.id, position, minutesAllotted: 5, status: 'DISCUSSED', discussionStartedAt: discussedAt, discussionEndedAt: new Date(discussedAt.getTime() + 5 * 60_000) },
      });
      // The models ran when the case was prepared; the board looked at the shown results.
      const results = await runModelsForCaseAsSystem({ caseId: kase.id });
      const considered = results.filter((r) => !r.shadow && (r.status === 'SCORED' || r.status === 'SCORED_WITH_FLAGS')).map((r) => ({ id: r.resultId }));
      // The chair marked each output; one disagreement, so model-agreement figures are not all 100 %.
      for (const [n, r] of considered.entries()) {
        const disagree = n === 0 && decisions % 3 === 2;
        await reviewInferenceResult({ actor: chair, input: disagree ? { resultId: r.id, mark: 'DISAGREE', reason: 'Nodal status from the core biopsy understates the risk (synthetic demo mark).' } : { resultId: r.id, mark: 'CONSIDERED' } });
      }
      const template = recommendationsFor(kase.entity);
      const content = decisionContentSchema.parse({
        intent: template.intent,
        recommendations: template.recommendations.map((r, i) => ({ id: `rec-${i + 1}`, ...r })),
        guideline: { basis: 'S3', reference: 'National S3 guideline for the entity (synthetic demo reference)', deviates: false, deviationReason: '' },
        rationale: template.rationale,
        attendeeIds: people.filter((p) => p.roles.includes('CLINICIAN')).map((p) => p.id),
        consideredResultIds: considered.map((r) => r.id),
        // The second case's follow-up is overdue, so the coordinators' overdue list has an entry.
        followUpDueOn: position === 1 ? yesterday : null,
      });
      const saved = await saveDecisionDraft({ actor: author, input: { caseId: kase.id, meetingId: meeting.id, content } });
      const signed = await signDecision({ actor: chair, input: { decisionId: saved.decisionId, expectedVersion: saved.version }, email: false, now: new Date(discussedAt.getTime() + 40 * 60_000) });
      decisions += 1;
      // The first case's referrer already reported back: carried out, except on one board where
      // the patient declined (the commonest reason published audits find).
      if (position === 0) {
        const task = await db().followUpTask.findUniqueOrThrow({ where: { id: signed.followUpTaskId }, select: { ownerId: true, version: true } });
        const owner = asActor(byId.get(task.ownerId) ?? (await db().user.findUniqueOrThrow({ where: { id: task.ownerId }, select: { id: true, email: true, name: true, roles: true } })));
        const declined = decisions === 3;
        await completeFollowUp({
          actor: owner,
          input: declined
            ? { taskId: signed.followUpTaskId, expectedVersion: task.version, outcome: 'NOT_IMPLEMENTED', reason: 'PATIENT_WISH', note: 'The patient chose to think it over and declined surgery for now (synthetic demo).' }
            : { taskId: signed.followUpTaskId, expectedVersion: task.version, outcome: 'IMPLEMENTED', note: undefined },
        });
        completed += 1;
      }
    }
  }
  return { decisions, completed };
}

import 'server-only';
import type { QualityMetric } from '@/lib/schemas/quality';
import type { Tx } from '../client';

// The quality figures, aggregated in PostgreSQL: no patient row leaves the database. Every
// metric belongs to one board and one period; a meeting belongs to the period when it starts
// on or after `from` 00:00 and before the day after `to` 00:00, both in the board's own time
// zone; cancelled meetings never count. The definitions, with their numerators and
// denominators, are in docs/quality-dashboard.md; this file must say the same.

interface PeriodBoard {
  boardId: string;
  boardName: string;
}

/** The selected boards and the period's first and last calendar day (each query's CTE `sel` turns them into instants per board). */
interface Period {
  boardIds: string[];
  from: string;
  to: string;
}

interface AgendaRow extends PeriodBoard {
  itemsTotal: number;
  itemsPostponed: number;
  casesDiscussed: number;
  referralDaysN: number;
  referralDaysMedian: number | null;
  referralDaysP90: number | null;
}

async function agendaFigures(tx: Tx, p: Period): Promise<AgendaRow[]> {
  return tx.$queryRaw<AgendaRow[]>`
    WITH sel AS (
      SELECT b.id, b.name,
             (${p.from}::date::timestamp AT TIME ZONE b."timeZone") AS t0,
             ((${p.to}::date + 1)::timestamp AT TIME ZONE b."timeZone") AS t1
      FROM boards b WHERE b.id = ANY(${p.boardIds}::text[])
    ), discussed AS (
      SELECT ai.*, m."boardId", m."startsAt"
      FROM agenda_items ai JOIN meetings m ON m.id = ai."meetingId" JOIN sel ON sel.id = m."boardId"
      WHERE m.status <> 'CANCELLED' AND m."startsAt" >= sel.t0 AND m."startsAt" < sel.t1
    )
    SELECT sel.id AS "boardId", sel.name AS "boardName",
           count(d.id)::int AS "itemsTotal",
           count(d.id) FILTER (WHERE d.status = 'POSTPONED')::int AS "itemsPostponed",
           count(DISTINCT d."caseId") FILTER (WHERE d.status = 'DISCUSSED')::int AS "casesDiscussed",
           count(d.id) FILTER (WHERE d.status = 'DISCUSSED' AND c."referredAt" IS NOT NULL)::int AS "referralDaysN",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d."startsAt" - c."referredAt") / 86400)
             FILTER (WHERE d.status = 'DISCUSSED' AND c."referredAt" IS NOT NULL) AS "referralDaysMedian",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM d."startsAt" - c."referredAt") / 86400)
             FILTER (WHERE d.status = 'DISCUSSED' AND c."referredAt" IS NOT NULL) AS "referralDaysP90"
    FROM sel LEFT JOIN discussed d ON d."boardId" = sel.id LEFT JOIN cases c ON c.id = d."caseId"
    GROUP BY sel.id, sel.name
    ORDER BY sel.name, sel.id`;
}

interface DecisionRow {
  boardId: string;
  signed: number;
  deviating: number;
  signatureHoursN: number;
  signatureHoursMedian: number | null;
  signatureHoursP90: number | null;
}

/** Signed decisions of the period's meetings: first signature after the meeting began, guideline deviation of the newest version. */
async function decisionFigures(tx: Tx, p: Period): Promise<DecisionRow[]> {
  return tx.$queryRaw<DecisionRow[]>`
    WITH sel AS (
      SELECT b.id, (${p.from}::date::timestamp AT TIME ZONE b."timeZone") AS t0, ((${p.to}::date + 1)::timestamp AT TIME ZONE b."timeZone") AS t1
      FROM boards b WHERE b.id = ANY(${p.boardIds}::text[])
    ), signed AS (
      SELECT m."boardId", m."startsAt", first.signed_at, newest.content
      FROM decisions d
      JOIN meetings m ON m.id = d."meetingId" JOIN sel ON sel.id = m."boardId"
      JOIN LATERAL (SELECT v."signedAt" AS signed_at FROM decision_versions v WHERE v."decisionId" = d.id AND v.number = 1) first ON true
      JOIN LATERAL (SELECT v.content FROM decision_versions v WHERE v."decisionId" = d.id ORDER BY v.number DESC LIMIT 1) newest ON true
      WHERE m.status <> 'CANCELLED' AND m."startsAt" >= sel.t0 AND m."startsAt" < sel.t1
    )
    SELECT sel.id AS "boardId",
           count(s."boardId")::int AS signed,
           count(s."boardId") FILTER (WHERE (s.content -> 'guideline' ->> 'deviates') = 'true')::int AS deviating,
           count(s."boardId")::int AS "signatureHoursN",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.signed_at - s."startsAt") / 3600) AS "signatureHoursMedian",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM s.signed_at - s."startsAt") / 3600) AS "signatureHoursP90"
    FROM sel LEFT JOIN signed s ON s."boardId" = sel.id
    GROUP BY sel.id`;
}

interface FollowUpRow {
  boardId: string;
  status: 'OPEN' | 'IMPLEMENTED' | 'MODIFIED' | 'NOT_IMPLEMENTED';
  reason: string | null;
  n: number;
}

/** Follow-up tasks of the decisions of the period's meetings, by outcome and reason. */
async function followUpFigures(tx: Tx, p: Period): Promise<FollowUpRow[]> {
  return tx.$queryRaw<FollowUpRow[]>`
    WITH sel AS (
      SELECT b.id, (${p.from}::date::timestamp AT TIME ZONE b."timeZone") AS t0, ((${p.to}::date + 1)::timestamp AT TIME ZONE b."timeZone") AS t1
      FROM boards b WHERE b.id = ANY(${p.boardIds}::text[])
    )
    SELECT m."boardId", t.status::text AS status, t.reason::text AS reason, count(*)::int AS n
    FROM follow_up_tasks t
    JOIN decisions d ON d.id = t."decisionId"
    JOIN meetings m ON m.id = d."meetingId" JOIN sel ON sel.id = m."boardId"
    WHERE m.status <> 'CANCELLED' AND m."startsAt" >= sel.t0 AND m."startsAt" < sel.t1
    GROUP BY m."boardId", t.status, t.reason`;
}

interface AttendanceRow {
  boardId: string;
  heldMeetings: number;
  memberSeats: number;
  membersPresent: number;
  quorate: number;
}

/**
 * Meetings held in the period (live or closed): board members present out of board members
 * (today's membership: it has no history), and meetings where every required specialty was
 * among the attendees' specialties.
 */
async function attendanceFigures(tx: Tx, p: Period): Promise<AttendanceRow[]> {
  return tx.$queryRaw<AttendanceRow[]>`
    WITH sel AS (
      SELECT b.id, b."requiredSpecialties", (${p.from}::date::timestamp AT TIME ZONE b."timeZone") AS t0, ((${p.to}::date + 1)::timestamp AT TIME ZONE b."timeZone") AS t1,
             (SELECT count(*) FROM board_memberships bm WHERE bm."boardId" = b.id)::int AS members
      FROM boards b WHERE b.id = ANY(${p.boardIds}::text[])
    ), held AS (
      SELECT m.id, m."boardId", sel.members,
             (SELECT count(*) FROM meeting_attendance a JOIN board_memberships bm ON bm."boardId" = m."boardId" AND bm."userId" = a."userId"
               WHERE a."meetingId" = m.id)::int AS present,
             NOT EXISTS (
               SELECT 1 FROM unnest(sel."requiredSpecialties") AS rs(specialty)
               WHERE NOT EXISTS (SELECT 1 FROM meeting_attendance a WHERE a."meetingId" = m.id AND a.specialty = rs.specialty)
             ) AS quorate
      FROM meetings m JOIN sel ON sel.id = m."boardId"
      WHERE m.status IN ('LIVE', 'CLOSED') AND m."startsAt" >= sel.t0 AND m."startsAt" < sel.t1
    )
    SELECT sel.id AS "boardId",
           count(h.id)::int AS "heldMeetings",
           coalesce(sum(h.members), 0)::int AS "memberSeats",
           coalesce(sum(h.present), 0)::int AS "membersPresent",
           count(h.id) FILTER (WHERE h.quorate)::int AS quorate
    FROM sel LEFT JOIN held h ON h."boardId" = sel.id
    GROUP BY sel.id`;
}

interface ModelAgreementRow {
  boardId: string;
  modelKey: string;
  semver: string;
  total: number;
  considered: number;
  disagree: number;
  unmarked: number;
}

/** Model outputs the board took into account in the newest signed version of each decision, with the clinician's mark copied at signing. */
async function modelAgreementFigures(tx: Tx, p: Period): Promise<ModelAgreementRow[]> {
  return tx.$queryRaw<ModelAgreementRow[]>`
    WITH sel AS (
      SELECT b.id, (${p.from}::date::timestamp AT TIME ZONE b."timeZone") AS t0, ((${p.to}::date + 1)::timestamp AT TIME ZONE b."timeZone") AS t1
      FROM boards b WHERE b.id = ANY(${p.boardIds}::text[])
    ), newest AS (
      SELECT DISTINCT ON (v."decisionId") v.id, m."boardId"
      FROM decision_versions v JOIN decisions d ON d.id = v."decisionId"
      JOIN meetings m ON m.id = d."meetingId" JOIN sel ON sel.id = m."boardId"
      WHERE m.status <> 'CANCELLED' AND m."startsAt" >= sel.t0 AND m."startsAt" < sel.t1
      ORDER BY v."decisionId", v.number DESC
    )
    SELECT n."boardId", mv."modelKey", mv.semver,
           count(*)::int AS total,
           count(*) FILTER (WHERE cr.mark = 'CONSIDERED')::int AS considered,
           count(*) FILTER (WHERE cr.mark = 'DISAGREE')::int AS disagree,
           count(*) FILTER (WHERE cr.mark IS NULL)::int AS unmarked
    FROM newest n
    JOIN decision_considered_results cr ON cr."decisionVersionId" = n.id
    JOIN inference_results r ON r.id = cr."inferenceResultId"
    JOIN model_versions mv ON mv.id = r."modelVersionId"
    GROUP BY n."boardId", mv."modelKey", mv.semver
    ORDER BY mv."modelKey", mv.semver`;
}

const share = (numerator: number, denominator: number) => ({ value: denominator > 0 ? numerator / denominator : null, numerator, denominator });
const reasonsInOrder = ['PATIENT_WISH', 'COMORBIDITY_PERFORMANCE_STATUS', 'PROGRESSION', 'LOGISTICS', 'NEW_FINDINGS', 'OTHER'] as const;

/** All figures for the given boards and period (inclusive calendar days), one metric row each. */
export async function computeQualityMetrics(tx: Tx, options: { boardIds: string[]; from: string; to: string }): Promise<QualityMetric[]> {
  if (options.boardIds.length === 0) return [];
  const p: Period = options;
  const agenda = await agendaFigures(tx, p);
  const decisions = new Map((await decisionFigures(tx, p)).map((r) => [r.boardId, r]));
  const followUps = await followUpFigures(tx, p);
  const attendance = new Map((await attendanceFigures(tx, p)).map((r) => [r.boardId, r]));
  const agreement = await modelAgreementFigures(tx, p);

  const metrics: QualityMetric[] = [];
  for (const a of agenda) {
    const board = { boardId: a.boardId, boardName: a.boardName };
    const push = (key: string, label: string, unit: QualityMetric['unit'], figure: Pick<QualityMetric, 'value' | 'numerator' | 'denominator'>) =>
      metrics.push({ ...board, key, label, unit, ...figure });
    const d = decisions.get(a.boardId)!;
    const att = attendance.get(a.boardId)!;
    const tasks = followUps.filter((f) => f.boardId === a.boardId);
    const count = (status: FollowUpRow['status']) => tasks.filter((t) => t.status === status).reduce((sum, t) => sum + t.n, 0);
    const implemented = count('IMPLEMENTED');
    const modified = count('MODIFIED');
    const notImplemented = count('NOT_IMPLEMENTED');
    const completed = implemented + modified + notImplemented;

    push('cases_discussed', 'Cases discussed', 'count', { value: a.casesDiscussed, numerator: null, denominator: null });
    push('referral_to_discussion_days_median', 'Referral → discussion, median', 'days', { value: a.referralDaysMedian, numerator: null, denominator: a.referralDaysN });
    push('referral_to_discussion_days_p90', 'Referral → discussion, 90th percentile', 'days', { value: a.referralDaysP90, numerator: null, denominator: a.referralDaysN });
    push('discussion_to_signature_hours_median', 'Discussion → first signature, median', 'hours', { value: d.signatureHoursMedian, numerator: null, denominator: d.signatureHoursN });
    push('discussion_to_signature_hours_p90', 'Discussion → first signature, 90th percentile', 'hours', { value: d.signatureHoursP90, numerator: null, denominator: d.signatureHoursN });
    push('follow_ups_open', 'Follow-ups still open', 'count', { value: count('OPEN'), numerator: null, denominator: null });
    push('implementation_rate', 'Implemented as recommended', 'share', share(implemented, completed));
    push('modified_share', 'Implemented with modifications', 'share', share(modified, completed));
    push('not_implemented_share', 'Not implemented', 'share', share(notImplemented, completed));
    for (const reason of reasonsInOrder) {
      const n = tasks.filter((t) => t.reason === reason).reduce((sum, t) => sum + t.n, 0);
      push(`non_implementation_reason_share[${reason}]`, `Reason for modification / non-implementation: ${reason}`, 'share', share(n, modified + notImplemented));
    }
    push('guideline_deviation_rate', 'Decisions deviating from the guideline', 'share', share(d.deviating, d.signed));
    push('postponement_rate', 'Agenda items postponed', 'share', share(a.itemsPostponed, a.itemsTotal));
    push('attendance_rate', 'Board members present at held meetings', 'share', share(att.membersPresent, att.memberSeats));
    push('quorum_rate', 'Held meetings with quorum', 'share', share(att.quorate, att.heldMeetings));
    for (const m of agreement.filter((r) => r.boardId === a.boardId)) {
      const name = `${m.modelKey}@${m.semver}`;
      push(`model_considered_share[${name}]`, `${name}: outputs marked considered`, 'share', share(m.considered, m.total));
      push(`model_disagree_share[${name}]`, `${name}: outputs marked disagree`, 'share', share(m.disagree, m.total));
      push(`model_unmarked_share[${name}]`, `${name}: outputs not marked`, 'share', share(m.unmarked, m.total));
    }
  }
  return metrics;
}

import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { writeAuditEvents } from '@/lib/audit/write-audit-event';
import type { Prisma } from '@/lib/generated/prisma/client';
import { referralRecordSchema, type InformationRequest, type ReferralRecord } from '@/lib/schemas/referral';
import { db, type Tx } from '../client';
import { coordinatedBoardScope } from '../agenda/manage-scope';

export interface ReferralListItemDto {
  id: string;
  version: number;
  status: string;
  statusReason: string | null;
  urgency: 'ROUTINE' | 'URGENT';
  question: string;
  entity: string;
  icd10Code: string | null;
  referredAt: string | null;
  patient: { displayName: string; mrn: string; isSynthetic: boolean };
  board: { id: string; name: string };
  referrer: { name: string };
  tnm: ReferralRecord['tnm'];
  ecog: ReferralRecord['ecog'];
  materialCount: number;
  ruleReason: string | null;
  informationRequests: InformationRequest[];
  targetMeeting: { id: string; startsAt: string; status: string } | null;
  /** Upcoming meetings of the board a coordinator may choose instead (inbox only). */
  meetingOptions: { id: string; startsAt: string; status: string }[];
  /** The meeting whose agenda the case is on (my referrals). */
  scheduledMeeting: { id: string; startsAt: string } | null;
}

const select = {
  id: true, version: true, status: true, statusReason: true, urgency: true, question: true, entity: true, icd10Code: true, referredAt: true, referral: true, patientId: true, createdAt: true,
  patient: { select: { familyName: true, givenName: true, mrn: true, isSynthetic: true } },
  board: { select: { id: true, name: true } },
  referringUser: { select: { name: true } },
  targetMeeting: { select: { id: true, startsAt: true, status: true } },
  agendaItems: { select: { meeting: { select: { id: true, startsAt: true, status: true } } } },
} satisfies Prisma.CaseSelect;
type Row = Prisma.CaseGetPayload<{ select: typeof select }>;

function toDto(row: Row, meetingOptions: ReferralListItemDto['meetingOptions']): ReferralListItemDto {
  const parsed = referralRecordSchema.partial().safeParse(row.referral);
  const record = parsed.success ? parsed.data : {};
  const material = record.material;
  const scheduled = row.agendaItems.map((a) => a.meeting).filter((m) => m.status !== 'CANCELLED').sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime())[0];
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    statusReason: row.statusReason,
    urgency: row.urgency,
    question: row.question,
    entity: row.entity,
    icd10Code: row.icd10Code,
    referredAt: (row.referredAt ?? row.createdAt).toISOString(),
    patient: { displayName: `${row.patient.familyName}, ${row.patient.givenName}`, mrn: row.patient.mrn, isSynthetic: row.patient.isSynthetic },
    board: row.board,
    referrer: { name: row.referringUser.name },
    tnm: record.tnm ?? null,
    ecog: record.ecog ?? null,
    materialCount: material ? material.imagingStudyIds.length + material.reportIds.length + material.observationIds.length : 0,
    ruleReason: record.rule?.reason ?? null,
    informationRequests: record.informationRequests ?? [],
    targetMeeting: row.targetMeeting ? { ...row.targetMeeting, startsAt: row.targetMeeting.startsAt.toISOString() } : null,
    meetingOptions,
    scheduledMeeting: scheduled ? { id: scheduled.id, startsAt: scheduled.startsAt.toISOString() } : null,
  };
}

/** One `case.list` event per patient shown (patient names, questions and staging are on screen). */
async function auditList(tx: Tx, actor: Actor, rows: Row[]) {
  await writeAuditEvents(
    tx,
    rows.map((r) => ({ actor, action: 'case.list' as const, entityType: 'Case', entityId: r.id, patientId: r.patientId, detail: { caseIds: [r.id] } })),
  );
}

/** The coordinator's inbox: REFERRED and NEEDS_INFORMATION cases of the boards they coordinate; urgent first, then oldest. */
export async function listTriageInbox(options: { actor: Actor; now?: Date }): Promise<ReferralListItemDto[]> {
  const { actor, now = new Date() } = options;
  assertCan(actor, 'referrals.triage');
  return db().$transaction(async (tx) => {
    const rows = await tx.case.findMany({
      where: { status: { in: ['REFERRED', 'NEEDS_INFORMATION'] }, board: coordinatedBoardScope(actor) },
      orderBy: [{ urgency: 'desc' }, { referredAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      take: 100,
      select,
    });
    const boardIds = [...new Set(rows.map((r) => r.board.id))];
    const meetings = await tx.meeting.findMany({
      where: { boardId: { in: boardIds }, startsAt: { gt: now }, status: { in: ['SCHEDULED', 'PUBLISHED'] } },
      orderBy: { startsAt: 'asc' },
      select: { id: true, boardId: true, startsAt: true, status: true },
    });
    await auditList(tx, actor, rows);
    return rows.map((r) =>
      toDto(
        r,
        meetings.filter((m) => m.boardId === r.board.id).slice(0, 8).map((m) => ({ id: m.id, startsAt: m.startsAt.toISOString(), status: m.status })),
      ),
    );
  });
}

/** The clinician's own referrals, newest first, with their status. */
export async function listMyReferrals(options: { actor: Actor; take?: number }): Promise<ReferralListItemDto[]> {
  const { actor, take = 50 } = options;
  assertCan(actor, 'cases.refer');
  return db().$transaction(async (tx) => {
    const rows = await tx.case.findMany({ where: { referringUserId: actor.id }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take, select });
    await auditList(tx, actor, rows);
    return rows.map((r) => toDto(r, []));
  });
}

import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { caseScope } from '@/lib/authz/scopes';
import { writeAuditEvents } from '@/lib/audit/write-audit-event';
import { endOfDayInZone, startOfDayInZone } from '@/lib/format/date';
import type { Prisma } from '@/lib/generated/prisma/client';
import {
  CASE_LIST_PAGE_SIZE,
  caseListQuerySchema,
  entitiesMatching,
  searchWords,
  type CaseListItemDto,
  type CaseListPageDto,
  type CaseListQuery,
} from '@/lib/schemas/case';
import type { Tx } from './client';
import { db } from './client';

/** A case is coming up while a meeting it is on has not started and is not cancelled. */
function upcomingMeeting(now: Date): Prisma.MeetingWhereInput {
  return { startsAt: { gte: now }, status: { not: 'CANCELLED' } };
}

const caseListInclude = {
  patient: true,
  board: { select: { id: true, name: true } },
} satisfies Prisma.CaseInclude;
type CaseListRow = Prisma.CaseGetPayload<{ include: typeof caseListInclude }> & { nextMeetingAt: Date | null };

/** Prisma passes `contains`/`startsWith` text to LIKE as is: a typed % or _ must not act as a wildcard. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The list's filters as a `where`, always inside the actor's scope. */
function caseListWhere(actor: Actor, query: CaseListQuery, timeZone: string): Prisma.CaseWhereInput {
  const and: Prisma.CaseWhereInput[] = [caseScope(actor)];
  for (const word of searchWords(query.q)) {
    const entities = entitiesMatching(word);
    const literal = likeLiteral(word);
    const text = { contains: literal, mode: 'insensitive' } as const;
    and.push({
      OR: [
        { patient: { OR: [{ familyName: text }, { givenName: text }, { mrn: text }] } },
        { icd10Code: { startsWith: literal, mode: 'insensitive' } },
        ...(entities.length > 0 ? [{ entity: { in: entities } }] : []),
      ],
    });
  }
  if (query.board) and.push({ boardId: query.board });
  if (query.status.length > 0) and.push({ status: { in: query.status } });
  if (query.mine) and.push({ referringUserId: actor.id });
  if (query.from || query.to) {
    const startsAt: Prisma.DateTimeFilter = {};
    if (query.from) startsAt.gte = startOfDayInZone(query.from, timeZone);
    if (query.to) startsAt.lt = endOfDayInZone(query.to, timeZone);
    and.push({ agendaItems: { some: { meeting: { startsAt, status: { not: 'CANCELLED' } } } } });
  }
  return { AND: and };
}

/**
 * One page of cases in list order: cases coming up at a meeting first (soonest meeting
 * first, in agenda order), then the others, most recently changed first.
 *
 * Prisma cannot order by "the earliest upcoming meeting", so the page is read in two
 * parts, both through the same scoped `where`. The coming-up part starts from the
 * upcoming meetings that have a matching case (few: the next weeks' agendas) and is
 * ordered here; the rest is counted and paged by the database.
 */
async function readCasePage(
  tx: Tx,
  options: { where: Prisma.CaseWhereInput; now: Date; page: number; pageSize: number },
): Promise<{ rows: CaseListRow[]; total: number; page: number }> {
  const { where, now, pageSize } = options;
  const meetings = await tx.meeting.findMany({
    where: { AND: [upcomingMeeting(now), { agendaItems: { some: { case: where } } }] },
    select: { id: true, startsAt: true },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
  });
  const items =
    meetings.length === 0
      ? []
      : await tx.agendaItem.findMany({
          where: { meetingId: { in: meetings.map((m) => m.id) }, case: where },
          select: { caseId: true, meetingId: true, position: true },
        });
  const rank = new Map(meetings.map((m, i) => [m.id, i]));
  items.sort((a, b) => rank.get(a.meetingId)! - rank.get(b.meetingId)! || a.position - b.position || (a.caseId < b.caseId ? -1 : 1));
  // A case on several upcoming agendas counts once, at its soonest meeting.
  const nextMeeting = new Map<string, Date>();
  for (const item of items) if (!nextMeeting.has(item.caseId)) nextMeeting.set(item.caseId, meetings[rank.get(item.meetingId)!]!.startsAt);
  const comingUp = [...nextMeeting.keys()];

  const othersWhere: Prisma.CaseWhereInput = { AND: [where, { agendaItems: { none: { meeting: upcomingMeeting(now) } } }] };
  const othersCount = await tx.case.count({ where: othersWhere });
  const total = comingUp.length + othersCount;

  // A page past the end shows the last page rather than nothing.
  const page = Math.min(options.page, Math.max(1, Math.ceil(total / pageSize)));
  const skip = (page - 1) * pageSize;
  const comingUpIds = comingUp.slice(skip, skip + pageSize);
  const firstRows =
    comingUpIds.length > 0 ? await tx.case.findMany({ where: { AND: [where, { id: { in: comingUpIds } }] }, include: caseListInclude }) : [];
  const byId = new Map(firstRows.map((row) => [row.id, row]));
  const rows: CaseListRow[] = comingUpIds.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ ...row, nextMeetingAt: nextMeeting.get(id) ?? null }] : [];
  });
  const othersSkip = Math.max(0, skip - comingUp.length);
  const othersTake = pageSize - rows.length;
  if (othersTake > 0 && othersSkip < othersCount) {
    const others = await tx.case.findMany({
      where: othersWhere,
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      skip: othersSkip,
      take: othersTake,
      include: caseListInclude,
    });
    rows.push(...others.map((row) => ({ ...row, nextMeetingAt: null })));
  }
  return { rows, total, page };
}

/** One `case.list` audit row per patient shown, listing that patient's cases on the page. */
async function auditCaseList(tx: Tx, actor: Actor, rows: CaseListRow[]): Promise<void> {
  const byPatient = new Map<string, string[]>();
  for (const row of rows) byPatient.set(row.patientId, [...(byPatient.get(row.patientId) ?? []), row.id]);
  await writeAuditEvents(
    tx,
    [...byPatient].map(([patientId, caseIds]) => ({
      actor,
      action: 'case.list' as const,
      entityType: 'Case',
      entityId: caseIds[0],
      patientId,
      detail: { caseIds },
    })),
  );
}

function toCaseListItem(row: CaseListRow): CaseListItemDto {
  return {
    id: row.id,
    patient: {
      id: row.patient.id,
      displayName: `${row.patient.familyName}, ${row.patient.givenName}`,
      mrn: row.patient.mrn,
      birthDate: row.patient.birthDate?.toISOString().slice(0, 10) ?? null,
      sex: row.patient.sex,
      isSynthetic: row.patient.isSynthetic,
    },
    board: row.board,
    question: row.question,
    entity: row.entity,
    icd10Code: row.icd10Code,
    status: row.status,
    urgency: row.urgency,
    nextMeetingAt: row.nextMeetingAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The case list: cases the actor may see, matching the search and filters, one page
 * at a time with the total. Meeting days are calendar days in `timeZone` (the
 * hospital's). Every patient shown is audited in the same transaction as the read;
 * repeatable read so the total, the page and the audit describe one snapshot.
 */
export async function searchCases(options: {
  actor: Actor;
  query: CaseListQuery;
  timeZone: string;
  pageSize?: number;
}): Promise<CaseListPageDto> {
  const { actor, query, timeZone, pageSize = CASE_LIST_PAGE_SIZE } = options;
  assertCan(actor, 'cases.read');
  const where = caseListWhere(actor, query, timeZone);
  return db().$transaction(
    async (tx) => {
      const { rows, total, page } = await readCasePage(tx, { where, now: new Date(), page: query.page, pageSize });
      await auditCaseList(tx, actor, rows);
      return { cases: rows.map(toCaseListItem), total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
    },
    { isolationLevel: 'RepeatableRead' },
  );
}

/**
 * The first `take` cases the actor may see, in list order (coming up first, then most
 * recently changed). `mine` narrows to cases the actor referred. Audited like searchCases.
 */
export async function listCases(options: { actor: Actor; mine?: boolean; take?: number }): Promise<CaseListItemDto[]> {
  const { actor, mine = false, take = 50 } = options;
  const { cases } = await searchCases({ actor, query: { ...caseListQuerySchema.parse({}), mine }, timeZone: 'UTC', pageSize: take });
  return cases;
}

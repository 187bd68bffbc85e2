import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import type { CaseStatus, TumorEntity } from '@/lib/generated/prisma/enums';
import { caseListQuerySchema, type CaseListQuery } from '@/lib/schemas/case';
import { createTestActor } from '@/lib/test/create-test-actor';
import { seedBoard, seedBoardMember, seedMeeting } from '@/prisma/seed/boards';
import { seedAgendaItem } from '@/prisma/seed/patients';
import { listScopedBoards } from './boards';
import { listCases, searchCases } from './cases';
import { db } from './client';

// The world: board A (member, coordinator), board B (coordinator only), board C
// (outsider only). 34 cases on A, so the list has two pages of 25; a few carry
// distinctive names, MRNs, entities, statuses and agenda items.
// Letters only, so no search word of a test (e.g. "c18") can match the tag by chance.
const tag = [...randomUUID().replaceAll('-', '').slice(0, 8)].map((h) => String.fromCharCode(103 + parseInt(h, 16))).join('');
const DAY = 86_400_000;
const TZ = 'Europe/Berlin';

let member: Actor;
let coordinator: Actor;
let outsider: Actor;
let referrer: Actor;
let admin: Actor;
const boards = { a: '', b: '', c: '' };
/** Case ids by name. */
const cases: Record<string, string> = {};
/** Patient ids by case name. */
const patients: Record<string, string> = {};
/** Every case on board A, in the order the list must show them. */
let boardAOrder: string[] = [];
/** The past meeting's local (Berlin) calendar day. */
let pastMeetingDay = '';

const query = (q: Partial<Record<string, string | string[]>> = {}): CaseListQuery => caseListQuerySchema.parse(q);
const ids = async (actor: Actor, q: Partial<Record<string, string | string[]>> = {}) =>
  (await searchCases({ actor, query: query(q), timeZone: TZ, pageSize: 100 })).cases.map((c) => c.id);

interface CaseSpec {
  name: string;
  board: keyof typeof boards;
  family: string;
  given: string;
  mrn: string;
  entity?: TumorEntity;
  icd10Code?: string;
  status?: CaseStatus;
  referrer?: Actor;
  /** Minutes before the base time of the last change. */
  changedAgo: number;
  /** Case name of another case whose patient this case shares. */
  samePatientAs?: string;
}

beforeAll(async () => {
  [member, coordinator, outsider, referrer, admin] = await Promise.all([
    createTestActor({ role: 'CLINICIAN' }),
    createTestActor({ role: 'COORDINATOR' }),
    createTestActor({ role: 'CLINICIAN' }),
    createTestActor({ role: 'CLINICIAN' }),
    createTestActor({ role: 'ADMIN' }),
  ]);
  const base = Date.now() - 60 * 60_000;
  const specs: CaseSpec[] = [
    { name: 'okonkwo', board: 'a', family: `Okonkwo${tag}`, given: 'Adaeze', mrn: `MRN-${tag}-OK`, entity: 'LUNG', icd10Code: 'C34.1', changedAgo: 5 },
    { name: 'colon', board: 'a', family: `Berg${tag}`, given: 'Jonas', mrn: `MRN-${tag}-CO`, entity: 'COLORECTAL', icd10Code: 'C18.7', status: 'DECIDED', changedAgo: 6 },
    { name: 'neck', board: 'a', family: `Lind${tag}`, given: 'Maja', mrn: `MRN-${tag}-HN`, entity: 'HEAD_AND_NECK', icd10Code: 'C32.0', referrer: member, changedAgo: 7 },
    { name: 'soon', board: 'a', family: `Soon${tag}`, given: 'Ida', mrn: `MRN-${tag}-S1`, status: 'SCHEDULED', changedAgo: 200 },
    { name: 'later', board: 'a', family: `Later${tag}`, given: 'Ole', mrn: `MRN-${tag}-S2`, status: 'SCHEDULED', changedAgo: 1 },
    { name: 'cancelled', board: 'a', family: `Cancel${tag}`, given: 'Eva', mrn: `MRN-${tag}-CX`, changedAgo: 8 },
    { name: 'past', board: 'a', family: `Past${tag}`, given: 'Tom', mrn: `MRN-${tag}-PA`, status: 'DISCUSSED', changedAgo: 9 },
    { name: 'second', board: 'a', family: `Okonkwo${tag}`, given: 'Adaeze', mrn: `MRN-${tag}-OK`, entity: 'LUNG', changedAgo: 10, samePatientAs: 'okonkwo', referrer: member },
    ...Array.from({ length: 26 }, (_, i): CaseSpec => ({
      name: `filler${i}`,
      board: 'a',
      family: `Filler${tag}`,
      given: `N${String(i).padStart(2, '0')}`,
      mrn: `MRN-${tag}-F${String(i).padStart(2, '0')}`,
      changedAgo: 20 + i,
    })),
    { name: 'secret', board: 'b', family: `Secret${tag}`, given: 'Vera', mrn: `MRN-${tag}-SB`, entity: 'BREAST', changedAgo: 2 },
    { name: 'referred', board: 'b', family: `Referred${tag}`, given: 'Paul', mrn: `MRN-${tag}-RB`, entity: 'BREAST', referrer, changedAgo: 3 },
    { name: 'elsewhere', board: 'c', family: `Okonkwo${tag}`, given: 'Chidi', mrn: `MRN-${tag}-EC`, entity: 'LUNG', referrer: outsider, changedAgo: 4 },
  ];

  await db().$transaction(async (tx) => {
    const board = (key: string, entity: TumorEntity) =>
      seedBoard(tx, { slug: `list-${key}-${tag}`, name: `List ${key.toUpperCase()} ${tag}`, entityFocus: [entity], recurrence: 'FREQ=WEEKLY', requiredSpecialties: [] });
    boards.a = (await board('a', 'LUNG')).id;
    boards.b = (await board('b', 'BREAST')).id;
    boards.c = (await board('c', 'LUNG')).id;
    await seedBoardMember(tx, { boardId: boards.a, userId: member.id });
    await seedBoardMember(tx, { boardId: boards.a, userId: coordinator.id, role: 'COORDINATOR' });
    await seedBoardMember(tx, { boardId: boards.b, userId: coordinator.id, role: 'COORDINATOR' });
    await seedBoardMember(tx, { boardId: boards.c, userId: outsider.id });

    for (const spec of specs) {
      const patientId =
        spec.samePatientAs !== undefined
          ? patients[spec.samePatientAs]!
          : (
              await tx.patient.create({
                data: { mrn: spec.mrn, familyName: spec.family, givenName: spec.given, sex: 'FEMALE', pseudonym: `P-${spec.mrn}`, isSynthetic: true },
              })
            ).id;
      const kase = await tx.case.create({
        data: {
          patientId,
          boardId: boards[spec.board],
          referringUserId: (spec.referrer ?? coordinator).id,
          question: `Question ${spec.name}?`,
          entity: spec.entity ?? 'LUNG',
          icd10Code: spec.icd10Code ?? null,
          status: spec.status ?? 'REFERRED',
          updatedAt: new Date(base - spec.changedAgo * 60_000),
        },
      });
      cases[spec.name] = kase.id;
      patients[spec.name] = patientId;
    }

    // Meetings of board A: soonest (2 days), later (9 days), a cancelled one (1 day),
    // and a past one at 23:30 UTC, which is already the next day in Berlin.
    const meeting = (startsAt: Date) => seedMeeting(tx, { boardId: boards.a, startsAt, durationMinutes: 90 });
    const soonest = await meeting(new Date(base + 2 * DAY));
    const later = await meeting(new Date(base + 9 * DAY));
    const cancelled = await meeting(new Date(base + 1 * DAY));
    await tx.meeting.update({ where: { id: cancelled.id }, data: { status: 'CANCELLED' } });
    const pastUtcDay = new Date(base - 5 * DAY).toISOString().slice(0, 10);
    const past = await meeting(new Date(`${pastUtcDay}T23:30:00Z`));
    pastMeetingDay = new Date(Date.parse(`${pastUtcDay}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
    // On the soonest agenda okonkwo is presented before soon; soon is on the later agenda too.
    await seedAgendaItem(tx, { meetingId: soonest.id, caseId: cases.okonkwo!, position: 0, minutesAllotted: 5 });
    await seedAgendaItem(tx, { meetingId: soonest.id, caseId: cases.soon!, position: 1, minutesAllotted: 5 });
    await seedAgendaItem(tx, { meetingId: later.id, caseId: cases.later!, position: 1, minutesAllotted: 5 });
    await seedAgendaItem(tx, { meetingId: later.id, caseId: cases.soon!, position: 2, minutesAllotted: 5 });
    await seedAgendaItem(tx, { meetingId: cancelled.id, caseId: cases.cancelled!, position: 1, minutesAllotted: 5 });
    await seedAgendaItem(tx, { meetingId: past.id, caseId: cases.past!, position: 1, minutesAllotted: 5 });
  });

  // Coming up first (soonest meeting first, in agenda order), then the rest by last change, newest first.
  const comingUp = ['okonkwo', 'soon', 'later'];
  const rest = specs.filter((s) => s.board === 'a' && !comingUp.includes(s.name)).sort((x, y) => x.changedAgo - y.changedAgo);
  boardAOrder = [...comingUp.map((name) => cases[name]!), ...rest.map((s) => cases[s.name]!)];
});

describe('case list: search', () => {
  it('finds a patient by part of the family name, any case', async () => {
    expect(await ids(member, { q: `okonkwo${tag}`.toUpperCase() })).toEqual([cases.okonkwo, cases.second]);
    expect(await ids(member, { q: `konkwo${tag.slice(0, 4)}` })).toEqual([cases.okonkwo, cases.second]);
  });

  it('finds by given name, and every word must match', async () => {
    expect(await ids(member, { q: `maja lind${tag}` })).toEqual([cases.neck]);
    expect(await ids(member, { q: `Lind${tag}, Maja` })).toEqual([cases.neck]);
    expect(await ids(member, { q: `maja okonkwo${tag}` })).toEqual([]);
  });

  it('finds by MRN, whole or in part', async () => {
    expect(await ids(member, { q: `mrn-${tag}-hn` })).toEqual([cases.neck]);
    expect(await ids(member, { q: `${tag}-F2` })).toHaveLength(6); // F20 … F25
  });

  it('finds by entity, as the enum value or its label, and by ICD-10 code', async () => {
    const own = (list: string[]) => list.filter((id) => Object.values(cases).includes(id));
    expect(own(await ids(member, { q: 'COLORECTAL' }))).toEqual([cases.colon]);
    expect(own(await ids(member, { q: 'colorectal' }))).toEqual([cases.colon]);
    expect(own(await ids(member, { q: 'head and neck' }))).toEqual([cases.neck]);
    expect(own(await ids(member, { q: 'HEAD_AND_NECK' }))).toEqual([cases.neck]);
    expect(own(await ids(member, { q: 'c18' }))).toEqual([cases.colon]);
  });

  it('treats % and _ as plain characters, not wildcards', async () => {
    expect(await ids(member, { q: '%' })).toEqual([]);
    expect(await ids(member, { q: `MRN_${tag}` })).toEqual([]);
  });
});

describe('case list: filters', () => {
  it('filters by one status or several', async () => {
    expect(await ids(member, { status: 'SCHEDULED' })).toEqual([cases.soon, cases.later]);
    expect(await ids(member, { status: ['DECIDED', 'DISCUSSED', 'NOT_A_STATUS'] })).toEqual([cases.colon, cases.past]);
  });

  it('filters by board, within the scope only', async () => {
    expect(await ids(coordinator, { board: boards.b })).toEqual([cases.secret, cases.referred]);
    expect((await ids(coordinator, { board: boards.a })).length).toBe(34);
    expect(await ids(member, { board: boards.b })).toEqual([]);
    expect(await ids(member, { board: boards.c })).toEqual([]);
  });

  it('narrows to the cases the actor referred', async () => {
    expect(await ids(member, { mine: '1' })).toEqual([cases.neck, cases.second]);
    expect(await listCases({ actor: member, mine: true })).toHaveLength(2);
  });

  it('filters by the day of a meeting the case is on, in the hospital time zone, ignoring cancelled meetings', async () => {
    expect(await ids(member, { from: pastMeetingDay, to: pastMeetingDay })).toEqual([cases.past]);
    const dayBefore = new Date(Date.parse(`${pastMeetingDay}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
    expect(await ids(member, { from: dayBefore, to: dayBefore })).toEqual([]);
    const farAhead = new Date(Date.now() + 60 * DAY).toISOString().slice(0, 10);
    expect(await ids(member, { from: pastMeetingDay })).toEqual([cases.okonkwo, cases.soon, cases.later, cases.past]);
    expect(await ids(member, { from: farAhead, to: pastMeetingDay })).toEqual([cases.okonkwo, cases.soon, cases.later, cases.past]);
    expect(await ids(member, { to: pastMeetingDay })).toEqual([cases.past]);
  });

  it('combines search and filters', async () => {
    expect(await ids(member, { q: `okonkwo${tag}`, mine: '1' })).toEqual([cases.second]);
    expect(await ids(member, { q: `filler${tag}`, status: 'SCHEDULED' })).toEqual([]);
  });
});

describe('case list: order and paging', () => {
  it('shows cases coming up first (soonest meeting, then agenda order), then by last change; a cancelled meeting does not count', async () => {
    expect(await ids(member)).toEqual(boardAOrder);
    const shown = (await searchCases({ actor: member, query: query(), timeZone: TZ })).cases;
    // soon is on two upcoming agendas: listed once, with the sooner meeting.
    expect(shown.filter((c) => c.id === cases.soon)).toHaveLength(1);
    expect(shown[1]?.nextMeetingAt).toBe(shown[0]?.nextMeetingAt);
    expect(Date.parse(shown[2]!.nextMeetingAt!)).toBeGreaterThan(Date.parse(shown[1]!.nextMeetingAt!));
    expect(shown.slice(3).map((c) => c.nextMeetingAt)).toEqual(Array(22).fill(null));
  });

  it('pages by 25 with the total, without gaps or repeats, and shows the last page for a page past the end', async () => {
    const one = await searchCases({ actor: member, query: query(), timeZone: TZ });
    const two = await searchCases({ actor: member, query: query({ page: '2' }), timeZone: TZ });
    expect([one.total, one.page, one.pageCount, one.cases.length]).toEqual([34, 1, 2, 25]);
    expect([two.total, two.page, two.cases.length]).toEqual([34, 2, 9]);
    expect([...one.cases, ...two.cases].map((c) => c.id)).toEqual(boardAOrder);
    const beyond = await searchCases({ actor: member, query: query({ page: '99' }), timeZone: TZ });
    expect(beyond.page).toBe(2);
    expect(beyond.cases.map((c) => c.id)).toEqual(two.cases.map((c) => c.id));
  });

  it('pages across the coming-up cases and the rest', async () => {
    const pageOf = async (page: number) =>
      (await searchCases({ actor: member, query: query({ page: String(page) }), timeZone: TZ, pageSize: 3 })).cases.map((c) => c.id);
    expect(await pageOf(1)).toEqual(boardAOrder.slice(0, 3));
    expect(await pageOf(2)).toEqual(boardAOrder.slice(3, 6));
    expect(await pageOf(12)).toEqual(boardAOrder.slice(33));
  });

  it('says nothing matches with a total of 0 and page 1', async () => {
    expect(await searchCases({ actor: member, query: query({ q: `nobody-${tag}` }), timeZone: TZ })).toEqual({
      cases: [],
      total: 0,
      page: 1,
      pageSize: 25,
      pageCount: 1,
    });
  });
});

describe('case list: scope', () => {
  it('never shows a clinician a case outside their boards and referrals, even searched by its MRN', async () => {
    expect(await ids(member, { q: `MRN-${tag}-SB` })).toEqual([]);
    expect(await ids(member, { q: `MRN-${tag}-EC` })).toEqual([]);
    expect(await ids(member, { q: `Chidi` })).not.toContain(cases.elsewhere);
    expect(await ids(outsider, { q: `okonkwo${tag}` })).toEqual([cases.elsewhere]);
  });

  it('shows a referrer outside the board only the case they referred', async () => {
    expect(await ids(referrer)).toEqual([cases.referred]);
    expect(await ids(referrer, { q: `MRN-${tag}-SB` })).toEqual([]);
  });

  it('shows a coordinator the cases of all their boards', async () => {
    const seen = await ids(coordinator);
    expect(seen).toHaveLength(36);
    expect(seen).toEqual(expect.arrayContaining([cases.secret, cases.referred, ...boardAOrder]));
    expect(seen).not.toContain(cases.elsewhere);
  });

  it('offers as board filters only the boards in scope', async () => {
    expect((await listScopedBoards({ actor: member })).map((b) => b.id)).toEqual([boards.a]);
    expect((await listScopedBoards({ actor: coordinator })).map((b) => b.id)).toEqual([boards.a, boards.b]);
    expect((await listScopedBoards({ actor: referrer })).map((b) => b.id)).toEqual([boards.b]);
  });

  it('refuses admins patient data altogether (separation of duties)', async () => {
    await expect(searchCases({ actor: admin, query: query(), timeZone: TZ })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listCases({ actor: admin })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listScopedBoards({ actor: admin })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('case list: audit', () => {
  const auditedSince = async (actor: Actor, afterId: bigint) =>
    db().auditEvent.findMany({ where: { actorId: actor.id, action: 'case.list', id: { gt: afterId } }, orderBy: { id: 'asc' } });
  const lastAuditId = async () => (await db().auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;

  it('writes one row per patient shown, for exactly the patients on the page', async () => {
    const before = await lastAuditId();
    const page = await searchCases({ actor: member, query: query({ page: '2' }), timeZone: TZ });
    const rows = await auditedSince(member, before);
    expect(rows.map((r) => r.patientId).sort()).toEqual([...new Set(page.cases.map((c) => c.patient.id))].sort());
    expect(rows.every((r) => r.actorEmail === member.email && r.outcome === 'SUCCESS')).toBe(true);
  });

  it('lists both cases of a patient shown twice in one row', async () => {
    const before = await lastAuditId();
    await searchCases({ actor: member, query: query({ q: `okonkwo${tag}` }), timeZone: TZ });
    const rows = await auditedSince(member, before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ patientId: patients.okonkwo, entityType: 'Case', entityId: cases.okonkwo });
    expect(rows[0]?.detail).toEqual({ caseIds: [cases.okonkwo, cases.second] });
  });

  it('writes nothing when nothing is shown, and nothing about patients out of scope', async () => {
    const before = await lastAuditId();
    await searchCases({ actor: member, query: query({ q: `MRN-${tag}-SB` }), timeZone: TZ });
    expect(await auditedSince(member, before)).toEqual([]);
  });

  it('marks synthetic patients', async () => {
    const [first] = await listCases({ actor: member, mine: true });
    expect(first?.patient.isSynthetic).toBe(true);
  });
});

// Board administration against the real database: create (slug, audit), edit with the version
// the coordinator saw (a stale one changes nothing), memberships, and what clinicians may not do.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { isAppError } from '@/lib/errors';
import { createBoardSchema } from '@/lib/schemas/board';
import { createTestActor } from '@/lib/test/create-test-actor';
import { setBoardMember } from './board-members';
import { createBoard, getBoard, listBoards, updateBoard } from './boards';
import { db } from './client';

let coordinator: Actor;
let clinician: Actor;

beforeAll(async () => {
  coordinator = await createTestActor({ role: 'COORDINATOR' });
  clinician = await createTestActor({ role: 'CLINICIAN' });
});

const form = (overrides: Record<string, unknown> = {}) =>
  createBoardSchema.parse({
    name: `Neuro-oncology ${Math.random().toString(36).slice(2, 7)}`,
    entityFocus: ['CNS'],
    timeZone: 'Europe/Berlin',
    frequency: 'MONTHLY',
    setPos: '1',
    weekday: 'TU',
    time: '16:00',
    meetingDurationMinutes: '60',
    defaultMinutesPerCase: '6',
    submissionDeadlineHours: '72',
    requiredSpecialties: ['RADIOLOGY', 'PATHOLOGY'],
    ...overrides,
  });

async function error(promise: Promise<unknown>) {
  const e = await promise.then(() => null, (x: unknown) => x);
  return isAppError(e) ? e.code : String(e);
}

describe('board administration', () => {
  it('creates a board with the RRULE the form fields stand for, and audits it', async () => {
    const fields = form({ name: 'Neuro Onko Board' });
    expect(fields.recurrence).toBe('FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1;BYHOUR=16;BYMINUTE=0');
    const board = await createBoard({ actor: coordinator, fields });
    expect(board).toMatchObject({ slug: expect.stringMatching(/^neuro-onko-board/), timeZone: 'Europe/Berlin', defaultMinutesPerCase: 6, version: 0 });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'board.create', entityId: board.id } });
    expect(audit.detail).toMatchObject({ recurrence: fields.recurrence, timeZone: 'Europe/Berlin' });
    expect((await listBoards({ actor: coordinator })).some((b) => b.id === board.id)).toBe(true);
  });

  it('saves an edit with the current version and refuses a stale one unchanged', async () => {
    const board = await createBoard({ actor: coordinator, fields: form() });
    const saved = await updateBoard({ actor: coordinator, boardId: board.id, version: 0, fields: form({ name: board.name, frequency: 'WEEKLY', interval: '2', weekday: 'WE', time: '07:30' }) });
    expect(saved).toMatchObject({ version: 1, recurrence: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;BYHOUR=7;BYMINUTE=30' });
    expect(await error(updateBoard({ actor: coordinator, boardId: board.id, version: 0, fields: form({ name: 'Lost update' }) }))).toBe('CONFLICT');
    expect(await getBoard({ actor: coordinator, boardId: board.id })).toMatchObject({ name: board.name, version: 1 });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'board.update', entityId: board.id } });
    expect((audit.detail as { fields: string[] }).fields).toEqual(['recurrence']);
  });

  it('adds, changes and removes members; clinicians may do none of it', async () => {
    const board = await createBoard({ actor: coordinator, fields: form() });
    await setBoardMember({ actor: coordinator, boardId: board.id, userId: clinician.id, role: 'MEMBER' });
    await setBoardMember({ actor: coordinator, boardId: board.id, userId: clinician.id, role: 'CHAIR' });
    const members = async () => (await getBoard({ actor: coordinator, boardId: board.id })).members.map((m) => ({ userId: m.userId, role: m.role }));
    // The creator is the board's first coordinator.
    expect(await members()).toEqual(expect.arrayContaining([{ userId: clinician.id, role: 'CHAIR' }, { userId: coordinator.id, role: 'COORDINATOR' }]));
    await setBoardMember({ actor: coordinator, boardId: board.id, userId: clinician.id, role: 'NONE' });
    expect(await members()).toEqual([{ userId: coordinator.id, role: 'COORDINATOR' }]);
    // The only coordinator cannot step down (nobody could change the board after that).
    expect(await error(setBoardMember({ actor: coordinator, boardId: board.id, userId: coordinator.id, role: 'MEMBER' }))).toBe('CONFLICT');
    const trail = await db().auditEvent.findMany({ where: { action: 'board.member_set', entityId: board.id }, orderBy: { id: 'asc' } });
    expect(trail.map((t) => t.detail)).toEqual([
      { userId: coordinator.id, role: 'COORDINATOR', previous: null },
      { userId: clinician.id, role: 'MEMBER', previous: null },
      { userId: clinician.id, role: 'CHAIR', previous: 'MEMBER' },
      { userId: clinician.id, role: null, previous: 'CHAIR' },
    ]);

    expect(await error(createBoard({ actor: clinician, fields: form() }))).toBe('FORBIDDEN');
    expect(await error(updateBoard({ actor: clinician, boardId: board.id, version: 0, fields: form() }))).toBe('FORBIDDEN');
    expect(await error(setBoardMember({ actor: clinician, boardId: board.id, userId: clinician.id, role: 'CHAIR' }))).toBe('FORBIDDEN');
    expect(await error(listBoards({ actor: clinician }))).toBe('FORBIDDEN');

    // A coordinator of another board can neither see this one nor add themselves to it
    // (membership is what opens a board's patients).
    const other = await createTestActor({ role: 'COORDINATOR' });
    expect(await error(getBoard({ actor: other, boardId: board.id }))).toBe('NOT_FOUND');
    expect(await error(setBoardMember({ actor: other, boardId: board.id, userId: other.id, role: 'COORDINATOR' }))).toBe('NOT_FOUND');
    expect(await error(updateBoard({ actor: other, boardId: board.id, version: 0, fields: form() }))).toBe('NOT_FOUND');
    expect(await db().boardMembership.count({ where: { boardId: board.id, userId: other.id } })).toBe(0);
  });

  it('rejects an unknown time zone and an empty entity focus with field messages', () => {
    const result = createBoardSchema.safeParse({ name: 'X board', timeZone: 'Mars/Olympus', frequency: 'WEEKLY', meetingDurationMinutes: '90', defaultMinutesPerCase: '5', submissionDeadlineHours: '48' });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(paths).toEqual(expect.arrayContaining(['timeZone: Choose a time zone from the list', 'entityFocus: Choose at least one entity']));
  });
});

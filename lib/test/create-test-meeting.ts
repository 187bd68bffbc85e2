// A live-meeting world for integration tests: a board with the given members (and roles on
// the board), a meeting, and `cases` synthetic cases on its agenda in order.
import { randomUUID } from 'node:crypto';
import type { Actor } from '@/lib/authz/actor';
import type { BoardRole, Specialty } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db/client';

export interface TestMeeting {
  boardId: string;
  meetingId: string;
  itemIds: string[];
  caseIds: string[];
}

export async function createTestMeeting(options: {
  members: { actor: Actor; role: BoardRole }[];
  cases?: number;
  requiredSpecialties?: Specialty[];
  referrer: Actor;
}): Promise<TestMeeting> {
  const tag = randomUUID().slice(0, 8);
  const board = await db().board.create({
    data: {
      slug: `live-board-${tag}`,
      name: `Live board ${tag}`,
      entityFocus: ['LUNG'],
      requiredSpecialties: options.requiredSpecialties ?? [],
      members: { create: options.members.map((m) => ({ userId: m.actor.id, role: m.role })) },
    },
  });
  const meeting = await db().meeting.create({ data: { boardId: board.id, startsAt: new Date(Date.now() + 3_600_000), durationMinutes: 60, status: 'PUBLISHED' } });
  const itemIds: string[] = [];
  const caseIds: string[] = [];
  for (let i = 0; i < (options.cases ?? 3); i++) {
    const patient = await db().patient.create({
      data: { mrn: `LIVE-${tag}-${i}`, familyName: 'Livetest', givenName: `Case${i}`, sex: 'MALE', birthDate: new Date('1955-01-01'), pseudonym: `PSN-L-${tag}-${i}`, isSynthetic: true },
    });
    const kase = await db().case.create({
      data: { patientId: patient.id, boardId: board.id, referringUserId: options.referrer.id, question: `Question ${i}`, entity: 'LUNG' },
    });
    const item = await db().agendaItem.create({ data: { meetingId: meeting.id, caseId: kase.id, position: i, minutesAllotted: 5 } });
    itemIds.push(item.id);
    caseIds.push(kase.id);
  }
  return { boardId: board.id, meetingId: meeting.id, itemIds, caseIds };
}

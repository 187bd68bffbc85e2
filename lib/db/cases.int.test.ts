import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { createTestActor } from '@/lib/test/create-test-actor';
import { seedBoard, seedBoardMember } from '@/prisma/seed/boards';
import { seedCase, seedPatient } from '@/prisma/seed/patients';
import { listCases } from './cases';
import { db } from './client';

let member: Actor;
let outsider: Actor;
let admin: Actor;
let coordinator: Actor;
let caseId: string;
let patientId: string;

beforeAll(async () => {
  member = await createTestActor({ role: 'CLINICIAN' });
  outsider = await createTestActor({ role: 'CLINICIAN' });
  admin = await createTestActor({ role: 'ADMIN' });
  coordinator = await createTestActor({ role: 'COORDINATOR' });
  const tag = randomUUID().slice(0, 8);
  await db().$transaction(async (tx) => {
    const board = await seedBoard(tx, { slug: `board-${tag}`, name: `Board ${tag}`, entityFocus: ['LUNG'], recurrence: 'FREQ=WEEKLY', requiredSpecialties: [] });
    await seedBoardMember(tx, { boardId: board.id, userId: member.id });
    await seedBoardMember(tx, { boardId: board.id, userId: coordinator.id, role: 'COORDINATOR' });
    const patient = await seedPatient(tx, { mrn: `T-${tag}`, familyName: 'Scope', givenName: 'Test', birthDate: '1960-01-01', sex: 'FEMALE', pseudonym: `P-${tag}` });
    patientId = patient.id;
    const kase = await seedCase(tx, { patientId: patient.id, boardId: board.id, referringUserId: member.id, question: 'Scope?', entity: 'LUNG' });
    caseId = kase.id;
  });
});

describe('case scoping', () => {
  it('shows board members and the coordinator the case, and audits the read per patient', async () => {
    for (const actor of [member, coordinator]) {
      const cases = await listCases({ actor });
      expect(cases.map((c) => c.id)).toContain(caseId);
      const audit = await db().auditEvent.findFirst({ where: { actorId: actor.id, action: 'case.list', patientId } });
      expect(audit?.entityId).toBe(caseId);
    }
  });

  it('hides the case from a clinician outside the board', async () => {
    expect((await listCases({ actor: outsider })).map((c) => c.id)).not.toContain(caseId);
  });

  it('refuses admins patient data altogether (separation of duties)', async () => {
    await expect(listCases({ actor: admin })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('marks synthetic patients', async () => {
    const [first] = await listCases({ actor: member, mine: true });
    expect(first?.patient.isSynthetic).toBe(true);
  });
});

import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { caseScope } from '@/lib/authz/scopes';
import { createTestActor } from '@/lib/test/create-test-actor';
import { caseScopeSql } from './case-scope-lookup';
import { db } from './client';
import { loadCaseFeatureData } from './inference/load-case-feature-data';

// caseScopeSql must admit exactly the cases caseScope admits: the model run checks the scope
// in SQL (lib/db/inference), everything else through Prisma. Both are asked about the same
// cases for actors in and out of scope, on the case's board, on another board, and with
// roles that do or do not read cases.

let actors: Record<string, Actor>;
let cases: Record<string, string>;

async function board(members: Actor[]) {
  const tag = randomUUID().slice(0, 8);
  return db().board.create({ data: { slug: `scope-${tag}`, name: `Scope ${tag}`, entityFocus: ['LUNG'], members: { create: members.map((m) => ({ userId: m.id })) } } });
}

async function caseOn(boardId: string, referrer: Actor) {
  const tag = randomUUID().slice(0, 8);
  const patient = await db().patient.create({ data: { mrn: `SCOPE-${tag}`, familyName: 'Scope', givenName: tag, sex: 'FEMALE', birthDate: new Date('1970-01-01'), pseudonym: `PSN-SCOPE-${tag}`, isSynthetic: true } });
  const kase = await db().case.create({ data: { patientId: patient.id, boardId, referringUserId: referrer.id, question: 'Scope?', entity: 'LUNG' } });
  return kase.id;
}

beforeAll(async () => {
  actors = {
    referrer: await createTestActor({ role: 'CLINICIAN' }), // referred A1, on no board
    memberA: await createTestActor({ role: 'CLINICIAN' }), // on board A, referred A2
    memberB: await createTestActor({ role: 'CLINICIAN' }), // on board B only
    referrerB: await createTestActor({ role: 'CLINICIAN' }), // referred B1, on board A
    outsider: await createTestActor({ role: 'CLINICIAN' }),
    coordinatorA: await createTestActor({ role: 'COORDINATOR' }), // reads cases, on board A
    coordinatorNone: await createTestActor({ role: 'COORDINATOR' }),
    adminA: await createTestActor({ role: 'ADMIN' }), // on board A, but admins read no cases
  };
  const a = await board([actors.memberA!, actors.referrerB!, actors.coordinatorA!, actors.adminA!]);
  const b = await board([actors.memberB!]);
  cases = { A1: await caseOn(a.id, actors.referrer!), A2: await caseOn(a.id, actors.memberA!), B1: await caseOn(b.id, actors.referrerB!) };
});

const expected: Record<string, string[]> = {
  referrer: ['A1'],
  memberA: ['A1', 'A2'],
  memberB: ['B1'],
  referrerB: ['A1', 'A2', 'B1'],
  outsider: [],
  coordinatorA: ['A1', 'A2'],
  coordinatorNone: [],
  adminA: [],
};

const names = (ids: string[]) => Object.entries(cases).filter(([, id]) => ids.includes(id)).map(([name]) => name).sort();

describe('caseScopeSql', () => {
  it('admits exactly the cases caseScope admits, for every kind of actor', async () => {
    const ids = Object.values(cases);
    for (const [name, actor] of Object.entries(actors)) {
      const viaPrisma = await db().case.findMany({ where: { AND: [{ id: { in: ids } }, caseScope(actor)] }, select: { id: true } });
      const viaSql = await db().$queryRaw<{ id: string }[]>`SELECT c.id FROM cases c WHERE c.id = ANY(${ids}::text[]) AND ${caseScopeSql(actor, 'c')}`;
      expect({ name, sql: names(viaSql.map((r) => r.id)) }).toEqual({ name, sql: names(viaPrisma.map((r) => r.id)) });
      expect({ name, cases: names(viaPrisma.map((r) => r.id)) }).toEqual({ name, cases: expected[name] });
    }
  });

  it('is the scope of the model run’s read: a case outside it is not found', async () => {
    for (const [name, actor] of Object.entries(actors)) {
      for (const [caseName, caseId] of Object.entries(cases)) {
        const loaded = await loadCaseFeatureData(db(), { caseId, scope: caseScopeSql(actor, 'c'), referenceDate: new Date() });
        expect({ name, caseName, found: loaded !== null }).toEqual({ name, caseName, found: expected[name]!.includes(caseName) });
      }
    }
  });

  it('takes only a plain alias', () => {
    expect(() => caseScopeSql(actors.referrer!, 'c; DROP TABLE cases')).toThrow(/not a table alias/);
  });
});

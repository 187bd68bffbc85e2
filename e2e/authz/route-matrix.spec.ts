// The allow/deny matrix for pages and route handlers: every entry of
// lib/authz/route-access.ts, requested over HTTP as nobody and as each role,
// must answer exactly what the permission table says. (The unit test
// lib/authz/route-access.test.ts makes sure every route has an entry.)
import { createHash } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { roles, type Role } from '../../lib/authz/roles';
import { permitsAccess, routeAccess, type RoutePattern } from '../../lib/authz/route-access';
import { signInViaApi } from '../fixtures/sign-in-api';
import { e2eDb } from '../fixtures/db';
import { signDecisionViaApp } from '../fixtures/signed-decision';
import { createE2eUser, type E2eUser } from '../fixtures/users';

/** A concrete URL for each pattern (dynamic segments filled with real rows). */
function urlFor(pattern: RoutePattern, fixtures: Fixtures): string {
  const urls: Record<RoutePattern, string> = {
    '/signin': '/signin',
    '/': '/',
    '/cases': '/cases',
    '/cases/[caseId]': `/cases/${fixtures.someCaseId}`,
    '/meetings': '/meetings',
    '/boards': '/boards',
    '/boards/new': '/boards/new',
    '/boards/[boardId]': `/boards/${fixtures.someBoardId}`,
    '/referrals': '/referrals',
    '/referrals/new': '/referrals/new',
    '/meetings/[meetingId]/agenda': `/meetings/${fixtures.someMeetingId}/agenda`,
    '/meetings/[meetingId]': `/meetings/${fixtures.someMeetingId}`,
    '/notifications': '/notifications',
    '/meetings/[meetingId]/live': `/meetings/${fixtures.someMeetingId}/live`,
    '/admin/users': '/admin/users',
    '/admin/users/[userId]': `/admin/users/${fixtures.someUserId}`,
    '/admin/models': '/admin/models',
    '/admin/models/[versionId]': `/admin/models/${fixtures.someModelVersionId}`,
    '/admin/audit': '/admin/audit',
    '/imports': '/imports',
    '/api/auth/[...nextauth]': '/api/auth/session',
    '/api/health': '/api/health',
    '/api/fhir': '/api/fhir',
    '/api/fhir/[resourceType]': '/api/fhir/Patient',
    '/api/cases/[caseId]/annotations': `/api/cases/${fixtures.someCaseId}/annotations`,
    '/api/cases/[caseId]/inference': `/api/cases/${fixtures.someCaseId}/inference`,
    '/api/cases/[caseId]/decisions': `/api/cases/${fixtures.someCaseId}/decisions`,
    '/api/admin/models': '/api/admin/models',
    '/api/imports': '/api/imports',
    '/api/imports/[jobId]': `/api/imports/${fixtures.someImportJobId}`,
    '/api/dicomweb/[...path]': '/api/dicomweb/studies',
    '/follow-ups': '/follow-ups',
    '/quality': '/quality',
    '/api/quality/export': '/api/quality/export',
    '/api/meetings/[meetingId]/handout': `/api/meetings/${fixtures.someMeetingId}/handout`,
    '/api/documents/[documentId]': `/api/documents/${fixtures.someProtocolDocumentId}`,
    '/api/decisions/[decisionId]/fhir': `/api/decisions/${fixtures.someSignedDecisionId}/fhir`,
    // once=1: the current state, then the stream closes (a GET here must finish).
    '/api/meetings/[meetingId]/live': `/api/meetings/${fixtures.someMeetingId}/live?once=1`,
  };
  return urls[pattern];
}

interface Fixtures {
  someUserId: string;
  someImportJobId: string;
  /** A case the CLINICIAN referred, on a board the COORDINATOR belongs to: both may open it. */
  someCaseId: string;
  /** A registered model version (the e2e seed registers the shipped models). */
  someModelVersionId: string;
  /** A demo board the COORDINATOR coordinates (board role COORDINATOR). */
  someBoardId: string;
  /** A meeting of a board both the CLINICIAN and the COORDINATOR belong to (the COORDINATOR coordinates it: agenda builder), with a handout. */
  someMeetingId: string;
  /** A (stand-in) meeting protocol of that meeting: both may download it. */
  someProtocolDocumentId: string;
  /** A signed decision on someCaseId at that meeting: both may export it as FHIR. */
  someSignedDecisionId: string;
}

/** Allowed requests answer 200, except where GET is not what the route is for. */
const allowedStatus: Partial<Record<RoutePattern, number>> = {
  // Konsil imports FHIR; a GET on a type answers 405 (no FHIR search) once past the permission check.
  '/api/fhir/[resourceType]': 405,
};

type Expected = 'ok' | 'to-signin' | 'forbidden' | 'unauthorized' | 'redirect-home';

function expected(pattern: RoutePattern, role: Role | null): Expected {
  const access = routeAccess[pattern];
  const isApi = pattern.startsWith('/api/');
  if (access.kind === 'public') return pattern === '/signin' && role ? 'redirect-home' : 'ok';
  if (!role) return isApi ? 'unauthorized' : 'to-signin';
  return permitsAccess({ roles: [role] }, access) ? 'ok' : 'forbidden';
}

async function check(request: APIRequestContext, pattern: RoutePattern, want: Expected) {
  const url = urlFor(pattern, fixtures);
  const response = await request.get(url, { maxRedirects: 0 });
  const status = response.status();
  const location = response.headers().location ?? '';
  switch (want) {
    case 'ok':
      expect(status, `${url} should answer ${allowedStatus[pattern] ?? 200}`).toBe(allowedStatus[pattern] ?? 200);
      break;
    case 'forbidden':
      expect(status, `${url} should answer 403`).toBe(403);
      if (!url.startsWith('/api/')) expect(await response.text()).toContain('Access denied (403)');
      break;
    case 'unauthorized':
      expect(status, `${url} should answer 401`).toBe(401);
      break;
    case 'to-signin':
      expect([302, 303, 307], `${url} should redirect`).toContain(status);
      expect(location).toMatch(/\/signin/);
      break;
    case 'redirect-home':
      expect([302, 303, 307], `${url} should redirect`).toContain(status);
      expect(location).not.toMatch(/\/signin/);
      break;
  }
}

const patterns = Object.keys(routeAccess) as RoutePattern[];
let users: Record<Role, E2eUser>;
let fixtures: Fixtures;

test.beforeAll(async () => {
  users = {
    CLINICIAN: await createE2eUser({ roles: ['CLINICIAN'] }),
    COORDINATOR: await createE2eUser({ roles: ['COORDINATOR'] }),
    ADMIN: await createE2eUser({ roles: ['ADMIN'] }),
  };
  const job = await e2eDb().importJob.create({ data: { kind: 'FHIR', channel: 'cli', sourceName: 'route-matrix fixture', status: 'SUCCEEDED' } });
  const patient = await e2eDb().patient.findFirstOrThrow({ where: { isSynthetic: true }, orderBy: { mrn: 'asc' } });
  const board = await e2eDb().board.findFirstOrThrow({ orderBy: { slug: 'asc' } });
  await e2eDb().boardMembership.create({ data: { boardId: board.id, userId: users.COORDINATOR.id, role: 'COORDINATOR' } });
  const someCase = await e2eDb().case.create({
    data: { patientId: patient.id, boardId: board.id, referringUserId: users.CLINICIAN.id, question: 'Route matrix fixture', entity: 'OTHER', status: 'REFERRED' },
  });
  const someModelVersion = await e2eDb().modelVersion.findFirstOrThrow({ orderBy: { modelKey: 'asc' } });
  // A meeting on that board with the case on its agenda and a (stand-in) handout to download.
  // upsert: other fixtures may make the CLINICIAN a member of this board too.
  await e2eDb().boardMembership.upsert({ where: { boardId_userId: { boardId: board.id, userId: users.CLINICIAN.id } }, create: { boardId: board.id, userId: users.CLINICIAN.id, role: 'MEMBER' }, update: {} });
  const meeting = await e2eDb().meeting.create({ data: { boardId: board.id, startsAt: new Date(Date.now() + (30 + Math.random() * 300) * 86_400_000), durationMinutes: 60 } });
  await e2eDb().agendaItem.create({ data: { meetingId: meeting.id, caseId: someCase.id, position: 0, minutesAllotted: 5 } });
  const pdf = Buffer.from('%PDF-1.4\n% route matrix fixture\n');
  await e2eDb().generatedDocument.create({
    data: { kind: 'AGENDA_HANDOUT', meetingId: meeting.id, fileName: 'fixture.pdf', contentType: 'application/pdf', bytes: pdf, sha256: createHash('sha256').update(pdf).digest('hex') },
  });
  const protocol = await e2eDb().generatedDocument.create({
    data: { kind: 'MEETING_PROTOCOL', meetingId: meeting.id, fileName: 'fixture-protocol.pdf', contentType: 'application/pdf', bytes: pdf, sha256: createHash('sha256').update(pdf).digest('hex') },
    select: { id: true },
  });
  const signed = signDecisionViaApp({ caseId: someCase.id, meetingId: meeting.id, authorId: users.CLINICIAN.id });
  fixtures = {
    someUserId: users.CLINICIAN.id,
    someImportJobId: job.id,
    someCaseId: someCase.id,
    someModelVersionId: someModelVersion.id,
    someMeetingId: meeting.id,
    someBoardId: board.id,
    someProtocolDocumentId: protocol.id,
    someSignedDecisionId: signed.decisionId,
  };
});

test('anonymous visitors get exactly the public routes', async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  for (const pattern of patterns) await check(request, pattern, expected(pattern, null));
  await request.dispose();
});

for (const role of roles) {
  test(`${role} gets exactly what the permission table grants`, async ({ playwright }) => {
    const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    await signInViaApi(request, users[role]);
    for (const pattern of patterns) await check(request, pattern, expected(pattern, role));
    await request.dispose();
  });
}

// The proxy turns away requests without a session cookie before any page runs, so
// the runs above never reach the pages' own anonymous check. These do: a forged
// cookie, and the real cookie of a user who has since been deactivated.
const stale: { name: string; headers?: Record<string, string>; prepare?: (request: APIRequestContext) => Promise<void> }[] = [
  { name: 'a forged session cookie', headers: { cookie: 'authjs.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0.forged.forged.forged.forged' } },
  {
    name: "a deactivated user's real session cookie",
    prepare: async (request) => {
      const user = await createE2eUser({ roles: ['CLINICIAN', 'COORDINATOR', 'ADMIN'] });
      await signInViaApi(request, user);
      await e2eDb().user.update({ where: { id: user.id }, data: { active: false, sessionVersion: { increment: 1 } } });
    },
  },
];

for (const { name, headers, prepare } of stale) {
  test(`${name} opens nothing that needs a sign-in`, async ({ playwright }) => {
    const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: headers });
    await prepare?.(request);
    for (const pattern of patterns) await check(request, pattern, expected(pattern, null));
    await request.dispose();
  });
}

test('an unknown user id answers 404 to an admin, not an error page', async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await signInViaApi(request, users.ADMIN);
  expect((await request.get('/admin/users/clxxxxxxxxxxxxxxxxxxxxxxx', { maxRedirects: 0 })).status()).toBe(404);
  expect((await request.get('/admin/users/not-an-id', { maxRedirects: 0 })).status()).toBe(404);
  expect((await request.get('/no/such/page', { maxRedirects: 0 })).status()).toBe(404);
  await request.dispose();
});

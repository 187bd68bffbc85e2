// The route itself: withRouteAccess and the permission table decide before the
// handler runs. Only the session lookup is replaced (there is no browser here);
// the permission check, the denial audit and the handler are real.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { can } from '@/lib/authz/permissions';
import { accessFor } from '@/lib/authz/route-access';
import { db } from '@/lib/db/client';
import { createTestActor } from '@/lib/test/create-test-actor';

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/get-actor', () => ({ getActor: async () => session.actor }));

const { GET } = await import('@/app/api/dicomweb/[...path]/route');

const call = (path: string[]) => GET(new Request(`http://konsil.test/api/dicomweb/${path.join('/')}`), { params: Promise.resolve({ path }) });

let admin: Actor;
let clinician: Actor;
let coordinator: Actor;

beforeAll(async () => {
  [admin, clinician, coordinator] = await Promise.all([createTestActor({ role: 'ADMIN' }), createTestActor({ role: 'CLINICIAN' }), createTestActor({ role: 'COORDINATOR' })]);
});

describe('/api/dicomweb/[...path]', () => {
  it('needs imaging.read, which clinicians and coordinators hold and admins do not', () => {
    expect(accessFor('/api/dicomweb/[...path]')).toEqual({ kind: 'permission', permission: 'imaging.read' });
    expect(can(clinician, 'imaging.read')).toBe(true);
    expect(can(coordinator, 'imaging.read')).toBe(true);
    expect(can(admin, 'imaging.read')).toBe(false);
  });

  it('answers 401 without a session', async () => {
    session.actor = null;
    expect((await call(['studies'])).status).toBe(401);
  });

  it('refuses an admin with 403 before the handler runs, and audits the denial', async () => {
    session.actor = admin;
    const response = await call(['studies']);
    expect(response.status).toBe(403);
    expect(await db().auditEvent.count({ where: { actorId: admin.id, action: 'access.denied', outcome: 'DENIED' } })).toBe(1);
    expect(await db().auditEvent.count({ where: { actorId: admin.id, action: 'imaging.read' } })).toBe(0);
  });

  it('passes a clinician to the handler with the catch-all segments (an empty search for someone with no cases)', async () => {
    session.actor = clinician;
    const response = await call(['studies']);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/dicom+json');
    expect(await response.json()).toEqual([]);
    expect((await call(['studies', '1.2.3', 'metadata'])).status).toBe(404);
    expect((await call(['studies', 'not-a-uid'])).status).toBe(400);
  });
});

// The integration tests' way to get a signed-in person: a real user row with
// the given roles, returned as the Actor that lib/db functions take.
import { randomUUID } from 'node:crypto';
import type { Actor } from '@/lib/authz/actor';
import type { Role } from '@/lib/authz/roles';
import { db } from '@/lib/db/client';
import { seedUser } from '@/prisma/seed/users';

export async function createTestActor(options: { role?: Role; roles?: Role[]; name?: string; password?: string } = {}): Promise<Actor> {
  const roles = options.roles ?? (options.role ? [options.role] : ['CLINICIAN']);
  const email = `${roles.join('-').toLowerCase()}-${randomUUID().slice(0, 8)}@test.konsil`;
  const user = await db().$transaction((tx) =>
    seedUser(tx, { email, name: options.name ?? `Test ${roles.join('/')}`, roles, password: options.password }),
  );
  return { id: user.id, email: user.email, name: user.name, roles: user.roles, ipAddress: '203.0.113.10', userAgent: 'vitest' };
}

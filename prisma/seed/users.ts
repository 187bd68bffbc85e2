import type { Role } from '@/lib/authz/roles';
import { hashPassword } from '@/lib/auth/password';
import type { Specialty } from '@/lib/schemas/user';
import type { Tx } from '@/lib/db/client';

export interface SeedUserInput {
  email: string;
  name: string;
  roles: Role[];
  title?: string;
  specialty?: Specialty;
  /** Omit for an SSO-only account. */
  password?: string;
  active?: boolean;
}

/** Creates or updates a user by e-mail (idempotent; the password is reset to the one given). */
export async function seedUser(tx: Tx, input: SeedUserInput) {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const data = {
    name: input.name,
    roles: input.roles,
    title: input.title ?? null,
    specialty: input.specialty ?? null,
    passwordHash,
    active: input.active ?? true,
    deactivatedAt: input.active === false ? new Date() : null,
  };
  return tx.user.upsert({ where: { email: input.email.toLowerCase() }, create: { email: input.email.toLowerCase(), ...data }, update: data });
}

import type { Actor } from './actor';
import { can, type Permission } from './permissions';
import { AppError } from '@/lib/errors';

/**
 * The data layer's own permission check. Actions check first, but lib/db
 * functions must be safe to call from anywhere, so they check again.
 */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError('FORBIDDEN', 'You do not have permission to do this.');
}

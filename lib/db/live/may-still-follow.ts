import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { can } from '@/lib/authz/permissions';
import { meetingScope } from '@/lib/authz/scopes';
import { db } from '../client';

/**
 * Whether an open live stream may stay open: the user is still active, still holds a role that
 * may attend, and the meeting is still in their scope. The stream checks this on every heartbeat,
 * so a user removed from the board or deactivated stops receiving the live state within one
 * heartbeat instead of at their next reconnect. The roles are re-read from the database (the
 * actor's are those of when the stream opened).
 */
export async function mayStillFollow(actor: Actor, meetingId: string): Promise<boolean> {
  const user = await db().user.findUnique({ where: { id: actor.id }, select: { active: true, roles: true } });
  if (!user?.active || !can({ roles: user.roles }, 'meetings.attend')) return false;
  const current: Actor = { ...actor, roles: user.roles };
  return (await db().meeting.count({ where: { AND: [{ id: meetingId }, meetingScope(current)] } })) > 0;
}

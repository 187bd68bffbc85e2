import { describe, expect, it } from 'vitest';
import { createTestActor } from '@/lib/test/create-test-actor';
import { db } from './client';
import { countMyUnreadNotifications, createNotifications, listMyNotifications, markAllMyNotificationsRead, markNotificationsRead } from './notifications';

describe('notifications', () => {
  it('shows and marks only one’s own, dropping duplicate recipients', async () => {
    const alice = await createTestActor({ role: 'CLINICIAN' });
    const bob = await createTestActor({ role: 'COORDINATOR' });
    const rows = await db().$transaction((tx) =>
      createNotifications(tx, { recipientIds: [alice.id, alice.id, bob.id], createdById: bob.id, email: false, notification: { kind: 'AGENDA_PUBLISHED', title: 'T', body: 'B <b>plain</b>' } }),
    );
    expect(rows).toHaveLength(2);
    const aliceRow = rows.find((r) => r.userId === alice.id)!;
    const bobRow = rows.find((r) => r.userId === bob.id)!;
    expect(await listMyNotifications({ actor: alice })).toMatchObject([{ id: aliceRow.id, body: 'B <b>plain</b>', emailStatus: null, readAt: null }]);
    expect(await countMyUnreadNotifications({ actor: alice })).toBe(1);

    // Bob cannot mark Alice's read: her id matches nothing of his.
    expect(await markNotificationsRead({ actor: bob, notificationIds: [aliceRow.id] })).toEqual({ count: 0 });
    expect(await countMyUnreadNotifications({ actor: alice })).toBe(1);
    expect(await markNotificationsRead({ actor: alice, notificationIds: [aliceRow.id] })).toEqual({ count: 1 });
    expect(await countMyUnreadNotifications({ actor: alice })).toBe(0);
    expect(await markAllMyNotificationsRead({ actor: bob })).toEqual({ count: 1 });
    expect((await db().notification.findUniqueOrThrow({ where: { id: bobRow.id } })).readAt).not.toBeNull();
  });
});

import 'server-only';
// What moving onto an agenda item does to the items: the one left gets its discussionEndedAt
// (and, if nobody marked it, goes back to PLANNED: it was not concluded); the one entered is
// IN_DISCUSSION from now (its timer restarts; a case already marked keeps its mark).
// One statement for both rows: it runs inside every "next", on the path attendees wait on.
import type { Tx } from '../client';

export async function enterAgendaItem(tx: Tx, options: { itemId: string; previousItemId: string | null; now: Date }): Promise<void> {
  const { itemId, now } = options;
  const previousItemId = options.previousItemId === itemId ? null : options.previousItemId;
  await tx.$executeRaw`
    UPDATE agenda_items SET
      status = CASE
        WHEN id = ${itemId} AND status = 'PLANNED' THEN 'IN_DISCUSSION'::"AgendaItemStatus"
        WHEN id = ${previousItemId} AND status = 'IN_DISCUSSION' THEN 'PLANNED'::"AgendaItemStatus"
        ELSE status END,
      "discussionStartedAt" = CASE WHEN id = ${itemId} THEN ${now} ELSE "discussionStartedAt" END,
      "discussionEndedAt" = CASE WHEN id = ${itemId} THEN NULL ELSE COALESCE("discussionEndedAt", ${now}) END,
      version = version + 1,
      "updatedAt" = ${now}
    WHERE id = ${itemId} OR id = ${previousItemId}`;
}

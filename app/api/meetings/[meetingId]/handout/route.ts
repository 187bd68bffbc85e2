import type { Actor } from '@/lib/authz/actor';
import { withRouteAccess } from '@/lib/authz/guard-route';
import { getLatestAgendaHandout } from '@/lib/db/preparation/handout';
import { errorResponse } from '@/lib/http/error-response';
import { fileResponse } from '@/lib/http/file-response';

export const dynamic = 'force-dynamic';

/**
 * The meeting's latest agenda handout (PDF), for members of its board (others: 404).
 * Each download is audited with the document's sha256. A file, so a route handler, not an action.
 */
export const GET = withRouteAccess('/api/meetings/[meetingId]/handout', async (_request, { actor, params }: { params: Promise<{ meetingId: string }> } & { actor: Actor | null }) => {
  try {
    const { meetingId } = await params;
    return fileResponse(await getLatestAgendaHandout({ actor: actor!, meetingId }));
  } catch (error) {
    return errorResponse(error);
  }
});

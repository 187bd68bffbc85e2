import type { Actor } from '@/lib/authz/actor';
import { withRouteAccess } from '@/lib/authz/guard-route';
import { getLatestAgendaHandout } from '@/lib/db/preparation/handout';
import { errorResponse } from '@/lib/http/error-response';

export const dynamic = 'force-dynamic';

/**
 * The meeting's latest agenda handout (PDF), for members of its board (others: 404).
 * Each download is audited with the document's sha256. A file, so a route handler, not an action.
 */
export const GET = withRouteAccess('/api/meetings/[meetingId]/handout', async (_request, { actor, params }: { params: Promise<{ meetingId: string }> } & { actor: Actor | null }) => {
  try {
    const { meetingId } = await params;
    const doc = await getLatestAgendaHandout({ actor: actor!, meetingId });
    // The file name is ours (ASCII, no quotes), never user text.
    return new Response(Buffer.from(doc.bytes), {
      headers: {
        'Content-Type': doc.contentType,
        'Content-Disposition': `attachment; filename="${doc.fileName}"`,
        'Content-Length': String(doc.bytes.byteLength),
        'Cache-Control': 'private, no-store',
        'X-Content-SHA256': doc.sha256,
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
});

import type { Actor } from '@/lib/authz/actor';
import { withRouteAccess } from '@/lib/authz/guard-route';
import { getProtocolDocument } from '@/lib/db/protocols/protocol-documents';
import { errorResponse } from '@/lib/http/error-response';
import { fileResponse } from '@/lib/http/file-response';

export const dynamic = 'force-dynamic';

/**
 * A stored protocol (case or meeting protocol PDF) by id, for those who may see its case or meeting
 * (others: 404). Each download is audited per patient with the document's sha256. Agenda handouts
 * keep their own route (/api/meetings/[meetingId]/handout: always the latest, for every member).
 */
export const GET = withRouteAccess('/api/documents/[documentId]', async (_request, { actor, params }: { params: Promise<{ documentId: string }> } & { actor: Actor | null }) => {
  try {
    const { documentId } = await params;
    return fileResponse(await getProtocolDocument({ actor: actor!, documentId }));
  } catch (error) {
    return errorResponse(error);
  }
});

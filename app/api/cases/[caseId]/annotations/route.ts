import type { Actor } from '@/lib/authz/actor';
import { withRouteAccess } from '@/lib/authz/guard-route';
import { listCaseAnnotations } from '@/lib/db/case-annotations';
import { errorResponse } from '@/lib/http/error-response';

export const dynamic = 'force-dynamic';

/**
 * The case's current measurements and key images. The viewer polls this through
 * react-query during a meeting so what one clinician marks appears on every screen.
 * A case outside the caller's scope answers 404.
 */
export const GET = withRouteAccess('/api/cases/[caseId]/annotations', async (_request, { actor, params }: { params: Promise<{ caseId: string }> } & { actor: Actor | null }) => {
  try {
    const { caseId } = await params;
    return Response.json(await listCaseAnnotations({ actor: actor!, caseId }), { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
});

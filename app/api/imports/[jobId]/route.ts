import type { Actor } from '@/lib/authz/actor';
import { withRouteAccess } from '@/lib/authz/guard-route';
import { getImportJob } from '@/lib/db/import-jobs';
import { errorResponse } from '@/lib/http/error-response';

export const dynamic = 'force-dynamic';

/** One import's progress and, when finished, its outcome (per-file results and problems). */
export const GET = withRouteAccess('/api/imports/[jobId]', async (_request, { actor, params }: { params: Promise<{ jobId: string }> } & { actor: Actor | null }) => {
  try {
    const { jobId } = await params;
    return Response.json(await getImportJob({ actor: actor!, jobId }));
  } catch (error) {
    return errorResponse(error);
  }
});

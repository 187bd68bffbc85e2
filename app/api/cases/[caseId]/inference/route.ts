import type { Actor } from '@/lib/authz/actor';
import { withRouteAccess } from '@/lib/authz/guard-route';
import { listCaseInference } from '@/lib/db/inference-results';
import { errorResponse } from '@/lib/http/error-response';

export const dynamic = 'force-dynamic';

/**
 * The case's decision-support panel: per active model its card and newest result (never a
 * shadow result), with inputs, outputs, contributions and review marks. Polled by react-query
 * while an automatic run may still arrive; every read is audited. Outside the caller's scope: 404.
 */
export const GET = withRouteAccess('/api/cases/[caseId]/inference', async (_request, { actor, params }: { params: Promise<{ caseId: string }> } & { actor: Actor | null }) => {
  try {
    const { caseId } = await params;
    return Response.json(await listCaseInference({ actor: actor!, caseId }), { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
});

import type { Actor } from '@/lib/authz/actor';
import { withRouteAccess } from '@/lib/authz/guard-route';
import { readCaseDecisions } from '@/lib/db/decisions/read-case-decisions';
import { errorResponse } from '@/lib/http/error-response';

export const dynamic = 'force-dynamic';

/**
 * The case's decisions (drafts, signed versions, follow-up). The decision editor refetches it
 * after a conflicting save to show the other editor's version beside the user's own; every
 * read is audited. Outside the caller's scope: 404.
 */
export const GET = withRouteAccess('/api/cases/[caseId]/decisions', async (_request, { actor, params }: { params: Promise<{ caseId: string }> } & { actor: Actor | null }) => {
  try {
    const { caseId } = await params;
    return Response.json(await readCaseDecisions({ actor: actor!, caseId }), { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
});

import type { Actor } from '@/lib/authz/actor';
import { withRouteAccess } from '@/lib/authz/guard-route';
import { exportDecisionFhir } from '@/lib/db/protocols/export-decision-fhir';
import { errorResponse } from '@/lib/http/error-response';
import { fileResponse } from '@/lib/http/file-response';

export const dynamic = 'force-dynamic';

/**
 * The newest signed version of a decision as a FHIR R4 Bundle (application/fhir+json), for a case
 * in the actor's scope (others: 404; unsigned: 409). Each export is audited with the patient.
 */
export const GET = withRouteAccess('/api/decisions/[decisionId]/fhir', async (_request, { actor, params }: { params: Promise<{ decisionId: string }> } & { actor: Actor | null }) => {
  try {
    const { decisionId } = await params;
    const file = await exportDecisionFhir({ actor: actor!, decisionId });
    return fileResponse({ fileName: file.fileName, contentType: 'application/fhir+json', sha256: file.sha256, bytes: file.json });
  } catch (error) {
    return errorResponse(error);
  }
});

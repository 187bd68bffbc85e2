import type { Actor } from '@/lib/authz/actor';
import { withRouteAccess } from '@/lib/authz/guard-route';
import { importedResourceTypes } from '@/lib/fhir-api/capability-statement';
import { handleFhirPost } from '@/lib/fhir-api/handle-fhir-post';
import { outcomeResponse } from '@/lib/fhir-api/operation-outcome';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ resourceType: string }> };

/** POST [base]/[type]: import one resource of that type (create or update by identifier). */
export const POST = withRouteAccess('/api/fhir/[resourceType]', async (request, { actor, params }: Context & { actor: Actor | null }) => {
  const { resourceType } = await params;
  if (!(importedResourceTypes as readonly string[]).includes(resourceType)) {
    return outcomeResponse(400, 'not-supported', `Konsil does not import ${resourceType.slice(0, 64)} resources.`);
  }
  return handleFhirPost(request, { actor: actor!, resourceType });
});

/** Konsil imports; it does not answer FHIR searches. */
export const GET = withRouteAccess('/api/fhir/[resourceType]', async () =>
  outcomeResponse(405, 'not-supported', 'Konsil imports FHIR data; it does not serve FHIR reads or searches.'),
);

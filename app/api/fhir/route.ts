import { withRouteAccess } from '@/lib/authz/guard-route';
import { capabilityStatement } from '@/lib/fhir-api/capability-statement';
import { handleFhirPost } from '@/lib/fhir-api/handle-fhir-post';
import { fhirResponse } from '@/lib/fhir-api/operation-outcome';

export const dynamic = 'force-dynamic';

/** POST [base]: import a transaction, batch or collection Bundle (or one resource). */
export const POST = withRouteAccess('/api/fhir', async (request, { actor }) => handleFhirPost(request, { actor: actor! }));

/** GET [base]: the CapabilityStatement of this import endpoint. */
export const GET = withRouteAccess('/api/fhir', async (request) => fhirResponse(capabilityStatement(new URL(request.url).origin + '/api/fhir'), 200));

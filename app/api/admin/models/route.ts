import { withRouteAccess } from '@/lib/authz/guard-route';
import { registerModelVersion } from '@/lib/db/model-registration';
import { listModelVersions } from '@/lib/db/model-versions';
import { errorResponse } from '@/lib/http/error-response';
import { ModelRejectedError } from '@/lib/models/model-rejected-error';
import { receiveModelUpload } from '@/lib/models/receive-model-upload';

export const dynamic = 'force-dynamic';

/** The registry: every version with its status and run statistics (latency, not-scored and flagged shares). */
export const GET = withRouteAccess('/api/admin/models', async (_request, { actor }) => {
  try {
    return Response.json({ versions: await listModelVersions({ actor: actor! }) }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
});

/**
 * Registers a model version (multipart: file "model" = the .onnx, "card" = card JSON, ≤ 20 MB).
 * 201 with the VALIDATED version; 422 with every reason when validation refuses it (nothing stored).
 */
export const POST = withRouteAccess('/api/admin/models', async (request, { actor }) => {
  try {
    const upload = await receiveModelUpload(request);
    const version = await registerModelVersion({ actor: actor!, bytes: upload.bytes, card: upload.card });
    return Response.json(version, { status: 201, headers: { Location: `/api/admin/models` } });
  } catch (error) {
    if (error instanceof ModelRejectedError) return Response.json({ code: 'VALIDATION', message: error.message, reasons: error.reasons }, { status: 422 });
    return errorResponse(error);
  }
});

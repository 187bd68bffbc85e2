import { withRouteAccess } from '@/lib/authz/guard-route';
import { listImportJobs } from '@/lib/db/import-jobs';
import { errorResponse } from '@/lib/http/error-response';
import { queueStagedImport } from '@/lib/imports/queue-staged-import';
import { receiveUpload } from '@/lib/imports/receive-upload';

export const dynamic = 'force-dynamic';

/** Upload FHIR bundles or DICOM files for import: staged, queued, answered 202 with the job to poll. */
export const POST = withRouteAccess('/api/imports', async (request, { actor }) => {
  try {
    const upload = await receiveUpload(request);
    const names = upload.files.map((f) => f.name);
    const job = await queueStagedImport({
      jobId: upload.jobId,
      actor: actor!,
      kind: upload.kind,
      channel: 'ui',
      sourceName: names.length === 1 ? names[0]! : `${names.length} files (${names[0]}, …)`,
      bytes: upload.bytes,
      totalItems: upload.files.length,
    });
    return Response.json({ id: job.id, status: job.status }, { status: 202, headers: { Location: `/api/imports/${job.id}` } });
  } catch (error) {
    return errorResponse(error);
  }
});

/** Recent imports (for the progress list). */
export const GET = withRouteAccess('/api/imports', async (_request, { actor }) => {
  try {
    return Response.json({ jobs: await listImportJobs({ actor: actor! }) });
  } catch (error) {
    return errorResponse(error);
  }
});

// POST [base] (a Bundle) and POST [base]/[type] (one resource), FHIR style:
//  - small bodies are imported while the client waits: 200 + transaction-/batch-response
//    (a batch gets its batch-response even when every entry failed: the statuses are per
//    entry), or 400 + OperationOutcome when nothing was stored otherwise (a refused
//    transaction, an invalid single resource, an unreadable body);
//  - large bodies, or `Prefer: respond-async`, become a background job:
//    202 + Content-Location of the job to poll (the FHIR asynchronous request pattern).
import 'server-only';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Actor } from '@/lib/authz/actor';
import { getEnv } from '@/lib/env';
import { queueStagedImport } from '@/lib/imports/queue-staged-import';
import { runImportInline } from '@/lib/imports/run-import-inline';
import { createStaging, removeStaging, stageFile, writeManifest } from '@/lib/imports/staging';
import { fhirResponse, outcomeResponse } from './operation-outcome';

const JSON_TYPES = ['application/fhir+json', 'application/json', 'application/json+fhir'];

export async function handleFhirPost(request: Request, options: { actor: Actor; resourceType?: string }): Promise<Response> {
  const contentType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!JSON_TYPES.includes(contentType)) {
    return outcomeResponse(415, 'not-supported', 'Send FHIR R4 JSON (Content-Type: application/fhir+json). XML is not supported.');
  }
  const env = getEnv();
  const declared = Number(request.headers.get('content-length') ?? NaN);
  const maxBytes = env.IMPORT_MAX_UPLOAD_MB * 1024 * 1024;
  if (declared > maxBytes) return outcomeResponse(413, 'too-costly', `The body is larger than ${env.IMPORT_MAX_UPLOAD_MB} MB; nothing was imported.`);
  const wantsAsync = /respond-async/i.test(request.headers.get('prefer') ?? '');
  const sourceName = options.resourceType ? `POST ${options.resourceType}` : 'POST Bundle';

  if (wantsAsync || !(declared <= env.IMPORT_SYNC_MAX_KB * 1024)) {
    // Unknown or large size: stream to staging without holding it in memory.
    if (options.resourceType) return outcomeResponse(400, 'not-supported', 'Post large or asynchronous imports as a Bundle to the base URL.');
    return queueBody(request, options.actor, sourceName, maxBytes);
  }

  const text = await request.text();
  const bytes = Buffer.from(text, 'utf8');
  if (options.resourceType) {
    // The path names the type: the body must be that resource (FHIR create semantics).
    const type = peekResourceType(text);
    if (type !== options.resourceType) {
      return outcomeResponse(400, 'invalid', `The body is ${type ? `a ${type}` : 'not a FHIR resource'}, but the URL says ${options.resourceType}.`);
    }
  }
  const result = await runImportInline({
    actor: options.actor,
    kind: 'FHIR',
    channel: 'api',
    sourceName,
    files: [{ name: sourceName, bytes: bytes.byteLength, read: async () => bytes }],
  });
  const headers = { 'x-konsil-import-job': result.jobId };
  if (result.fhirResponse) {
    const isBundle = (result.fhirResponse as { resourceType?: unknown }).resourceType === 'Bundle';
    return fhirResponse(result.fhirResponse, result.status === 'FAILED' && !isBundle ? 400 : 200, headers);
  }
  return outcomeResponse(500, 'exception', 'The import finished without a response; see the import job.');
}

async function queueBody(request: Request, actor: Actor, sourceName: string, maxBytes: number): Promise<Response> {
  const jobId = randomUUID().replaceAll('-', '');
  await createStaging(jobId);
  let bytes: number;
  try {
    const body = Readable.fromWeb(request.body as never);
    let seen = 0;
    body.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > maxBytes) body.destroy(new Error('too large'));
    });
    bytes = await stageFile(jobId, 0, body);
    await writeManifest(jobId, { files: [{ name: sourceName, bytes }] });
  } catch {
    await removeStaging(jobId);
    return outcomeResponse(413, 'too-costly', 'The body was too large or the upload was interrupted; nothing was imported.');
  }
  // Same path as an upload on the import page: job row + queue, nothing left behind if either fails.
  const job = await queueStagedImport({ jobId, actor, kind: 'FHIR', channel: 'api', sourceName, bytes, totalItems: 1 });
  return fhirResponse(
    { resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational', details: { text: `Accepted as import job ${job.id}; poll /api/imports/${job.id}.` } }] },
    202,
    { 'content-location': `/api/imports/${job.id}` },
  );
}

/** The top-level resourceType without trusting the rest of the body. */
function peekResourceType(text: string): string | null {
  try {
    const parsed: unknown = JSON.parse(text);
    const type = (parsed as { resourceType?: unknown } | null)?.resourceType;
    return typeof type === 'string' ? type : null;
  } catch {
    return null;
  }
}

// What every DICOMweb handler needs to know about the request it serves.
import type { Actor } from '@/lib/authz/actor';
import type { MediaRange } from './accept';

export interface DicomwebContext {
  actor: Actor;
  request: Request;
  url: URL;
  /** Absolute URL of Konsil's DICOMweb root (…/api/dicomweb), for RetrieveURL and BulkDataURI. */
  base: string;
  accept: MediaRange[];
}

export const SERVICE_ROOT = '/api/dicomweb';

/**
 * The public root URL of the service. AUTH_URL (Konsil's pinned public URL) wins
 * over the request's own URL, which behind a TLS-terminating proxy says http://.
 */
export function dicomwebBase(request: Request, publicUrl: string | undefined): string {
  if (publicUrl) return new URL(SERVICE_ROOT, publicUrl).toString().replace(/\/$/, '');
  const url = new URL(request.url);
  const at = url.pathname.indexOf(SERVICE_ROOT);
  return `${url.origin}${at >= 0 ? url.pathname.slice(0, at) : ''}${SERVICE_ROOT}`;
}

export function dicomJsonResponse(body: unknown, warnings: readonly string[] = []): Response {
  const headers = new Headers({ 'Content-Type': 'application/dicom+json' });
  for (const warning of warnings) headers.append('Warning', `299 konsil "${warning.replace(/"/g, "'")}"`);
  return new Response(JSON.stringify(body), { status: 200, headers });
}

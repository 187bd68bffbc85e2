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

const MAX_WARNINGS = 20;
const MAX_WARNING_LENGTH = 200;

/**
 * Warning header text (RFC 7234 5.5 quoted-string) from anything: warnings quote
 * the client's own query keys, which may hold any character, and Headers#append
 * throws on what is not a header value. Printable ASCII only, `"` and `\` replaced.
 */
export function headerText(text: string): string {
  const ascii = text.replace(/[^\x20-\x7e]/g, '?').replace(/["\\]/g, "'");
  return ascii.length > MAX_WARNING_LENGTH ? `${ascii.slice(0, MAX_WARNING_LENGTH - 3)}...` : ascii;
}

export function dicomJsonResponse(body: unknown, warnings: readonly string[] = []): Response {
  const headers = new Headers({ 'Content-Type': 'application/dicom+json' });
  const shown = warnings.length > MAX_WARNINGS + 1 ? [...warnings.slice(0, MAX_WARNINGS), `and ${warnings.length - MAX_WARNINGS} more warnings`] : warnings;
  for (const warning of shown) headers.append('Warning', `299 konsil "${headerText(warning)}"`);
  return new Response(JSON.stringify(body), { status: 200, headers });
}

// Calls the DICOMweb handler the way the route does, with a plain Request.
import type { Actor } from '@/lib/authz/actor';
import { handleDicomweb } from '../handle-dicomweb';
import type { PacsConfig } from '../pacs-fetch';
import { parseMultipart } from '../multipart';

export const ORIGIN = 'http://konsil.test';
export const BASE = `${ORIGIN}/api/dicomweb`;
/** What cornerstone's dicom-image-loader sends for frames. */
export const CORNERSTONE_FRAMES = 'multipart/related; type=application/octet-stream; transfer-syntax=*';
export const ANY_DICOM = 'multipart/related; type="application/dicom"; transfer-syntax=*';

/** `pacs`: null forces Konsil's own store; undefined follows PACS_DICOMWEB_URL like the route. */
export async function callDicomweb(actor: Actor, pathAndQuery: string, accept?: string, pacs?: PacsConfig | null): Promise<Response> {
  const url = new URL(`${BASE}/${pathAndQuery}`);
  const path = url.pathname.slice('/api/dicomweb/'.length).split('/').filter(Boolean).map(decodeURIComponent);
  return handleDicomweb(new Request(url, { headers: accept ? { accept, cookie: 'authjs.session-token=user-secret' } : { cookie: 'authjs.session-token=user-secret' } }), { actor, path, pacs });
}

export async function json<T = Record<string, { vr: string; Value?: unknown[]; BulkDataURI?: string }>[]>(response: Response): Promise<T> {
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export async function parts(response: Response) {
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  return parseMultipart(response.headers.get('content-type') ?? '', new Uint8Array(await response.arrayBuffer()));
}

export const value = (dataset: Record<string, { Value?: unknown[] }> | undefined, tag: string) => dataset?.[tag]?.Value?.[0];

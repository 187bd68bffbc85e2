// One request to the PACS's DICOMweb service, as Konsil's proxy makes it:
//   - headers built from scratch: Accept, and Basic auth with Konsil's own PACS
//     account; the user's cookie or Authorization never leave Konsil
//   - a deadline for the answer to start, another for the whole transfer, and the
//     upstream request is aborted when the client goes away
//   - failures become DicomwebErrors with a message a person can act on (502
//     for everything that is the PACS's fault, 404/406 passed on as such).
import { DicomwebError, badRequest, notAcceptable, notFound } from './dicomweb-error';

export interface PacsConfig {
  /** DICOMweb root of the PACS, e.g. http://pacs:8042/dicom-web (no trailing slash). */
  url: string;
  username?: string;
  password?: string;
  /** Until the PACS starts answering (default 30 s). */
  responseTimeoutMs?: number;
  /** For a whole transfer, e.g. a large study (default 10 min). */
  transferTimeoutMs?: number;
}

export function pacsFromEnv(env: { PACS_DICOMWEB_URL?: string; PACS_USERNAME?: string; PACS_PASSWORD?: string }): PacsConfig | null {
  if (!env.PACS_DICOMWEB_URL) return null;
  return { url: env.PACS_DICOMWEB_URL.replace(/\/+$/, ''), username: env.PACS_USERNAME, password: env.PACS_PASSWORD };
}

export interface UpstreamResponse {
  status: number;
  headers: Headers;
  /** The body, streamed; the transfer deadline still applies while it is read. */
  body: ReadableStream<Uint8Array> | null;
}

/** `path` is relative to the PACS root and built only from validated UIDs (parse-path.ts). */
export async function fetchFromPacs(
  pacs: PacsConfig,
  path: string,
  options: { query?: URLSearchParams; accept: string; signal?: AbortSignal },
): Promise<UpstreamResponse> {
  const url = new URL(`${pacs.url}/${path}`);
  if (options.query) url.search = options.query.toString();
  const headers = new Headers({ Accept: options.accept, 'User-Agent': 'Konsil DICOMweb proxy' });
  if (pacs.username && pacs.password) headers.set('Authorization', `Basic ${Buffer.from(`${pacs.username}:${pacs.password}`).toString('base64')}`);

  const responseTimeout = pacs.responseTimeoutMs ?? 30_000;
  const transferTimeout = pacs.transferTimeoutMs ?? 600_000;
  const deadline = new AbortController();
  const signal = options.signal ? AbortSignal.any([deadline.signal, options.signal]) : deadline.signal;
  let timedOut: string | null = null;
  const responseTimer = setTimeout(() => {
    timedOut = `did not answer within ${responseTimeout / 1000} s`;
    deadline.abort();
  }, responseTimeout);
  const transferTimer = setTimeout(() => {
    timedOut = `did not finish sending within ${transferTimeout / 1000} s`;
    deadline.abort();
  }, transferTimeout);
  // A client that stops reading leaves the transfer timer to end the upstream request; it must not keep the process alive.
  transferTimer.unref?.();
  const stopTimers = () => {
    clearTimeout(responseTimer);
    clearTimeout(transferTimer);
  };

  let response: Response;
  try {
    response = await fetch(url, { headers, signal, redirect: 'error', cache: 'no-store' });
  } catch (error) {
    stopTimers();
    const reason = timedOut ?? `could not be reached (${describe(error)})`;
    throw new DicomwebError(502, `The PACS at ${url.host} ${reason}.`, { cause: error });
  } finally {
    clearTimeout(responseTimer);
  }

  if (!response.ok) {
    stopTimers();
    const detail = (await response.text().catch(() => '')).slice(0, 200).replace(/\s+/g, ' ').trim();
    throw mapStatus(response.status, url.host, detail);
  }
  const body = response.body
    ? response.body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          flush: stopTimers,
        }),
      )
    : null;
  if (!body) stopTimers();
  return { status: response.status, headers: response.headers, body };
}

function mapStatus(status: number, host: string, detail: string): DicomwebError {
  const said = detail ? `: ${detail}` : '';
  if (status === 404) return notFound(`The PACS has no such object${said}`);
  if (status === 406) return notAcceptable(`The PACS cannot send this in the requested form${said}`);
  if (status === 400) return badRequest(`The PACS refused the request${said}`);
  if (status === 401 || status === 403) return new DicomwebError(502, `The PACS at ${host} refused Konsil's credentials (HTTP ${status}); check PACS_USERNAME and PACS_PASSWORD.`);
  return new DicomwebError(502, `The PACS at ${host} answered HTTP ${status}${said}`);
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}

/**
 * Reads a whole body into memory, at most `maxBytes` of it: past that the
 * transfer is cancelled and the client gets a 502 that says why. `what` names the
 * answer in that message. A PACS that answers 204 or nothing means "no results".
 */
export async function readAll(response: UpstreamResponse, maxBytes: number, what = 'this answer'): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new DicomwebError(502, `The PACS sent more than ${Math.round((maxBytes / (1024 * 1024)) * 100) / 100} MB for ${what}, more than Konsil holds in memory; narrow the request (e.g. with limit or more matching keys).`);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

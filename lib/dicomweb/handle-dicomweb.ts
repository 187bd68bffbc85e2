// Konsil's DICOMweb service (QIDO-RS, WADO-RS, WADO-URI) under /api/dicomweb,
// free of Next so it can be tested with plain Requests. The route has already
// checked the session and the `imaging.read` permission; row-level scope and
// audit happen in lib/db/imaging.ts. Images come from Konsil's own store, or,
// when PACS_DICOMWEB_URL is set, from that PACS through the same checks.
import type { Actor } from '@/lib/authz/actor';
import { getEnv } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { parseAccept } from './accept';
import { DicomwebError, errorResponse } from './dicomweb-error';
import { pacsFromEnv, type PacsConfig } from './pacs-fetch';
import { proxyDicomweb } from './pacs-proxy';
import { parseDicomwebPath } from './parse-path';
import { dicomwebBase, type DicomwebContext } from './request-context';
import { serveLocal } from './serve-local';

export interface HandleDicomwebOptions {
  actor: Actor;
  /** The segments after /api/dicomweb. */
  path: string[];
  /** Overrides PACS_DICOMWEB_URL (null: Konsil's own store). */
  pacs?: PacsConfig | null;
}

export async function handleDicomweb(request: Request, options: HandleDicomwebOptions): Promise<Response> {
  try {
    const target = parseDicomwebPath(options.path);
    const env = getEnv();
    const context: DicomwebContext = {
      actor: options.actor,
      request,
      url: new URL(request.url),
      base: dicomwebBase(request, env.AUTH_URL),
      accept: parseAccept(request.headers.get('accept')),
    };
    const pacs = options.pacs === undefined ? pacsFromEnv(env) : options.pacs;
    return pacs ? await proxyDicomweb(target, context, pacs) : await serveLocal(target, context);
  } catch (error) {
    if (error instanceof DicomwebError) {
      if (error.status >= 500) console.error('DICOMweb:', error.message, error.cause ?? '');
      return errorResponse(error.status, error.message);
    }
    if (isAppError(error) && error.code === 'FORBIDDEN') return errorResponse(403, error.message);
    console.error('DICOMweb request failed', error);
    return errorResponse(500, 'The images could not be served; the error was logged.');
  }
}

// DICOMweb answers errors with an HTTP status and a short reason; viewers show
// the status, people read the message. One error type carries both from
// wherever the problem is found to handleDicomweb, which turns it into JSON.

export class DicomwebError extends Error {
  readonly status: number;

  constructor(status: 400 | 404 | 406 | 413 | 500 | 501 | 502, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DicomwebError';
    this.status = status;
  }
}

const codes: Record<number, string> = {
  400: 'VALIDATION',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  500: 'INTERNAL',
  501: 'NOT_IMPLEMENTED',
  502: 'BAD_GATEWAY',
};

/** The same JSON problem body the rest of Konsil's API uses ({ code, message }). */
export function errorResponse(status: number, message: string): Response {
  return Response.json({ code: codes[status] ?? 'ERROR', message }, { status });
}

export const badRequest = (message: string) => new DicomwebError(400, message);
export const notFound = (message: string) => new DicomwebError(404, message);
export const notAcceptable = (message: string) => new DicomwebError(406, message);

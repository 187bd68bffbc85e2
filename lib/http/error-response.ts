// Errors from route handlers as JSON problem bodies with the right status. Only
// AppError messages reach the client; anything else is logged and answered 500.
import { isAppError, type ErrorCode } from '@/lib/errors';

const statusOf: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
};

export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    return Response.json({ code: error.code, message: error.message, fieldErrors: error.fieldErrors }, { status: statusOf[error.code] });
  }
  console.error(error);
  return Response.json({ code: 'INTERNAL', message: 'Something went wrong on the server. It has been logged.' }, { status: 500 });
}

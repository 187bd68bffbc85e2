import type { OperationOutcome } from '@medplum/fhirtypes';
import { errorIssue, operationOutcome } from './issues';

/**
 * The payload as a whole cannot be imported (not JSON, not a FHIR resource, a
 * Bundle type Konsil does not accept). Nothing was stored. The HTTP layer answers
 * 400 with `outcome`; `message` is safe to show to the person who sent it.
 */
export class FhirInputError extends Error {
  readonly outcome: OperationOutcome;

  constructor(message: string, options?: { expression?: string; outcome?: OperationOutcome; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = 'FhirInputError';
    this.outcome = options?.outcome ?? operationOutcome([errorIssue(message, options?.expression, 'structure')]);
  }
}

export function isFhirInputError(error: unknown): error is FhirInputError {
  return error instanceof FhirInputError;
}

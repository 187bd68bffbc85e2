import { AppError } from '@/lib/errors';
import type { ModelRejection } from '@/lib/schemas/inference';

/**
 * A model upload that did not pass validation: every reason, nothing stored. Route handlers
 * answer it 422 with the reasons; server actions show the message and the reasons as field errors.
 */
export class ModelRejectedError extends AppError {
  readonly reasons: ModelRejection[];

  constructor(reasons: ModelRejection[]) {
    super('VALIDATION', `The model was not registered: ${reasons.length === 1 ? 'one problem' : `${reasons.length} problems`} (nothing was stored).`, {
      fieldErrors: { model: reasons.map((r) => r.message) },
    });
    this.name = 'ModelRejectedError';
    this.reasons = reasons;
  }
}

// Messages for one field of the decision form, from the sign check (client or server) or a save.
import type { FieldErrors } from '@/lib/errors';

/** Messages at `path` ("rationale", "guideline.basis", "recommendations.0.details"). */
export function errorsAt(errors: FieldErrors, path: string): string[] {
  return errors[path] ?? [];
}

export function FieldMessages({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <p id={id} className="text-sm text-red-700" data-testid="decision-field-error">
      {messages.join(' ')}
    </p>
  );
}

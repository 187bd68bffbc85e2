'use client';
// The model outputs shown on this case (decision-support panel) that the board took into
// account. Each shows its clinician mark as it is now; signing copies the mark into the version.
import type { FieldErrors } from '@/lib/errors';
import type { CaseInferenceDto } from '@/lib/schemas/inference';
import { errorsAt, FieldMessages } from './field-errors';

const markWords = { CONSIDERED: 'marked considered', DISAGREE: 'marked disagree' } as const;

export function ConsideredResultsField(props: { inference: CaseInferenceDto | null; value: string[]; errors: FieldErrors; onChange: (ids: string[]) => void }) {
  const { inference, value, errors, onChange } = props;
  const results = (inference?.models ?? []).flatMap((m) => (m.result ? [{ card: m.card, result: m.result }] : []));
  const chosen = new Set(value);
  return (
    <fieldset className="space-y-2" data-field="consideredResultIds">
      <legend className="text-sm font-semibold text-slate-900">Model outputs considered</legend>
      <FieldMessages id="decision-considered-error" messages={errorsAt(errors, 'consideredResultIds')} />
      {inference === null ? (
        <p className="text-sm text-slate-600">Model outputs are shown to clinicians only{value.length ? ` (${value.length} selected)` : ''}.</p>
      ) : results.length === 0 ? (
        <p className="text-sm text-slate-600">No model output was shown for this case.</p>
      ) : (
        <ul className="space-y-1">
          {results.map(({ card, result }) => (
            <li key={result.id}>
              <label className="flex items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" checked={chosen.has(result.id)} onChange={(e) => onChange(e.target.checked ? [...value, result.id] : value.filter((id) => id !== result.id))} />
                {card.name} {result.semver}
                <span className="text-xs text-slate-600">{result.review ? `${markWords[result.review.mark]} by ${result.review.reviewedBy.name}` : 'not marked yet'}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

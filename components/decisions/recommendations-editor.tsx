'use client';
// The recommendations of a draft: each a modality, its sequencing, codes (SNOMED CT for
// procedures, ATC for drugs, picked from lib/decisions/value-sets), free-text details, dose
// and fractions for radiotherapy, the trial id for a trial referral.
import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';
import { hasDose, hasTrialId, modalityLabels, sequencingLabels } from '@/lib/decisions/decision-labels';
import { valueSetFor } from '@/lib/decisions/value-sets';
import type { FieldErrors } from '@/lib/errors';
import { modalities, sequencings, type Modality, type Recommendation } from '@/lib/schemas/decision';
import { CodePicker } from './code-picker';
import { errorsAt, FieldMessages } from './field-errors';

const textareaClass = 'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm aria-invalid:border-red-600';

function newRecommendation(): Recommendation {
  return { id: crypto.randomUUID(), modality: 'SURGERY', sequencing: 'NOT_APPLICABLE', codes: [], details: '', totalDoseGy: null, fractions: null, trialId: '' };
}

const numberOrNull = (value: string) => (value.trim() === '' || Number.isNaN(Number(value)) ? null : Number(value));

function RecommendationFields(props: { index: number; value: Recommendation; errors: FieldErrors; onChange: (r: Recommendation) => void; onRemove: () => void }) {
  const { index, value: r, errors, onChange, onRemove } = props;
  const base = useId();
  const set = (patch: Partial<Recommendation>) => onChange({ ...r, ...patch });
  const entries = valueSetFor(r.modality);
  const detailsErrors = errorsAt(errors, `recommendations.${index}.details`);
  const trialErrors = errorsAt(errors, `recommendations.${index}.trialId`);
  return (
    <li className="space-y-3 rounded-md border border-slate-200 p-3" data-testid="recommendation" aria-label={`Recommendation ${index + 1}`}>
      <div className="flex items-center justify-between">
        <h4 className="text-sm font-semibold text-slate-900">Recommendation {index + 1}</h4>
        <Button variant="ghost" className="px-2 py-1 text-xs" onClick={onRemove}>
          Remove recommendation {index + 1}
        </Button>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={`${base}-modality`} className="block text-sm font-medium text-slate-800">
            Modality
          </label>
          <Select
            id={`${base}-modality`}
            value={r.modality}
            onChange={(e) => {
              const modality = e.target.value as Modality;
              // Codes of another system no longer fit (a drug code on a surgery): keep only those that still do.
              const fitting = new Set(valueSetFor(modality).map((v) => `${v.system}|${v.code}`));
              set({ modality, codes: r.codes.filter((c) => fitting.has(`${c.system}|${c.code}`)) });
            }}
          >
            {modalities.map((m) => (
              <option key={m} value={m}>
                {modalityLabels[m]}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor={`${base}-sequencing`} className="block text-sm font-medium text-slate-800">
            Sequencing
          </label>
          <Select id={`${base}-sequencing`} value={r.sequencing} onChange={(e) => set({ sequencing: e.target.value as Recommendation['sequencing'] })}>
            {sequencings.map((s) => (
              <option key={s} value={s}>
                {sequencingLabels[s]}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {entries.length > 0 && (
        <CodePicker
          id={`${base}-codes`}
          label={r.modality === 'SYSTEMIC_THERAPY' ? 'Drugs (ATC)' : r.modality === 'RADIOCHEMOTHERAPY' ? 'Codes (SNOMED CT procedure, ATC drugs)' : 'Procedure (SNOMED CT)'}
          entries={entries}
          codes={r.codes}
          onChange={(codes) => set({ codes })}
          onFreeText={(text) => set({ details: r.details ? `${r.details}\n${text}` : text })}
        />
      )}
      <div className="space-y-1">
        <label htmlFor={`${base}-details`} className="block text-sm font-medium text-slate-800">
          Details
        </label>
        <textarea
          id={`${base}-details`}
          rows={2}
          className={textareaClass}
          value={r.details}
          maxLength={1000}
          aria-invalid={detailsErrors.length > 0 || undefined}
          aria-describedby={detailsErrors.length ? `${base}-details-error` : undefined}
          placeholder="Regimen, operation, or anything the codes do not say"
          onChange={(e) => set({ details: e.target.value })}
        />
        <FieldMessages id={`${base}-details-error`} messages={detailsErrors} />
      </div>
      {hasDose(r.modality) && (
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="space-y-1">
            <label htmlFor={`${base}-dose`} className="block text-sm font-medium text-slate-800">
              Total dose (Gy)
            </label>
            <Input id={`${base}-dose`} type="number" min={0} max={200} step={0.1} value={r.totalDoseGy ?? ''} onChange={(e) => set({ totalDoseGy: numberOrNull(e.target.value) })} />
          </div>
          <div className="space-y-1">
            <label htmlFor={`${base}-fractions`} className="block text-sm font-medium text-slate-800">
              Fractions
            </label>
            <Input id={`${base}-fractions`} type="number" min={1} max={100} step={1} value={r.fractions ?? ''} onChange={(e) => set({ fractions: numberOrNull(e.target.value) })} />
          </div>
        </div>
      )}
      {hasTrialId(r.modality) && (
        <div className="space-y-1">
          <label htmlFor={`${base}-trial`} className="block text-sm font-medium text-slate-800">
            Trial registry id (NCT…, EudraCT, DRKS)
          </label>
          <Input
            id={`${base}-trial`}
            value={r.trialId}
            maxLength={60}
            aria-invalid={trialErrors.length > 0 || undefined}
            aria-describedby={trialErrors.length ? `${base}-trial-error` : undefined}
            onChange={(e) => set({ trialId: e.target.value })}
          />
          <FieldMessages id={`${base}-trial-error`} messages={trialErrors} />
        </div>
      )}
    </li>
  );
}

export function RecommendationsEditor(props: { value: Recommendation[]; errors: FieldErrors; onChange: (value: Recommendation[]) => void }) {
  const { value, errors, onChange } = props;
  const listErrors = errorsAt(errors, 'recommendations');
  return (
    <fieldset className="space-y-3" data-field="recommendations">
      <legend className="text-sm font-semibold text-slate-900">Recommendations</legend>
      <FieldMessages id="decision-recommendations-error" messages={listErrors} />
      {value.length === 0 && <p className="text-sm text-slate-600">No recommendation yet.</p>}
      <ol className="space-y-3">
        {value.map((r, i) => (
          <RecommendationFields
            key={r.id}
            index={i}
            value={r}
            errors={errors}
            onChange={(next) => onChange(value.map((x, j) => (j === i ? next : x)))}
            onRemove={() => onChange(value.filter((_, j) => j !== i))}
          />
        ))}
      </ol>
      <Button variant="secondary" onClick={() => onChange([...value, newRecommendation()])} disabled={value.length >= 20}>
        Add recommendation
      </Button>
    </fieldset>
  );
}

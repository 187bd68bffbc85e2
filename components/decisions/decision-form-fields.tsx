'use client';
// The decision's own fields (intent, guideline, trial, patient preference, rationale) plus the
// grouped editors; pure rendering of `content`, every change goes to `onChange`.
import { useId } from 'react';
import { Input, Select } from '@/components/ui/field';
import { guidelineLabels, intentLabels } from '@/lib/decisions/decision-labels';
import type { FieldErrors } from '@/lib/errors';
import { guidelineBases, treatmentIntents, type DecisionContent, type GuidelineBasis } from '@/lib/schemas/decision';
import type { PersonDto } from '@/lib/schemas/decision-dto';
import type { CaseInferenceDto } from '@/lib/schemas/inference';
import { ConsideredResultsField } from './considered-results-field';
import { errorsAt, FieldMessages } from './field-errors';
import { AttendeesField, DissentsField, FollowUpFields } from './people-fields';
import { RecommendationsEditor } from './recommendations-editor';

const textareaClass = 'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm aria-invalid:border-red-600';

function TextArea(props: { id: string; label: string; value: string; max: number; rows?: number; errors: string[]; onChange: (v: string) => void; field: string }) {
  const { id, label, value, max, rows = 3, errors, onChange, field } = props;
  return (
    <div className="space-y-1" data-field={field}>
      <label htmlFor={id} className="block text-sm font-semibold text-slate-900">
        {label}
      </label>
      <textarea
        id={id}
        rows={rows}
        maxLength={max}
        className={textareaClass}
        value={value}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={errors.length ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldMessages id={`${id}-error`} messages={errors} />
    </div>
  );
}

export function DecisionFormFields(props: {
  content: DecisionContent;
  errors: FieldErrors;
  people: PersonDto[];
  referringUser: PersonDto;
  inference: CaseInferenceDto | null;
  timeZone: string;
  onChange: (next: DecisionContent) => void;
}) {
  const { content: c, errors, people, referringUser, inference, timeZone, onChange } = props;
  const id = useId();
  const set = (patch: Partial<DecisionContent>) => onChange({ ...c, ...patch });
  const setGuideline = (patch: Partial<DecisionContent['guideline']>) => set({ guideline: { ...c.guideline, ...patch } });
  const intentErrors = errorsAt(errors, 'intent');
  const basisErrors = [...errorsAt(errors, 'guideline.basis'), ...errorsAt(errors, 'guideline')];
  const trialErrors = [...errorsAt(errors, 'trial.id'), ...errorsAt(errors, 'trial')];
  return (
    <div className="space-y-5">
      <fieldset className="space-y-1" data-field="intent" aria-describedby={intentErrors.length ? `${id}-intent-error` : undefined}>
        <legend className="text-sm font-semibold text-slate-900">Treatment intent</legend>
        <div className="flex flex-wrap gap-4">
          {treatmentIntents.map((intent) => (
            <label key={intent} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="radio" name={`${id}-intent`} value={intent} checked={c.intent === intent} onChange={() => set({ intent })} />
              {intentLabels[intent]}
            </label>
          ))}
        </div>
        <FieldMessages id={`${id}-intent-error`} messages={intentErrors} />
      </fieldset>

      <RecommendationsEditor value={c.recommendations} errors={errors} onChange={(recommendations) => set({ recommendations })} />

      <fieldset className="space-y-3" data-field="guideline">
        <legend className="text-sm font-semibold text-slate-900">Guideline</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="space-y-1">
            <label htmlFor={`${id}-basis`} className="block text-sm font-medium text-slate-800">
              Basis
            </label>
            <Select
              id={`${id}-basis`}
              value={c.guideline.basis ?? ''}
              aria-invalid={basisErrors.length > 0 || undefined}
              aria-describedby={basisErrors.length ? `${id}-basis-error` : undefined}
              onChange={(e) => setGuideline({ basis: (e.target.value || null) as GuidelineBasis | null })}
            >
              <option value="">Choose…</option>
              {guidelineBases.map((b) => (
                <option key={b} value={b}>
                  {guidelineLabels[b]}
                </option>
              ))}
            </Select>
            <FieldMessages id={`${id}-basis-error`} messages={basisErrors} />
          </div>
          <div className="space-y-1">
            <label htmlFor={`${id}-reference`} className="block text-sm font-medium text-slate-800">
              Reference
            </label>
            <Input id={`${id}-reference`} value={c.guideline.reference} maxLength={500} placeholder="e.g. S3 Mammakarzinom 4.4, Empfehlung 4.29" onChange={(e) => setGuideline({ reference: e.target.value })} />
          </div>
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" checked={c.guideline.deviates} onChange={(e) => setGuideline({ deviates: e.target.checked })} />
          The recommendation deviates from the guideline
        </label>
        {c.guideline.deviates && (
          <TextArea id={`${id}-deviation`} field="guideline.deviationReason" label="Why it deviates" value={c.guideline.deviationReason} max={2000} rows={2} errors={errorsAt(errors, 'guideline.deviationReason')} onChange={(deviationReason) => setGuideline({ deviationReason })} />
        )}
      </fieldset>

      <fieldset className="space-y-2" data-field="trial">
        <legend className="text-sm font-semibold text-slate-900">Clinical trial</legend>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" checked={c.trial.considered} onChange={(e) => set({ trial: { ...c.trial, considered: e.target.checked } })} />
          A clinical trial was considered
        </label>
        {c.trial.considered && (
          <div className="space-y-1">
            <label htmlFor={`${id}-trial`} className="block text-sm font-medium text-slate-800">
              Trial id
            </label>
            <Input
              id={`${id}-trial`}
              value={c.trial.id}
              maxLength={60}
              aria-invalid={trialErrors.length > 0 || undefined}
              aria-describedby={trialErrors.length ? `${id}-trial-error` : undefined}
              onChange={(e) => set({ trial: { ...c.trial, id: e.target.value } })}
            />
            <FieldMessages id={`${id}-trial-error`} messages={trialErrors} />
          </div>
        )}
      </fieldset>

      <TextArea id={`${id}-preference`} field="patientPreference" label="Patient preference" value={c.patientPreference} max={2000} rows={2} errors={errorsAt(errors, 'patientPreference')} onChange={(patientPreference) => set({ patientPreference })} />
      <TextArea id={`${id}-rationale`} field="rationale" label="Rationale" value={c.rationale} max={5000} rows={4} errors={errorsAt(errors, 'rationale')} onChange={(rationale) => set({ rationale })} />
      <DissentsField people={people} value={c.dissents} errors={errors} onChange={(dissents) => set({ dissents })} />
      <AttendeesField people={people} value={c.attendeeIds} errors={errors} onChange={(attendeeIds) => set({ attendeeIds })} />
      <ConsideredResultsField inference={inference} value={c.consideredResultIds} errors={errors} onChange={(consideredResultIds) => set({ consideredResultIds })} />
      <FollowUpFields people={people} referringUser={referringUser} content={c} errors={errors} timeZone={timeZone} onChange={set} />
    </div>
  );
}

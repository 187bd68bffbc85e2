'use client';
// Create or edit a board. An edit carries the version the coordinator saw; someone else's save
// in between is a conflict message, not a silent overwrite.
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { createBoard, updateBoard } from '@/lib/actions/boards';
import type { ActionState } from '@/lib/actions/action-result';
import { fieldsFromRecurrence, type BoardDetailDto } from '@/lib/schemas/board';
import { tumorEntityLabels, type TumorEntity } from '@/lib/schemas/case';
import { specialties, specialtyLabels } from '@/lib/schemas/user';
import { RecurrenceFields } from './recurrence-fields';

function GoToCreated({ state }: { state: ActionState<BoardDetailDto> }) {
  const router = useRouter();
  const id = state?.ok ? state.data.id : null;
  useEffect(() => {
    if (id) router.push(`/boards/${id}`);
  }, [id, router]);
  return null;
}

export function BoardForm({ board, timeZones, defaultTimeZone }: { board?: BoardDetailDto; timeZones: string[]; defaultTimeZone: string }) {
  const [timeZone, setTimeZone] = useState(board?.timeZone ?? defaultTimeZone);
  const initialRecurrence = fieldsFromRecurrence(board ? board.recurrence : 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=16;BYMINUTE=0');
  const zones = timeZones.includes(timeZone) ? timeZones : [timeZone, ...timeZones];
  return (
    <ActionForm action={board ? updateBoard : createBoard} label={board ? 'Board settings' : 'New board'}>
      {({ fieldErrors, pending, state }) => (
        <>
          {!board && <GoToCreated state={state} />}
          {board && (
            <>
              <input type="hidden" name="boardId" value={board.id} />
              <input type="hidden" name="version" value={board.version} />
            </>
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="name" label="Name" errors={fieldErrors.name}>
              {(d, invalid) => <Input id="name" name="name" required defaultValue={board?.name} aria-describedby={d} aria-invalid={invalid} />}
            </Field>
            <Field id="timeZone" label="Time zone" hint="Meeting times are wall-clock times in this zone." errors={fieldErrors.timeZone}>
              {(d, invalid) => (
                <Select id="timeZone" name="timeZone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} aria-describedby={d} aria-invalid={invalid}>
                  {zones.map((z) => <option key={z} value={z}>{z}</option>)}
                </Select>
              )}
            </Field>
          </div>
          <Field id="description" label="Description (optional)" errors={fieldErrors.description}>
            {(d) => <Input id="description" name="description" defaultValue={board?.description ?? ''} aria-describedby={d} />}
          </Field>
          <CheckboxGroup
            legend="Entity focus"
            name="entityFocus[]"
            options={Object.entries(tumorEntityLabels) as [TumorEntity, string][]}
            checked={board?.entityFocus ?? []}
            errors={fieldErrors.entityFocus}
          />
          {initialRecurrence.unreadable && <Alert tone="warning">{initialRecurrence.unreadable}</Alert>}
          <RecurrenceFields initial={initialRecurrence} timeZone={timeZone} errors={fieldErrors} />
          <div className="grid gap-4 sm:grid-cols-3">
            <Field id="meetingDurationMinutes" label="Meeting length (minutes)" errors={fieldErrors.meetingDurationMinutes}>
              {(d, invalid) => <Input id="meetingDurationMinutes" name="meetingDurationMinutes" type="number" min={15} max={480} defaultValue={board?.meetingDurationMinutes ?? 90} aria-describedby={d} aria-invalid={invalid} />}
            </Field>
            <Field id="defaultMinutesPerCase" label="Default minutes per case" errors={fieldErrors.defaultMinutesPerCase}>
              {(d, invalid) => <Input id="defaultMinutesPerCase" name="defaultMinutesPerCase" type="number" min={1} max={60} defaultValue={board?.defaultMinutesPerCase ?? 5} aria-describedby={d} aria-invalid={invalid} />}
            </Field>
            <Field id="submissionDeadlineHours" label="Submission deadline (hours before)" errors={fieldErrors.submissionDeadlineHours}>
              {(d, invalid) => <Input id="submissionDeadlineHours" name="submissionDeadlineHours" type="number" min={0} max={336} defaultValue={board?.submissionDeadlineHours ?? 48} aria-describedby={d} aria-invalid={invalid} />}
            </Field>
          </div>
          <CheckboxGroup
            legend="Required specialties for a quorum"
            name="requiredSpecialties[]"
            options={specialties.map((s) => [s, specialtyLabels[s]] as [string, string])}
            checked={board?.requiredSpecialties ?? []}
            errors={fieldErrors.requiredSpecialties}
          />
          <Button type="submit" disabled={pending}>{pending ? 'Saving…' : board ? 'Save board' : 'Create board'}</Button>
        </>
      )}
    </ActionForm>
  );
}

function CheckboxGroup({ legend, name, options, checked, errors }: { legend: string; name: string; options: [string, string][]; checked: readonly string[]; errors?: string[] }) {
  const errorId = `${name.replace(/\W/g, '')}-error`;
  return (
    <fieldset className="space-y-2" aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        {options.map(([value, label]) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={value} defaultChecked={checked.includes(value)} className="size-4" />
            {label}
          </label>
        ))}
      </div>
      {errors?.length ? <p id={errorId} className="text-sm text-red-700">{errors.join(' ')}</p> : null}
    </fieldset>
  );
}

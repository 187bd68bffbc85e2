'use client';
// The recurrence built from plain choices, with the RRULE it stands for and the next five
// dates in the board's local time, recomputed as the coordinator changes anything.
import { useMemo, useState } from 'react';
import { Field, Input, Select } from '@/components/ui/field';
import { formatMeetingTime } from '@/lib/boards/format';
import { isValidTimeZone, nextOccurrences, parseRecurrence, weekdays } from '@/lib/boards/recurrence';
import { recurrenceFieldsSchema, recurrenceFromFields, setPosLabels, weekdayLabels, type RecurrenceFields as Fields } from '@/lib/schemas/board';
import type { FieldErrors } from '@/lib/errors';

export function RecurrenceFields({ initial, timeZone, errors }: { initial: Fields; timeZone: string; errors: FieldErrors }) {
  const [fields, setFields] = useState({
    frequency: initial.frequency,
    interval: String(initial.interval ?? 1),
    weekday: initial.weekday ?? 'TU',
    setPos: initial.setPos ?? '1',
    time: initial.time ?? '16:00',
    startDate: initial.startDate ?? '',
  });
  const set = (key: keyof typeof fields) => (event: { target: { value: string } }) => setFields((f) => ({ ...f, [key]: event.target.value }));

  const preview = useMemo(() => {
    const parsed = recurrenceFieldsSchema.safeParse(fields);
    if (!parsed.success) return { rule: null, dates: [], problem: parsed.error.issues[0]?.message ?? 'Check the fields.' };
    const rule = recurrenceFromFields(parsed.data);
    if (!rule) return { rule: null, dates: [], problem: null };
    const recurrence = parseRecurrence(rule);
    if (!recurrence.ok) return { rule, dates: [], problem: recurrence.message };
    if (!isValidTimeZone(timeZone)) return { rule, dates: [], problem: 'Choose a time zone.' };
    const dates = nextOccurrences({ recurrence: recurrence.recurrence, timeZone, from: new Date(), count: 5 });
    return { rule, dates: dates.map((d) => formatMeetingTime(d, timeZone)), problem: null };
  }, [fields, timeZone]);

  const recurring = fields.frequency !== 'NONE';
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
      <legend className="px-1 text-sm font-medium text-slate-800">Meeting recurrence</legend>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="frequency" label="Frequency" errors={errors.frequency}>
          {(d) => (
            <Select id="frequency" name="frequency" value={fields.frequency} onChange={set('frequency')} aria-describedby={d}>
              <option value="NONE">No recurrence (schedule by hand)</option>
              <option value="WEEKLY">Weekly</option>
              <option value="MONTHLY">Monthly</option>
            </Select>
          )}
        </Field>
        {recurring && (
          <>
            <Field id="interval" label={fields.frequency === 'WEEKLY' ? 'Every n weeks' : 'Every n months'} errors={errors.interval}>
              {(d, invalid) => <Input id="interval" name="interval" type="number" min={1} max={12} value={fields.interval} onChange={set('interval')} aria-describedby={d} aria-invalid={invalid} />}
            </Field>
            {fields.frequency === 'MONTHLY' && (
              <Field id="setPos" label="Which one in the month" errors={errors.setPos}>
                {(d) => (
                  <Select id="setPos" name="setPos" value={fields.setPos} onChange={set('setPos')} aria-describedby={d}>
                    {Object.entries(setPosLabels).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
                  </Select>
                )}
              </Field>
            )}
            <Field id="weekday" label="Weekday" errors={errors.weekday}>
              {(d) => (
                <Select id="weekday" name="weekday" value={fields.weekday} onChange={set('weekday')} aria-describedby={d}>
                  {weekdays.map((w) => <option key={w} value={w}>{weekdayLabels[w]}</option>)}
                </Select>
              )}
            </Field>
            <Field id="time" label="Local start time" errors={errors.time}>
              {(d, invalid) => <Input id="time" name="time" type="time" value={fields.time} onChange={set('time')} aria-describedby={d} aria-invalid={invalid} />}
            </Field>
            <Field id="startDate" label="First possible date (optional)" hint="Fixes which weeks are on for every-other-week boards." errors={errors.startDate}>
              {(d, invalid) => <Input id="startDate" name="startDate" type="date" value={fields.startDate} onChange={set('startDate')} aria-describedby={d} aria-invalid={invalid} />}
            </Field>
          </>
        )}
      </div>
      {recurring && (
        <div className="rounded bg-slate-50 p-3 text-sm" aria-live="polite" data-testid="recurrence-preview">
          {preview.problem ? (
            <p className="text-red-700">{preview.problem}</p>
          ) : (
            <>
              <p>
                RRULE: <code className="break-all" data-testid="recurrence-rule">{preview.rule}</code>
              </p>
              <p className="mt-2 font-medium">Next meetings ({timeZone}):</p>
              <ol className="ml-5 list-decimal">
                {preview.dates.map((d) => <li key={d}>{d}</li>)}
              </ol>
            </>
          )}
        </div>
      )}
      {errors.recurrence && <p className="text-sm text-red-700">{errors.recurrence.join(' ')}</p>}
    </fieldset>
  );
}

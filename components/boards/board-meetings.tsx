'use client';
// The board's upcoming meetings in its local time: generate from the recurrence, move one,
// cancel one with a reason (its cases go to the next meeting). Each change names the meeting
// version shown here, so a change made meanwhile by someone else is a conflict message.
import { ActionForm } from '@/components/ui/action-form';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { cancelMeeting, generateMeetings, moveMeeting } from '@/lib/actions/meeting-schedule';
import { formatMeetingTime, toLocalInputValue } from '@/lib/boards/format';
import type { ScheduledMeetingDto } from '@/lib/schemas/meeting-schedule';

export function BoardMeetings({ boardId, timeZone, meetings, hasRecurrence }: { boardId: string; timeZone: string; meetings: ScheduledMeetingDto[]; hasRecurrence: boolean }) {
  const byId = new Map(meetings.map((m) => [m.id, m]));
  return (
    <div className="space-y-4">
      {hasRecurrence ? (
        <ActionForm action={generateMeetings} label="Generate meetings" className="flex flex-wrap items-end gap-3">
          {({ fieldErrors, pending, state }) => (
            <>
              <input type="hidden" name="boardId" value={boardId} />
              <Field id="weeks" label="Generate the next n weeks" errors={fieldErrors.weeks}>
                {(d, invalid) => <Input id="weeks" name="weeks" type="number" min={1} max={52} defaultValue={8} className="w-28" aria-describedby={d} aria-invalid={invalid} />}
              </Field>
              <Button type="submit" disabled={pending}>{pending ? 'Generating…' : 'Generate meetings'}</Button>
              {state?.ok && <p className="text-sm text-slate-700">{state.data.created.length} new meeting(s).</p>}
            </>
          )}
        </ActionForm>
      ) : (
        <p className="text-sm text-slate-600">This board has no recurrence; set one in the settings to generate meetings.</p>
      )}
      <ul className="divide-y divide-slate-100" aria-label="Upcoming meetings">
        {meetings.map((m) => {
          const movedTo = m.movedToMeetingId ? byId.get(m.movedToMeetingId) : undefined;
          const open = m.status === 'SCHEDULED' || m.status === 'PUBLISHED';
          return (
            <li key={m.id} className="py-3" data-testid="board-meeting" data-meeting-id={m.id}>
              <div className="flex flex-wrap items-center gap-3">
                <span className="font-medium" data-testid="meeting-time">{formatMeetingTime(m.startsAt, timeZone)}</span>
                <Badge tone={m.status === 'CANCELLED' ? 'danger' : 'neutral'}>{m.status.toLowerCase()}</Badge>
                <span className="text-sm text-slate-600" data-testid="meeting-case-count">{m.caseCount} case(s)</span>
              </div>
              {m.status === 'CANCELLED' && (
                <p className="mt-1 text-sm text-slate-700">
                  Cancelled: {m.cancelReason}
                  {movedTo ? ` — cases moved to ${formatMeetingTime(movedTo.startsAt, timeZone)}` : ''}
                </p>
              )}
              {open && (
                <div className="mt-2 flex flex-wrap gap-4">
                  <details>
                    <summary className="cursor-pointer text-sm text-brand-700">Move</summary>
                    <ActionForm action={moveMeeting} label={`Move the meeting of ${formatMeetingTime(m.startsAt, timeZone)}`} className="mt-2 flex flex-wrap items-end gap-2">
                      {({ fieldErrors, pending }) => (
                        <>
                          <input type="hidden" name="meetingId" value={m.id} />
                          <input type="hidden" name="expectedVersion" value={m.version} />
                          <Field id={`move-${m.id}`} label={`New start (${timeZone})`} errors={fieldErrors.localStart}>
                            {(d, invalid) => <Input id={`move-${m.id}`} name="localStart" type="datetime-local" defaultValue={toLocalInputValue(m.startsAt, timeZone)} aria-describedby={d} aria-invalid={invalid} />}
                          </Field>
                          <Button type="submit" variant="secondary" disabled={pending}>Move meeting</Button>
                        </>
                      )}
                    </ActionForm>
                  </details>
                  <details>
                    <summary className="cursor-pointer text-sm text-red-700">Cancel</summary>
                    <ActionForm action={cancelMeeting} label={`Cancel the meeting of ${formatMeetingTime(m.startsAt, timeZone)}`} className="mt-2 flex flex-wrap items-end gap-2">
                      {({ fieldErrors, pending }) => (
                        <>
                          <input type="hidden" name="meetingId" value={m.id} />
                          <input type="hidden" name="expectedVersion" value={m.version} />
                          <Field id={`cancel-${m.id}`} label="Reason" hint="Its cases move to the next meeting; referrers are notified." errors={fieldErrors.reason}>
                            {(d, invalid) => <Input id={`cancel-${m.id}`} name="reason" className="w-72" aria-describedby={d} aria-invalid={invalid} />}
                          </Field>
                          <Button type="submit" variant="danger" disabled={pending}>Cancel meeting</Button>
                        </>
                      )}
                    </ActionForm>
                  </details>
                </div>
              )}
            </li>
          );
        })}
        {meetings.length === 0 && <li className="py-3 text-sm text-slate-600">No upcoming meetings.</li>}
      </ul>
    </div>
  );
}

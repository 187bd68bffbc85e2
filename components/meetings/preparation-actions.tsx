'use client';
// The buttons and small forms on the meeting overview. Each is an ActionForm bound to a
// server action (lib/actions/meeting-preparation.ts); the server decides, these only ask.
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { markReviewDone, postponeCase, publishAgenda, sendPreparationReminder, undoReviewDone } from '@/lib/actions/meeting-preparation';

export function ReminderForm({ meetingId, itemId }: { meetingId: string; itemId: string }) {
  return (
    <ActionForm action={sendPreparationReminder} label="Send reminder" className="space-y-2">
      {({ pending, state }) => (
        <>
          <input type="hidden" name="meetingId" value={meetingId} />
          <input type="hidden" name="itemId" value={itemId} />
          {state?.ok && <p role="status" className="text-sm text-green-800">{state.data.message}</p>}
          <Button type="submit" variant="secondary" disabled={pending}>
            Send reminder
          </Button>
        </>
      )}
    </ActionForm>
  );
}

export function PostponeForm({ meetingId, itemId, agendaVersion }: { meetingId: string; itemId: string; agendaVersion: number }) {
  const id = `postpone-reason-${itemId}`;
  return (
    <details className="rounded border border-slate-200 p-2">
      <summary className="cursor-pointer text-sm font-medium">Postpone…</summary>
      <ActionForm action={postponeCase} label="Postpone case" className="mt-2 space-y-2">
        {({ fieldErrors, pending }) => (
          <>
            <input type="hidden" name="meetingId" value={meetingId} />
            <input type="hidden" name="itemId" value={itemId} />
            <input type="hidden" name="expectedAgendaVersion" value={agendaVersion} />
            <Field id={id} label="Reason (shown to the referrer and in the audit log)" errors={fieldErrors.reason}>
              {(d, invalid) => <Input id={id} name="reason" aria-describedby={d} aria-invalid={invalid} maxLength={500} />}
            </Field>
            <Button type="submit" variant="danger" disabled={pending}>
              Postpone case
            </Button>
          </>
        )}
      </ActionForm>
    </details>
  );
}

export function PublishForm({ meetingId, agendaVersion, republish }: { meetingId: string; agendaVersion: number; republish: boolean }) {
  return (
    <ActionForm action={publishAgenda} label={republish ? 'Republish agenda' : 'Publish agenda'} className="space-y-2">
      {({ pending }) => (
        <>
          <input type="hidden" name="meetingId" value={meetingId} />
          <input type="hidden" name="expectedAgendaVersion" value={agendaVersion} />
          <Button type="submit" disabled={pending}>
            {pending ? 'Publishing…' : republish ? 'Republish agenda' : 'Publish agenda'}
          </Button>
        </>
      )}
    </ActionForm>
  );
}

const specialtyLabel = { RADIOLOGY: 'Radiology', PATHOLOGY: 'Pathology' } as const;

export function ReviewMarkForm({ meetingId, caseId, specialty, done }: { meetingId: string; caseId: string; specialty: 'RADIOLOGY' | 'PATHOLOGY'; done: boolean }) {
  return (
    <ActionForm action={done ? undoReviewDone : markReviewDone} label={`${specialtyLabel[specialty]} review`} className="space-y-2">
      {({ pending }) => (
        <>
          <input type="hidden" name="meetingId" value={meetingId} />
          <input type="hidden" name="caseId" value={caseId} />
          <input type="hidden" name="specialty" value={specialty} />
          <Button type="submit" variant={done ? 'ghost' : 'secondary'} disabled={pending}>
            {done ? `Undo ${specialtyLabel[specialty].toLowerCase()} review mark` : `Mark ${specialtyLabel[specialty].toLowerCase()} review done`}
          </Button>
        </>
      )}
    </ActionForm>
  );
}

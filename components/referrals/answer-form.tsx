'use client';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { KeepFormValues } from './keep-form-values';
import { Field } from '@/components/ui/field';
import { answerReferralInformation } from '@/lib/actions/referrals';

const textarea = 'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm aria-invalid:border-red-600';

/** The referrer's answer to the coordinator's question; sending it returns the referral to triage. */
export function AnswerForm({ caseId, version, question }: { caseId: string; version: number; question: string }) {
  return (
    <ActionForm action={answerReferralInformation} label="Answer the coordinator">
      {({ fieldErrors, pending, state }) => (
        <>
          <KeepFormValues state={state} />
          <input type="hidden" name="caseId" value={caseId} />
          <input type="hidden" name="version" value={version} />
          <Field id={`answer-${caseId}`} label={`The coordinator asks: ${question}`} errors={fieldErrors.answer}>
            {(describedBy, invalid) => <textarea id={`answer-${caseId}`} name="answer" rows={2} maxLength={2000} className={textarea} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
          </Field>
          <Button type="submit" disabled={pending}>
            Send the answer
          </Button>
        </>
      )}
    </ActionForm>
  );
}

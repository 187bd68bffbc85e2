'use client';
// A coordinator's three answers to a referral, each a server action sent with the case
// version seen: accept into a meeting (the deadline rule's by default; another one is an
// override), reject with a reason, or ask the referrer for information.
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { KeepFormValues } from './keep-form-values';
import { Field, Input, Select } from '@/components/ui/field';
import { acceptReferral, rejectReferral, requestReferralInformation } from '@/lib/actions/referrals';
import type { ReferralListItemDto } from '@/lib/db/referrals/referral-lists';
import { formatDateTime } from '@/lib/format/date';

export function TriageActions({ referral, timeZone }: { referral: ReferralListItemDto; timeZone: string }) {
  const id = referral.id;
  const target = referral.targetMeeting && referral.targetMeeting.status !== 'CANCELLED' ? referral.targetMeeting : null;
  const options = referral.meetingOptions;
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <ActionForm action={acceptReferral} label={`Accept the referral of ${referral.patient.displayName}`}>
        {({ fieldErrors, pending, state }) => (
          <>
            <KeepFormValues state={state} />
            <input type="hidden" name="caseId" value={id} />
            <input type="hidden" name="version" value={referral.version} />
            <Field
              id={`meeting-${id}`}
              label="Meeting"
              errors={fieldErrors.meetingId}
              hint={target ? `By the deadline rule: ${formatDateTime(target.startsAt, timeZone)}. ${referral.ruleReason ?? ''} Choosing another meeting overrides the rule.` : 'No meeting chosen by the rule; choose one.'}
            >
              {(describedBy, invalid) => (
                <Select id={`meeting-${id}`} name="meetingId" defaultValue={target?.id ?? ''} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
                  {!target && <option value="">Choose…</option>}
                  {target && !options.some((o) => o.id === target.id) && <option value={target.id}>{formatDateTime(target.startsAt, timeZone)} (deadline rule)</option>}
                  {options.map((o) => (
                    <option key={o.id} value={o.id}>
                      {formatDateTime(o.startsAt, timeZone)}
                      {o.id === target?.id ? ' (deadline rule)' : ''}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Button type="submit" disabled={pending}>
              Accept into meeting
            </Button>
          </>
        )}
      </ActionForm>
      <ActionForm action={rejectReferral} label={`Reject the referral of ${referral.patient.displayName}`}>
        {({ fieldErrors, pending, state }) => (
          <>
            <KeepFormValues state={state} />
            <input type="hidden" name="caseId" value={id} />
            <input type="hidden" name="version" value={referral.version} />
            <Field id={`reason-${id}`} label="Reason for rejecting" errors={fieldErrors.reason}>
              {(describedBy, invalid) => <Input id={`reason-${id}`} name="reason" maxLength={500} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
            </Field>
            <Button type="submit" variant="danger" disabled={pending}>
              Reject
            </Button>
          </>
        )}
      </ActionForm>
      {referral.status === 'REFERRED' && (
        <ActionForm action={requestReferralInformation} label={`Ask about the referral of ${referral.patient.displayName}`}>
          {({ fieldErrors, pending, state }) => (
            <>
              <KeepFormValues state={state} />
            <input type="hidden" name="caseId" value={id} />
              <input type="hidden" name="version" value={referral.version} />
              <Field id={`question-${id}`} label="Ask the referrer" errors={fieldErrors.question}>
                {(describedBy, invalid) => <Input id={`question-${id}`} name="question" maxLength={1000} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
              </Field>
              <Button type="submit" variant="secondary" disabled={pending}>
                Ask for information
              </Button>
            </>
          )}
        </ActionForm>
      )}
    </div>
  );
}

import Link from 'next/link';
import { AnswerForm } from '@/components/referrals/answer-form';
import { ReferralSummary } from '@/components/referrals/referral-summary';
import { TriageActions } from '@/components/referrals/triage-actions';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { guardPage } from '@/lib/authz/guard-page';
import { can } from '@/lib/authz/permissions';
import { listMyReferrals, listTriageInbox } from '@/lib/db/referrals/referral-lists';
import { getEnv } from '@/lib/env';
import { formatDateTime } from '@/lib/format/date';

export const metadata = { title: 'Referrals' };

/**
 * One page, two sections by permission: coordinators get the triage inbox of the boards they
 * coordinate (referrals.triage), clinicians their own referrals and what became of them
 * (cases.refer), including the coordinator's questions to answer.
 */
export default async function ReferralsPage() {
  const actor = await guardPage('/referrals');
  const timeZone = getEnv().KONSIL_TIME_ZONE;
  const inbox = can(actor, 'referrals.triage') ? await listTriageInbox({ actor }) : null;
  const mine = can(actor, 'cases.refer') ? await listMyReferrals({ actor }) : null;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Referrals"
        description={inbox ? 'New referrals to the boards you coordinate: accept into a meeting, reject with a reason, or ask the referrer.' : 'The cases you referred and where they stand.'}
        actions={
          mine && (
            <Button asChild>
              <Link href="/referrals/new">Refer a case</Link>
            </Button>
          )
        }
      />
      {inbox && (
        <Card title="Triage inbox">
          {inbox.length === 0 ? (
            <p className="text-sm text-slate-600">No referral is waiting.</p>
          ) : (
            <ul className="divide-y divide-slate-200" aria-label="Referrals to triage">
              {inbox.map((r) => (
                <li key={r.id} className="space-y-3 py-4" data-testid="triage-item" data-case-id={r.id}>
                  <ReferralSummary referral={r} timeZone={timeZone} />
                  <TriageActions referral={r} timeZone={timeZone} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      {mine && (
        <Card title="My referrals">
          {mine.length === 0 ? (
            <p className="text-sm text-slate-600">You have not referred a case yet.</p>
          ) : (
            <ul className="divide-y divide-slate-200" aria-label="My referrals">
              {mine.map((r) => {
                const open = r.informationRequests.findLast((q) => q.answer === null);
                return (
                  <li key={r.id} className="space-y-3 py-4" data-testid="my-referral" data-case-id={r.id}>
                    <ReferralSummary referral={r} timeZone={timeZone} />
                    {r.scheduledMeeting && r.status === 'SCHEDULED' && <p className="text-sm text-slate-700">On the agenda of the meeting on {formatDateTime(r.scheduledMeeting.startsAt, timeZone)}.</p>}
                    {r.status === 'REFERRED' && r.targetMeeting && <p className="text-sm text-slate-700">Waiting for triage; planned for the meeting on {formatDateTime(r.targetMeeting.startsAt, timeZone)}.</p>}
                    {r.status === 'NEEDS_INFORMATION' && <AnswerForm caseId={r.id} version={r.version} question={open?.question ?? r.statusReason ?? ''} />}
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
      )}
    </div>
  );
}

import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { SyntheticBadge } from '@/components/ui/synthetic-badge';
import type { ReferralListItemDto } from '@/lib/db/referrals/referral-lists';
import { formatDateTime } from '@/lib/format/date';
import { caseStatusLabels, tumorEntityLabels, type CaseStatus, type TumorEntity } from '@/lib/schemas/case';
import { sourceText } from './value-source';

/** What a referral says: patient, board, question, staging with its source, the questions asked so far. */
export function ReferralSummary({ referral, timeZone }: { referral: ReferralListItemDto; timeZone: string }) {
  return (
    <div className="space-y-2 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <Link href={`/cases/${referral.id}`} prefetch={false} className="font-semibold text-brand-800 underline">
          {referral.patient.displayName}
        </Link>
        <span className="text-slate-600">MRN {referral.patient.mrn}</span>
        {referral.patient.isSynthetic && <SyntheticBadge />}
        <Badge tone={referral.status === 'REJECTED' ? 'danger' : referral.status === 'NEEDS_INFORMATION' ? 'warning' : 'brand'}>
          <span data-testid="referral-status">{caseStatusLabels[referral.status as CaseStatus] ?? referral.status}</span>
        </Badge>
        {referral.urgency === 'URGENT' && <Badge tone="danger">Urgent</Badge>}
      </div>
      <p className="text-slate-700">
        {referral.board.name} · {tumorEntityLabels[referral.entity as TumorEntity] ?? referral.entity}
        {referral.icd10Code ? ` · ${referral.icd10Code}` : ''} · referred by {referral.referrer.name}
        {referral.referredAt ? ` on ${formatDateTime(referral.referredAt, timeZone)}` : ''}
      </p>
      <p className="text-slate-900">{referral.question}</p>
      <dl className="grid gap-x-4 gap-y-1 text-slate-700 sm:grid-cols-[auto_1fr]">
        {referral.tnm && (
          <>
            <dt className="font-medium">TNM</dt>
            <dd title={sourceText(referral.tnm.source, timeZone)}>
              {referral.tnm.value} <span className="text-slate-500">({sourceText(referral.tnm.source, timeZone)})</span>
            </dd>
          </>
        )}
        {referral.ecog && (
          <>
            <dt className="font-medium">ECOG</dt>
            <dd>
              {referral.ecog.value} <span className="text-slate-500">({sourceText(referral.ecog.source, timeZone)})</span>
            </dd>
          </>
        )}
        <dt className="font-medium">Material</dt>
        <dd>{referral.materialCount === 0 ? 'none marked' : `${referral.materialCount} item${referral.materialCount === 1 ? '' : 's'} marked relevant`}</dd>
        {referral.statusReason && referral.status === 'REJECTED' && (
          <>
            <dt className="font-medium">Reason</dt>
            <dd>{referral.statusReason}</dd>
          </>
        )}
      </dl>
      {referral.informationRequests.length > 0 && (
        <ul className="space-y-1 rounded-md bg-slate-50 p-2 text-slate-700" aria-label="Questions and answers">
          {referral.informationRequests.map((r) => (
            <li key={r.askedAt}>
              <span className="font-medium">{r.askedByName} asked:</span> {r.question}
              {r.answer ? (
                <>
                  {' '}
                  <span className="font-medium">Answer:</span> {r.answer}
                </>
              ) : (
                <span className="text-amber-800"> (waiting for the referrer)</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

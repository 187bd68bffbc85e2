import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { SyntheticBadge } from '@/components/ui/synthetic-badge';
import { ageInYears, formatDateTime } from '@/lib/format/date';
import { caseStatusLabels, tumorEntityLabels, type CaseListItemDto } from '@/lib/schemas/case';

/** Cases as rows; each patient name opens the case screen. Times in the hospital's time zone. */
export function CaseTable({ cases, timeZone, caption, empty = 'No cases to show.' }: { cases: CaseListItemDto[]; timeZone: string; caption: string; empty?: string }) {
  if (cases.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4">Patient</th>
            <th scope="col" className="py-2 pr-4">Entity</th>
            <th scope="col" className="py-2 pr-4">Question to the board</th>
            <th scope="col" className="py-2 pr-4">Board</th>
            <th scope="col" className="py-2 pr-4">Status</th>
            <th scope="col" className="py-2">Next meeting</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {cases.map((c) => (
            <tr key={c.id} className="align-top" data-testid="case-row">
              <th scope="row" className="py-3 pr-4 text-left font-normal">
                {/* No prefetch: opening a case screen is an audited read of patient data; only a click may cause one. */}
                <Link href={`/cases/${c.id}`} prefetch={false} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {c.patient.displayName}
                </Link>
                <div className="text-xs text-slate-600">
                  MRN {c.patient.mrn} · {c.patient.birthDate ? `${ageInYears(c.patient.birthDate)} y` : 'age unknown'} · {c.patient.sex.toLowerCase()}
                </div>
                {c.patient.isSynthetic && <SyntheticBadge />}
              </th>
              <td className="py-3 pr-4">
                <div>{tumorEntityLabels[c.entity]}</div>
                <div className="text-xs text-slate-600">{c.icd10Code ?? 'no ICD-10'}</div>
              </td>
              <td className="max-w-md py-3 pr-4">{c.question}</td>
              <td className="py-3 pr-4">{c.board.name}</td>
              <td className="py-3 pr-4">
                <Badge>{caseStatusLabels[c.status]}</Badge>
                {c.urgency === 'URGENT' && <Badge tone="danger" className="ml-1">Urgent</Badge>}
              </td>
              <td className="whitespace-nowrap py-3">{c.nextMeetingAt ? formatDateTime(c.nextMeetingAt, timeZone) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

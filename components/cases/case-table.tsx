import { Badge } from '@/components/ui/badge';
import { SyntheticBadge } from '@/components/ui/synthetic-badge';
import { ageInYears, formatDateTime } from '@/lib/format/date';
import { caseStatusLabels, type CaseListItemDto } from '@/lib/schemas/case';

export function CaseTable({ cases, timeZone, caption }: { cases: CaseListItemDto[]; timeZone: string; caption: string }) {
  if (cases.length === 0) return <p className="text-sm text-slate-600">No cases to show.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4">Patient</th>
            <th scope="col" className="py-2 pr-4">Question to the board</th>
            <th scope="col" className="py-2 pr-4">Board</th>
            <th scope="col" className="py-2 pr-4">Status</th>
            <th scope="col" className="py-2">Next meeting</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {cases.map((c) => (
            <tr key={c.id} className="align-top">
              <td className="py-3 pr-4">
                <div className="font-medium">{c.patient.displayName}</div>
                <div className="text-xs text-slate-600">
                  MRN {c.patient.mrn} · {c.patient.birthDate ? `${ageInYears(c.patient.birthDate)} y` : 'age unknown'} · {c.patient.sex.toLowerCase()}
                </div>
                {c.patient.isSynthetic && <SyntheticBadge />}
              </td>
              <td className="max-w-md py-3 pr-4">
                <div>{c.question}</div>
                <div className="text-xs text-slate-600">
                  {c.icd10Code ?? 'no ICD-10'} · {c.entity.toLowerCase().replaceAll('_', ' ')}
                </div>
              </td>
              <td className="py-3 pr-4">{c.board.name}</td>
              <td className="py-3 pr-4">
                <Badge tone={c.urgency === 'URGENT' ? 'danger' : 'neutral'}>{caseStatusLabels[c.status]}</Badge>
                {c.urgency === 'URGENT' && <span className="ml-1 text-xs font-medium text-red-700">urgent</span>}
              </td>
              <td className="py-3 whitespace-nowrap">{c.nextMeetingAt ? formatDateTime(c.nextMeetingAt, timeZone) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

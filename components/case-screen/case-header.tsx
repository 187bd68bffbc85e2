import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { SyntheticBadge } from '@/components/ui/synthetic-badge';
import { formatDate, formatDateTime } from '@/lib/format/date';
import { caseStatusLabels } from '@/lib/schemas/case';
import type { CaseHeaderDto, CodedValueDto } from '@/lib/schemas/case-screen';

const sexLabel = { FEMALE: 'female', MALE: 'male', OTHER: 'other', UNKNOWN: 'sex unknown' } as const;

function entityLabel(entity: string) {
  return entity.charAt(0) + entity.slice(1).toLowerCase().replaceAll('_', ' ');
}

/** Where a header value came from, in words (hover and screen readers). */
function sourceText(value: CodedValueDto, timeZone: string): string {
  const date = value.source.date ? formatDate(value.source.date, timeZone) : 'date unknown';
  if (value.source.kind === 'confirmed-fact') return `From "${value.source.reportTitle}" (${date}), confirmed by ${value.source.confirmedBy}`;
  return `Recorded ${date}`;
}

function Fact({ label, value, testId, timeZone }: { label: string; value: CodedValueDto | null; testId: string; timeZone: string }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className="font-semibold" data-testid={testId} data-source={value?.source.kind}>
        {value ? (
          <span title={sourceText(value, timeZone)}>
            {value.value}
            {value.source.kind === 'confirmed-fact' && (
              <span className="ml-1 text-xs font-normal text-green-800">
                (confirmed)
                <span className="sr-only">: {sourceText(value, timeZone)}</span>
              </span>
            )}
          </span>
        ) : (
          <span className="font-normal text-slate-500">not recorded</span>
        )}
      </dd>
    </div>
  );
}

/** The top of the case screen: who, what, the question, and when the board sees it. */
export function CaseHeader({ header, timeZone }: { header: CaseHeaderDto; timeZone: string }) {
  const { patient } = header;
  return (
    <header className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="case-patient-name">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 id="case-patient-name" className="text-2xl font-semibold text-slate-900">
            {patient.displayName}
          </h1>
          <p className="text-sm text-slate-700">
            MRN <span data-testid="header-mrn">{patient.mrn}</span> · {patient.ageYears === null ? 'age unknown' : `${patient.ageYears} years`} ·{' '}
            {sexLabel[patient.sex]}
            {patient.birthDate && <> · born {formatDate(patient.birthDate)}</>} · pseudonym {patient.pseudonym}
          </p>
          {patient.isSynthetic && (
            <p className="mt-1 flex items-center gap-2 text-sm text-amber-900" data-testid="synthetic-mark">
              <SyntheticBadge /> Synthetic demo patient: invented data, not a real person.
            </p>
          )}
        </div>
        <div className="text-right text-sm">
          <div className="flex items-center justify-end gap-2">
            <Badge tone={header.status === 'SCHEDULED' ? 'brand' : 'neutral'}>{caseStatusLabels[header.status]}</Badge>
            {header.urgency === 'URGENT' && <Badge tone="danger">Urgent</Badge>}
          </div>
          <p className="mt-1 text-slate-700">{header.board.name}</p>
          <p className="text-slate-700" data-testid="header-meeting">
            {header.nextMeeting ? (
              <>
                Meeting: <Link href="/meetings" className="underline">{formatDateTime(header.nextMeeting.startsAt, timeZone)}</Link>
              </>
            ) : (
              'Not on a meeting agenda'
            )}
          </p>
          {header.statusReason && <p className="text-slate-600">{header.statusReason}</p>}
        </div>
      </div>

      <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <div className="col-span-2">
          <dt className="text-xs uppercase tracking-wide text-slate-600">Tumor entity</dt>
          <dd className="font-semibold">
            {entityLabel(header.entity)}
            {header.icd10 && (
              <span className="block text-sm font-normal text-slate-700">
                ICD-10 {header.icd10.code}
                {header.icd10.display && ` ${header.icd10.display}`}
              </span>
            )}
            {header.icdO3 && (
              <span className="block text-sm font-normal text-slate-700">
                ICD-O-3 {[header.icdO3.morphology, header.icdO3.topography].filter(Boolean).join(' · ')}
              </span>
            )}
          </dd>
        </div>
        <Fact label="TNM" value={header.tnm} testId="header-tnm" timeZone={timeZone} />
        <Fact label="Stage" value={header.stageGroup} testId="header-stage" timeZone={timeZone} />
        <Fact label="ECOG" value={header.ecog} testId="header-ecog" timeZone={timeZone} />
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-600">Referred by</dt>
          <dd>{header.referredBy.name}</dd>
        </div>
      </dl>

      {header.confirmedFacts.length > 0 && (
        <div className="mt-3">
          <h2 className="text-xs uppercase tracking-wide text-slate-600">Confirmed from reports</h2>
          <ul className="mt-1 flex flex-wrap gap-2" data-testid="header-confirmed-facts">
            {header.confirmedFacts.map((fact) => (
              <li key={`${fact.reportId}:${fact.kind}:${fact.label}:${fact.value}`} title={`From "${fact.reportTitle}"`}>
                <Badge tone="success">
                  {fact.label} {fact.value}
                  {fact.assertion !== 'present' && ` (${fact.assertion})`}
                </Badge>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="mt-4 rounded border-l-4 border-brand-600 bg-brand-50 p-3">
        <h2 className="text-xs uppercase tracking-wide text-slate-600">Question to the board</h2>
        <p className="text-base text-slate-900" data-testid="header-question">
          {header.question}
        </p>
      </div>
    </header>
  );
}

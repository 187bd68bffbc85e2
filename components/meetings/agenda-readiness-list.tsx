import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { SyntheticBadge } from '@/components/ui/synthetic-badge';
import type { MeetingPreparationDto, PreparedCaseDto } from '@/lib/schemas/meeting-preparation';
import { AgendaChangeBadges } from './agenda-change-badges';
import { PostponeForm, ReminderForm, ReviewMarkForm } from './preparation-actions';
import { ReadinessChecklist, ReadinessScore } from './readiness-checklist';

export interface AgendaControls {
  /** Coordinator: reminders and postponing (meetings.manage). */
  manage: boolean;
  /** A radiologist's or pathologist's own review mark (cases.annotate + profile specialty). */
  reviewSpecialty: 'RADIOLOGY' | 'PATHOLOGY' | null;
}

function CaseRow({ item, place, data, controls }: { item: PreparedCaseDto; place: number; data: MeetingPreparationDto; controls: AgendaControls }) {
  const postponed = item.status === 'POSTPONED';
  const changed = (item.change?.kinds.length ?? 0) > 0;
  const open = controls.manage && !postponed && !['CANCELLED', 'CLOSED'].includes(data.meeting.status);
  const reviewDone = controls.reviewSpecialty ? item.reviews.some((r) => r.specialty === controls.reviewSpecialty) : false;
  return (
    <li
      className={`rounded-md border p-3 ${changed ? 'border-amber-400 bg-amber-50' : 'border-slate-200'} ${postponed ? 'opacity-80' : ''}`}
      data-testid={`agenda-case-${item.caseId}`}
      data-ready={item.completeness.ready}
      data-changed={changed}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium">
            <span className="mr-2 text-slate-700">{place}.</span>
            <Link href={`/cases/${item.caseId}`} prefetch={false} className="text-brand-800 underline-offset-2 hover:underline">
              {item.patient.displayName}
            </Link>{' '}
            <span className="text-sm font-normal text-slate-700">MRN {item.patient.mrn}</span> {item.patient.isSynthetic && <SyntheticBadge />}
          </p>
          <p className="text-sm text-slate-700">
            {item.entity.replaceAll('_', ' ').toLowerCase()} · {item.tnm ?? 'TNM not recorded'}
            {item.stageGroup ? ` · stage ${item.stageGroup}` : ''}
            {item.ecog ? ` · ${item.ecog}` : ''}
          </p>
          <p className="text-sm text-slate-700">Question: {item.question}</p>
          <p className="text-xs text-slate-700">
            Referred by {item.referrer.name}
            {item.presenter ? ` · presenter ${item.presenter.name}` : ''}
          </p>
        </div>
        <div className="flex flex-col items-end gap-1">
          <span className="text-sm text-slate-700">{item.minutes} min</span>
          {postponed ? <Badge tone="danger">Postponed</Badge> : <ReadinessScore completeness={item.completeness} />}
          <AgendaChangeBadges change={item.change} />
        </div>
      </div>
      {postponed && item.statusReason && <p className="mt-1 text-sm text-red-800">Postponed: {item.statusReason}</p>}
      <details className="mt-2" open={!item.completeness.ready && !postponed}>
        <summary className="cursor-pointer text-sm font-medium text-slate-800">Preparation checklist</summary>
        <div className="mt-2">
          <ReadinessChecklist completeness={item.completeness} caseId={item.caseId} />
          {item.reviews.length > 0 && (
            <p className="mt-1 text-xs text-slate-700">
              {item.reviews.map((r) => `${r.specialty === 'RADIOLOGY' ? 'Radiology' : 'Pathology'} review by ${r.markedBy}`).join(' · ')}
            </p>
          )}
        </div>
      </details>
      {(open || controls.reviewSpecialty) && (
        <div className="mt-2 flex flex-wrap items-start gap-3" data-testid="case-controls">
          {controls.reviewSpecialty && <ReviewMarkForm meetingId={data.meeting.id} caseId={item.caseId} specialty={controls.reviewSpecialty} done={reviewDone} />}
          {open && !item.completeness.ready && <ReminderForm meetingId={data.meeting.id} itemId={item.itemId} />}
          {open && <PostponeForm meetingId={data.meeting.id} itemId={item.itemId} agendaVersion={data.meeting.agendaVersion} />}
        </div>
      )}
    </li>
  );
}

export function AgendaReadinessList({ data, controls, notReadyOnly }: { data: MeetingPreparationDto; controls: AgendaControls; notReadyOnly: boolean }) {
  const shown = data.items
    .map((item, i) => ({ item, place: i + 1 }))
    .filter(({ item }) => !notReadyOnly || (!item.completeness.ready && item.status !== 'POSTPONED'));
  return (
    <div className="space-y-3">
      {data.items.length === 0 && <p className="text-sm text-slate-600">No cases on this agenda yet.</p>}
      {data.items.length > 0 && shown.length === 0 && <p className="text-sm text-slate-600">Every case on this agenda is ready.</p>}
      <ol className="space-y-3" aria-label="Agenda">
        {shown.map(({ item, place }) => (
          <CaseRow key={item.itemId} item={item} place={place} data={data} controls={controls} />
        ))}
      </ol>
      {data.removed.length > 0 && (
        <div data-testid="removed-since-publication">
          <h3 className="text-sm font-semibold text-red-800">Removed since publication</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {data.removed.map((r) => (
              <li key={r.caseId} className="rounded border border-red-200 bg-red-50 px-2 py-1 line-through decoration-red-700">
                {r.displayName} · MRN {r.mrn} {r.isSynthetic && <SyntheticBadge />}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

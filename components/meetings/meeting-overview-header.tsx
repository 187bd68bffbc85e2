import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/lib/format/date';
import type { MeetingPreparationDto } from '@/lib/schemas/meeting-preparation';

const statusText = { SCHEDULED: 'Scheduled', PUBLISHED: 'Published', LIVE: 'Live', CLOSED: 'Closed', CANCELLED: 'Cancelled' } as const;

/** Board, local time (the board's time zone), length, status, publication and the time budget. */
export function MeetingOverviewHeader({ data }: { data: MeetingPreparationDto }) {
  const { meeting, items } = data;
  const active = items.filter((i) => i.status !== 'POSTPONED');
  const planned = active.reduce((sum, i) => sum + i.minutes, 0);
  const notReady = active.filter((i) => !i.completeness.ready).length;
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3" data-testid="meeting-header">
      <div>
        <dt className="text-slate-600">When ({meeting.timeZone})</dt>
        <dd className="font-medium">{formatDateTime(meeting.startsAt, meeting.timeZone)}</dd>
      </div>
      <div>
        <dt className="text-slate-600">Length</dt>
        <dd className="font-medium">
          {meeting.durationMinutes} min{meeting.location ? ` · ${meeting.location}` : ''}
        </dd>
      </div>
      <div>
        <dt className="text-slate-600">Status</dt>
        <dd className="flex flex-wrap gap-1">
          <Badge tone={meeting.status === 'CANCELLED' ? 'danger' : 'brand'}>{statusText[meeting.status]}</Badge>
          {meeting.agendaPublishedAt ? (
            <Badge tone="success">
              Agenda published (revision {meeting.publishedRevision ?? '?'}) {formatDateTime(meeting.agendaPublishedAt, meeting.timeZone)}
            </Badge>
          ) : (
            <Badge>Agenda not published</Badge>
          )}
        </dd>
      </div>
      <div>
        <dt className="text-slate-600">Time budget</dt>
        <dd className={planned > meeting.durationMinutes ? 'font-medium text-red-800' : 'font-medium'}>
          {planned} of {meeting.durationMinutes} min planned{planned > meeting.durationMinutes ? ' (overrun)' : ''}
        </dd>
      </div>
      <div>
        <dt className="text-slate-600">Cases</dt>
        <dd className="font-medium" data-testid="readiness-summary">
          {active.length} on the agenda · {notReady} not ready{items.length > active.length ? ` · ${items.length - active.length} postponed` : ''}
        </dd>
      </div>
      {meeting.handout && (
        <div>
          <dt className="text-slate-600">Handout</dt>
          <dd>
            <a href={`/api/meetings/${meeting.id}/handout`} className="font-medium text-brand-800 underline" download data-testid="handout-link">
              Download PDF handout
            </a>{' '}
            <span className="font-mono text-xs text-slate-600" title={meeting.handout.sha256}>
              sha256 {meeting.handout.sha256.slice(0, 12)}…
            </span>
          </dd>
        </div>
      )}
    </dl>
  );
}

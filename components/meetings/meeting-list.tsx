import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/lib/format/date';
import type { MeetingListItemDto } from '@/lib/db/meetings';

export function MeetingList({ meetings, timeZone }: { meetings: MeetingListItemDto[]; timeZone: string }) {
  if (meetings.length === 0) return <p className="text-sm text-slate-600">No upcoming meetings on your boards.</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {meetings.map((m) => (
        <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
          <div>
            <p className="font-medium">
              <Link href={`/meetings/${m.id}`} prefetch={false} className="text-brand-800 underline-offset-2 hover:underline">
                {m.board.name}
              </Link>
            </p>
            <p className="text-sm text-slate-600">
              {formatDateTime(m.startsAt, timeZone)} · {m.durationMinutes} min{m.location ? ` · ${m.location}` : ''}
            </p>
          </div>
          <div className="flex items-center gap-2">
            <Badge tone="brand">
              {m.caseCount} {m.caseCount === 1 ? 'case' : 'cases'}
            </Badge>
            <Badge tone={m.agendaPublished ? 'success' : 'neutral'}>{m.agendaPublished ? 'Agenda published' : 'Agenda draft'}</Badge>
          </div>
        </li>
      ))}
    </ul>
  );
}

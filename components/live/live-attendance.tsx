// Who is here, in which specialty, since when; and the quorum against the board's required specialties.
import type { LiveState } from '@/lib/live/live-state';
import { Badge } from '@/components/ui/badge';

export function specialtyLabel(specialty: string | null): string {
  if (!specialty) return 'no specialty';
  return specialty.charAt(0) + specialty.slice(1).toLowerCase().replaceAll('_', ' ');
}

export function LiveAttendance({ state, timeZone }: { state: LiveState; timeZone: string }) {
  const { quorum } = state;
  const time = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  return (
    <section aria-labelledby="live-attendance-title" className="space-y-2" data-testid="live-attendance">
      <h2 id="live-attendance-title" className="text-sm font-semibold text-slate-900">
        Attendance ({state.attendance.length})
      </h2>
      <div data-testid="live-quorum" data-met={quorum.met ? 'true' : 'false'}>
        {quorum.required.length === 0 ? (
          <p className="text-xs text-slate-700">No specialties required for a quorum.</p>
        ) : (
          <>
            <Badge tone={quorum.met ? 'success' : 'warning'}>{quorum.met ? 'Quorum present' : 'No quorum'}</Badge>
            <ul className="mt-1 flex flex-wrap gap-1" aria-label="Required specialties">
              {quorum.required.map((s) => (
                <li key={s} className={quorum.present.includes(s) ? 'text-xs text-green-800' : 'text-xs text-red-800'} data-testid="quorum-specialty" data-present={quorum.present.includes(s) ? 'true' : 'false'}>
                  {quorum.present.includes(s) ? '✓' : '✗'} {specialtyLabel(s)}
                  <span className="sr-only">{quorum.present.includes(s) ? ' present' : ' missing'}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <ul className="space-y-1 text-xs text-slate-800">
        {state.attendance.map((a) => (
          <li key={a.userId} data-testid="live-attendee" data-specialty={a.specialty ?? ''}>
            <span className="font-medium">{a.name}</span> · {specialtyLabel(a.specialty)} · since {time(a.joinedAt)}
          </li>
        ))}
      </ul>
    </section>
  );
}

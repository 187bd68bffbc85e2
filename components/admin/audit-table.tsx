import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/lib/format/date';
import type { AuditEventDto } from '@/lib/schemas/audit-event';

const outcomeTone = { SUCCESS: 'success', FAILURE: 'warning', DENIED: 'danger' } as const;

/** Detail JSON is shown as text (pre), never as HTML. */
export function AuditTable({ events, timeZone }: { events: AuditEventDto[]; timeZone: string }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">No audit events match these filters.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Audit events, newest first</caption>
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3">When</th>
            <th scope="col" className="py-2 pr-3">Who</th>
            <th scope="col" className="py-2 pr-3">Action</th>
            <th scope="col" className="py-2 pr-3">Entity</th>
            <th scope="col" className="py-2 pr-3">Patient</th>
            <th scope="col" className="py-2 pr-3">Outcome</th>
            <th scope="col" className="py-2">From</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((e) => (
            <tr key={e.id} className="align-top" data-testid="audit-row">
              <td className="whitespace-nowrap py-2 pr-3">{formatDateTime(e.occurredAt, timeZone)}</td>
              <td className="py-2 pr-3">
                {e.actorEmail ?? <span className="text-slate-500">anonymous</span>}
                {e.actorRoles.length > 0 && <div className="text-xs text-slate-600">{e.actorRoles.join(', ')}</div>}
              </td>
              <td className="py-2 pr-3">
                <code className="font-mono text-xs">{e.action}</code>
                <details className="mt-1">
                  <summary className="cursor-pointer text-xs text-brand-700">detail</summary>
                  <pre className="mt-1 max-w-md overflow-x-auto whitespace-pre-wrap text-xs">{JSON.stringify(e.detail, null, 2)}</pre>
                </details>
              </td>
              <td className="py-2 pr-3 text-xs">{e.entityType ? `${e.entityType} ${e.entityId ?? ''}` : '—'}</td>
              <td className="py-2 pr-3 font-mono text-xs">{e.patientId ?? '—'}</td>
              <td className="py-2 pr-3"><Badge tone={outcomeTone[e.outcome]}>{e.outcome.toLowerCase()}</Badge></td>
              <td className="py-2 text-xs">{e.ipAddress ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

'use client';
import { useMemo } from 'react';
import { cn } from '@/components/ui/cn';
import { formatDate } from '@/lib/format/date';
import type { TimelineItemDto, TimelineItemKind } from '@/lib/schemas/case-screen';
import { selectInCaseScreen } from './case-selection';
import { timeAxis } from './timeline-axis';

const LANES: { kind: TimelineItemKind; label: string; dot: string }[] = [
  { kind: 'diagnosis', label: 'Diagnoses', dot: 'bg-red-700' },
  { kind: 'procedure', label: 'Procedures', dot: 'bg-slate-700' },
  { kind: 'systemic-therapy', label: 'Systemic therapy', dot: 'bg-violet-700' },
  { kind: 'radiotherapy', label: 'Radiotherapy', dot: 'bg-orange-700' },
  { kind: 'report', label: 'Reports', dot: 'bg-brand-700' },
  { kind: 'imaging', label: 'Imaging', dot: 'bg-sky-700' },
  { kind: 'lab', label: 'Key labs', dot: 'bg-amber-700' },
];

/**
 * Everything that happened on one time axis, one lane per kind. Items that open in a
 * panel (reports, studies, labs) are buttons; the others show their details on hover/focus.
 */
export function CaseTimeline({ items, timeZone, now }: { items: TimelineItemDto[]; timeZone: string; now: string }) {
  const axis = useMemo(() => timeAxis(items, new Date(now)), [items, now]);
  if (items.length === 0) return <p className="text-sm text-slate-600">Nothing recorded for this patient yet.</p>;
  return (
    <div className="space-y-1" data-testid="case-timeline">
      <div className="relative ml-36 h-5 text-xs text-slate-600" aria-hidden="true">
        {axis.ticks.map((tick) => (
          <span key={tick.label} className="absolute -translate-x-1/2" style={{ left: `${tick.at * 100}%` }}>
            {tick.label}
          </span>
        ))}
      </div>
      {LANES.map((lane) => {
        const laneItems = items.filter((i) => i.kind === lane.kind);
        if (laneItems.length === 0) return null;
        return (
          <div key={lane.kind} className="flex items-center" role="group" aria-label={lane.label}>
            <div className="w-36 shrink-0 text-xs font-medium text-slate-700">{lane.label}</div>
            <ul className="relative h-6 flex-1 rounded bg-slate-50">
              {laneItems.map((item) => {
                const left = axis.position(item.date);
                const right = item.endDate ? axis.position(item.endDate) : item.kind === 'systemic-therapy' || item.kind === 'radiotherapy' ? 1 : null;
                const label = `${item.title}, ${formatDate(item.date, timeZone)}${item.endDate ? ` to ${formatDate(item.endDate, timeZone)}` : ''}${item.detail ? ` (${item.detail})` : ''}`;
                const opens = item.target.panel !== 'none';
                const style = right === null ? { left: `${left * 100}%` } : { left: `${left * 100}%`, width: `${Math.max(right - left, 0.006) * 100}%` };
                const shape = right === null ? cn('h-3 w-3 -translate-x-1/2 rounded-full', lane.dot) : cn('h-2 rounded opacity-70', lane.dot);
                return (
                  <li key={item.id} className="absolute top-1/2 -translate-y-1/2" style={style}>
                    {opens ? (
                      <button
                        type="button"
                        className={cn('block hover:ring-2 hover:ring-brand-600', shape, right !== null && 'w-full')}
                        title={label}
                        aria-label={`Open: ${label}`}
                        data-timeline-kind={item.kind}
                        onClick={() => item.target.panel !== 'none' && selectInCaseScreen(item.target)}
                      />
                    ) : (
                      <span tabIndex={0} className={cn('block', shape, right !== null && 'w-full')} title={label} aria-label={label} role="img" data-timeline-kind={item.kind} />
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </div>
  );
}

'use client';
import { cn } from '@/components/ui/cn';
import type { LabGroup, LabRow } from '@/lib/case-screen/lab-groups';
import { formatLabValue, formatReferenceRange } from '@/lib/case-screen/lab-values';
import { formatDate } from '@/lib/format/date';
import { LabFlagBadge } from './lab-flag-badge';

interface LabTableProps {
  groups: LabGroup[];
  selectedCode: string | null;
  onSelect: (code: string) => void;
  timeZone: string;
  /** id of the chart the row buttons control. */
  chartId: string;
}

/**
 * The newest value per analyte, grouped by panel; the entity's tumor markers
 * first and emphasised. Each analyte's name is a button that shows its trend.
 */
export function LabTable({ groups, selectedCode, onSelect, timeZone, chartId }: LabTableProps) {
  return (
    <table className="w-full text-left text-sm" data-testid="lab-table">
      <caption className="sr-only">Newest laboratory value per analyte, grouped by panel. Choose an analyte to see its trend.</caption>
      <thead className="text-xs uppercase text-slate-600">
        <tr>
          <th scope="col" className="py-2 pr-2">Analyte</th>
          <th scope="col" className="pr-2">Latest</th>
          <th scope="col" className="pr-2">Reference</th>
          <th scope="col" className="pr-2">Flag</th>
          <th scope="col">Date</th>
        </tr>
      </thead>
      {groups.map((group) => (
        <tbody
          key={group.id}
          data-testid={group.tumorMarkers ? 'lab-group-tumor-markers' : 'lab-group'}
          className={cn(group.tumorMarkers && 'bg-brand-50')}
        >
          <tr>
            <th
              scope="rowgroup"
              colSpan={5}
              className={cn(
                'pt-3 pb-1 text-left text-xs font-semibold uppercase tracking-wide',
                group.tumorMarkers ? 'border-l-4 border-brand-600 pl-2 text-brand-800' : 'text-slate-700',
              )}
            >
              {group.heading}
            </th>
          </tr>
          {group.rows.map((row) => (
            <LabTableRow
              key={row.series.code}
              row={row}
              emphasised={group.tumorMarkers}
              selected={row.series.code === selectedCode}
              onSelect={onSelect}
              timeZone={timeZone}
              chartId={chartId}
            />
          ))}
        </tbody>
      ))}
    </table>
  );
}

function LabTableRow({
  row,
  emphasised,
  selected,
  onSelect,
  timeZone,
  chartId,
}: {
  row: LabRow;
  emphasised: boolean;
  selected: boolean;
  onSelect: (code: string) => void;
  timeZone: string;
  chartId: string;
}) {
  const { series, latest, flag } = row;
  const range = formatReferenceRange(series);
  const hasBounds = series.referenceLow !== null || series.referenceHigh !== null;
  const count = series.values.length;
  return (
    <tr
      data-testid="lab-row"
      data-code={series.code}
      data-selected={selected ? 'true' : undefined}
      className={cn('border-t border-slate-200 align-top', emphasised && 'border-l-4 border-l-brand-600', selected && 'bg-brand-100')}
    >
      <td className={cn('py-1.5 pr-2', emphasised && 'pl-1')}>
        <button
          type="button"
          aria-pressed={selected}
          aria-controls={chartId}
          onClick={() => onSelect(series.code)}
          // The visible name first, so speech input ("click CEA") finds the button.
          aria-label={`${row.name}: show trend (${count === 1 ? '1 value' : `${count} values`})`}
          title={series.display}
          className={cn(
            'rounded text-left text-brand-700 underline decoration-dotted underline-offset-2 hover:text-brand-800',
            emphasised ? 'font-semibold' : 'font-medium',
          )}
        >
          {row.name}
        </button>
        {count > 1 && (
          <span aria-hidden="true" className="ml-1 text-xs text-slate-600">
            ×{count}
          </span>
        )}
      </td>
      <td className={cn('pr-2 whitespace-nowrap tabular-nums', emphasised && 'text-base', flag && 'font-semibold')}>
        {latest ? formatLabValue(latest) : '—'}
        {latest?.value !== null && series.unit && <span className="text-xs font-normal text-slate-600"> {series.unit}</span>}
      </td>
      <td className="pr-2 whitespace-nowrap text-slate-700 tabular-nums">
        {range ?? <span className="text-slate-600">—</span>}
        {range && hasBounds && series.unit && <span className="text-xs text-slate-600"> {series.unit}</span>}
      </td>
      <td className="pr-2">
        <LabFlagBadge flag={flag} />
      </td>
      <td className="whitespace-nowrap text-slate-700">
        {latest ? <time dateTime={latest.effectiveAt}>{formatDate(latest.effectiveAt, timeZone)}</time> : '—'}
      </td>
    </tr>
  );
}

'use client';
import { useId } from 'react';
import { cn } from '@/components/ui/cn';
import type { ReportType, ReportTypeOption } from '@/lib/case-screen/report-list';

/** A segmented control (native radio buttons, so arrow keys move between types). */
export function ReportTypeFilter({
  options,
  value,
  onChange,
}: {
  options: ReportTypeOption[];
  value: ReportType | 'ALL';
  onChange: (value: ReportType | 'ALL') => void;
}) {
  const name = useId();
  return (
    <fieldset className="flex flex-wrap items-center gap-2">
      <legend className="float-left mr-2 text-sm font-medium text-slate-800">Report type</legend>
      <div className="inline-flex flex-wrap overflow-hidden rounded-md border border-slate-300 bg-white">
        {options.map((option) => (
          <label
            key={option.value}
            className={cn(
              'relative border-r border-slate-300 px-3 py-1.5 text-sm last:border-r-0',
              'has-[:focus-visible]:outline-2 has-[:focus-visible]:-outline-offset-2 has-[:focus-visible]:outline-brand-600',
              option.value === value ? 'bg-brand-700 font-medium text-white' : 'text-slate-800 hover:bg-slate-100',
            )}
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
              // Invisible but covering the segment, so a click anywhere on it is a click on the radio.
              className="absolute inset-0 cursor-pointer appearance-none opacity-0"
            />
            {option.label} <span className={option.value === value ? 'text-brand-100' : 'text-slate-600'}>({option.count})</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

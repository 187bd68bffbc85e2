'use client';
// The recommendation's code picker: a type-ahead combobox (WAI-ARIA combobox + listbox) over
// the curated value set for the recommendation's modality. Picked codes are listed with
// system and code; what the list does not hold is written into the details as free text
// ("no code") instead of under a guessed code.
import { useId, useState, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { searchValueSet, systemLabel, toCoding, type ValueSetEntry } from '@/lib/decisions/value-sets';
import type { DecisionCoding } from '@/lib/schemas/decision';

type Option = { kind: 'code'; entry: ValueSetEntry } | { kind: 'text'; text: string };

export function CodePicker(props: {
  id: string;
  label: string;
  entries: readonly ValueSetEntry[];
  codes: DecisionCoding[];
  onChange: (codes: DecisionCoding[]) => void;
  /** "No code": the typed text goes into the recommendation's details. */
  onFreeText: (text: string) => void;
}) {
  const { id, label, entries, codes, onChange, onFreeText } = props;
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const picked = new Set(codes.map((c) => `${c.system}|${c.code}`));
  const options: Option[] = searchValueSet(entries.filter((e) => !picked.has(`${e.system}|${e.code}`)), query).map((entry) => ({ kind: 'code', entry }));
  if (query.trim()) options.push({ kind: 'text', text: query.trim() });

  const choose = (option: Option) => {
    if (option.kind === 'code') onChange([...codes, toCoding(option.entry)]);
    else onFreeText(option.text);
    setQuery('');
    setActive(0);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter') {
      if (open && options[active]) {
        event.preventDefault();
        choose(options[active]);
      }
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const optionId = (i: number) => `${listId}-opt-${i}`;
  const expanded = open && options.length > 0;
  return (
    <div className="space-y-2" data-testid="code-picker">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {codes.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label={`${label}: picked`}>
          {codes.map((c) => (
            <li key={`${c.system}|${c.code}`} className="inline-flex items-center gap-1 rounded bg-brand-50 px-2 py-1 text-xs text-brand-900" data-testid="picked-code" data-code={c.code}>
              <span>
                {c.display} <span className="text-slate-600">({systemLabel(c.system)} {c.code})</span>
              </span>
              <button type="button" className="rounded px-1 text-slate-700 hover:bg-brand-100" aria-label={`Remove ${c.display}`} onClick={() => onChange(codes.filter((x) => x !== c))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="relative">
        <input
          id={id}
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded ? optionId(active) : undefined}
          autoComplete="off"
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm"
          placeholder="Type to search, e.g. lobectomy or cisplatin"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label={`${label}: suggestions`} hidden={!expanded} className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-300 bg-white py-1 text-sm shadow-lg">
          {options.map((option, i) => (
            <li
              key={option.kind === 'code' ? `${option.entry.system}|${option.entry.code}` : 'free-text'}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'cursor-pointer bg-brand-100 px-3 py-1.5' : 'cursor-pointer px-3 py-1.5 hover:bg-slate-100'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(option)}
            >
              {option.kind === 'code' ? (
                <>
                  {option.entry.display} <span className="text-xs text-slate-600">{systemLabel(option.entry.system)} {option.entry.code}</span>
                </>
              ) : (
                <>No code: add “{option.text}” to the details</>
              )}
            </li>
          ))}
        </ul>
      </div>
      {codes.length > 0 && (
        <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => onChange([])}>
          Remove all codes
        </Button>
      )}
    </div>
  );
}

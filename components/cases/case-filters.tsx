import Form from 'next/form';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';
import type { BoardOptionDto } from '@/lib/db/boards';
import { caseStatusLabels, caseStatuses, type CaseListQuery } from '@/lib/schemas/case';

const label = 'block text-sm font-medium text-slate-800';

/**
 * The case list's search and filters: a GET form, so the state lives in the URL
 * (bookmarkable, shareable, the back button works) and it works without JavaScript;
 * next/form turns the submit into a client-side navigation when JavaScript runs.
 * Submitting starts again at page 1 (the form carries no page).
 */
export function CaseFilters({ query, boards }: { query: CaseListQuery; boards: BoardOptionDto[] }) {
  return (
    <Form action="/cases" role="search" aria-label="Search and filter cases" className="mb-4 space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="case-q" className={label}>Search</label>
          <Input id="case-q" name="q" type="search" defaultValue={query.q ?? ''} maxLength={100} aria-describedby="case-q-hint" />
          <p id="case-q-hint" className="mt-1 text-xs text-slate-600">Patient name, MRN, tumor entity or ICD-10 code</p>
        </div>
        <div>
          <label htmlFor="case-board" className={label}>Board</label>
          <Select id="case-board" name="board" defaultValue={query.board ?? ''} className="w-56">
            <option value="">All my boards</option>
            {boards.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
          </Select>
        </div>
        <div>
          <label htmlFor="case-from" className={label}>Meeting from</label>
          <Input id="case-from" name="from" type="date" defaultValue={query.from ?? ''} className="w-40" />
        </div>
        <div>
          <label htmlFor="case-to" className={label}>Meeting to</label>
          <Input id="case-to" name="to" type="date" defaultValue={query.to ?? ''} className="w-40" />
        </div>
      </div>
      <fieldset>
        <legend className={label}>Status <span className="font-normal text-slate-600">(none ticked: any)</span></legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {caseStatuses.map((s) => (
            <label key={s} className="inline-flex items-center gap-1.5 text-sm">
              <input type="checkbox" name="status" value={s} defaultChecked={query.status.includes(s)} className="size-4" />
              {caseStatusLabels[s]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <label className="inline-flex items-center gap-1.5 text-sm font-medium">
          <input type="checkbox" name="mine" value="1" defaultChecked={query.mine} className="size-4" />
          Only cases I referred
        </label>
        <Button type="submit">Search</Button>
        <Link href="/cases" prefetch={false} className="text-sm font-medium text-brand-700 underline">Clear all</Link>
      </div>
    </Form>
  );
}

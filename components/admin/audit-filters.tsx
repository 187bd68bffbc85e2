import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';
import { auditActions } from '@/lib/audit/events';
import type { AuditQuery } from '@/lib/schemas/audit-event';

/** A plain GET form: filters live in the URL, so a filtered view can be bookmarked or sent to a colleague. */
export function AuditFilters({ query }: { query: AuditQuery }) {
  const text = (id: keyof AuditQuery, label: string, type = 'text') => (
    <div>
      <label htmlFor={`f-${id}`} className="block text-sm font-medium">{label}</label>
      <Input id={`f-${id}`} name={id} type={type} defaultValue={query[id] ?? ''} className="w-44" />
    </div>
  );
  return (
    <form method="get" role="search" aria-label="Filter audit events" className="mb-4 flex flex-wrap items-end gap-3">
      {text('actor', 'User (e-mail or id)')}
      <div>
        <label htmlFor="f-action" className="block text-sm font-medium">Action</label>
        <Select id="f-action" name="action" defaultValue={query.action ?? ''}>
          <option value="">Any</option>
          {auditActions.map((a) => <option key={a} value={a}>{a}</option>)}
        </Select>
      </div>
      <div>
        <label htmlFor="f-outcome" className="block text-sm font-medium">Outcome</label>
        <Select id="f-outcome" name="outcome" defaultValue={query.outcome ?? ''}>
          <option value="">Any</option>
          <option value="SUCCESS">Success</option>
          <option value="FAILURE">Failure</option>
          <option value="DENIED">Denied</option>
        </Select>
      </div>
      {text('patientId', 'Patient id')}
      {text('entityId', 'Entity id')}
      {text('from', 'From (UTC day)', 'date')}
      {text('to', 'To (UTC day)', 'date')}
      <Button type="submit" variant="secondary">Filter</Button>
    </form>
  );
}

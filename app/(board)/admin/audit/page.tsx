import Link from 'next/link';
import { AuditFilters } from '@/components/admin/audit-filters';
import { AuditTable } from '@/components/admin/audit-table';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { guardPage } from '@/lib/authz/guard-page';
import { listAuditEvents } from '@/lib/db/audit-events';
import { getEnv } from '@/lib/env';
import { auditQuerySchema } from '@/lib/schemas/audit-event';

export const metadata = { title: 'Audit log' };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await guardPage('/admin/audit');
  const query = auditQuerySchema.parse(await searchParams);
  const { events, nextBefore } = await listAuditEvents({ actor, query });
  const next = new URLSearchParams(
    Object.entries({ ...query, before: nextBefore ?? undefined }).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  return (
    <div className="space-y-6">
      <PageHeader title="Audit log" description="Every sign-in, change and read of patient data, append-only. Times in the hospital's time zone." />
      <Card>
        <AuditFilters query={query} />
        <AuditTable events={events} timeZone={getEnv().KONSIL_TIME_ZONE} />
        {nextBefore && (
          <Link className="mt-4 inline-block text-sm font-medium text-brand-700 underline" href={`/admin/audit?${next.toString()}`}>
            Older events →
          </Link>
        )}
      </Card>
    </div>
  );
}

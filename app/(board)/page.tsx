import Link from 'next/link';
import { CaseTable } from '@/components/cases/case-table';
import { MeetingList } from '@/components/meetings/meeting-list';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { guardPage } from '@/lib/authz/guard-page';
import { can } from '@/lib/authz/permissions';
import { listCases } from '@/lib/db/cases';
import { listUpcomingMeetings } from '@/lib/db/meetings';
import { getEnv } from '@/lib/env';

export const metadata = { title: 'Start' };

/** One start page, with a section per role the user holds. */
export default async function HomePage() {
  const actor = await guardPage('/');
  const timeZone = getEnv().KONSIL_TIME_ZONE;
  const isClinician = actor.roles.includes('CLINICIAN');
  const isCoordinator = actor.roles.includes('COORDINATOR');
  const [myCases, meetings] = await Promise.all([
    isClinician ? listCases({ actor, mine: true, take: 20 }) : null,
    isCoordinator && can(actor, 'meetings.read') ? listUpcomingMeetings({ actor, take: 10 }) : null,
  ]);

  return (
    <div className="space-y-6">
      <PageHeader title={`Welcome, ${actor.name}`} description="What needs your attention today." />
      {myCases && (
        <Card title="My cases" actions={<Link className="text-sm font-medium text-brand-700 underline" href="/cases">All cases</Link>}>
          <CaseTable cases={myCases} timeZone={timeZone} caption="Cases you referred" />
        </Card>
      )}
      {meetings && (
        <Card title="Upcoming meetings" actions={<Link className="text-sm font-medium text-brand-700 underline" href="/meetings">All meetings</Link>}>
          <MeetingList meetings={meetings} timeZone={timeZone} />
        </Card>
      )}
      {actor.roles.includes('ADMIN') && (
        <Card title="Administration">
          <ul className="grid gap-3 sm:grid-cols-3">
            <li><Link className="block rounded-md border border-slate-200 p-4 font-medium hover:bg-slate-50" href="/admin/users">Users and roles</Link></li>
            <li><Link className="block rounded-md border border-slate-200 p-4 font-medium hover:bg-slate-50" href="/admin/models">Decision-support models</Link></li>
            <li><Link className="block rounded-md border border-slate-200 p-4 font-medium hover:bg-slate-50" href="/admin/audit">Audit log</Link></li>
          </ul>
        </Card>
      )}
    </div>
  );
}

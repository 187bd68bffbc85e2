import Link from 'next/link';
import { Suspense } from 'react';
import { MyCasesPanel } from '@/components/home/my-cases-panel';
import { UpcomingMeetingsPanel } from '@/components/home/upcoming-meetings-panel';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { PanelBoundary } from '@/components/ui/panel-boundary';
import { PanelSkeleton } from '@/components/ui/panel-skeleton';
import { guardPage } from '@/lib/authz/guard-page';
import { can } from '@/lib/authz/permissions';
import { getEnv } from '@/lib/env';

export const metadata = { title: 'Start' };

const cardLink = 'block rounded-md border border-slate-200 p-4 font-medium hover:bg-slate-50';

/** One start page, with a section per role the user holds; each panel streams and fails on its own. */
export default async function HomePage() {
  const actor = await guardPage('/');
  const timeZone = getEnv().KONSIL_TIME_ZONE;
  return (
    <div className="space-y-6">
      <PageHeader title={`Welcome, ${actor.name}`} description="What needs your attention today." />
      {actor.roles.includes('CLINICIAN') && can(actor, 'cases.read') && (
        <Card title="My cases" actions={<Link className="text-sm font-medium text-brand-700 underline" href="/cases">All cases</Link>}>
          <PanelBoundary title="My cases">
            <Suspense fallback={<PanelSkeleton label="my cases" />}>
              <MyCasesPanel actor={actor} timeZone={timeZone} />
            </Suspense>
          </PanelBoundary>
        </Card>
      )}
      {actor.roles.includes('COORDINATOR') && can(actor, 'meetings.read') && (
        <Card title="Upcoming meetings" actions={<Link className="text-sm font-medium text-brand-700 underline" href="/meetings">All meetings</Link>}>
          <PanelBoundary title="Upcoming meetings">
            <Suspense fallback={<PanelSkeleton label="upcoming meetings" />}>
              <UpcomingMeetingsPanel actor={actor} timeZone={timeZone} />
            </Suspense>
          </PanelBoundary>
        </Card>
      )}
      {actor.roles.includes('ADMIN') && (
        <Card title="Administration">
          <ul className="grid gap-3 sm:grid-cols-3">
            <li><Link className={cardLink} href="/admin/users">Users and roles</Link></li>
            <li><Link className={cardLink} href="/admin/models">Decision-support models</Link></li>
            <li><Link className={cardLink} href="/admin/audit">Audit log</Link></li>
          </ul>
        </Card>
      )}
    </div>
  );
}

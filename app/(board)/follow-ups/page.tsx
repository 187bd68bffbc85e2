import { MyFollowUps } from '@/components/follow-ups/my-follow-ups';
import { OverdueFollowUps } from '@/components/follow-ups/overdue-follow-ups';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { guardPage } from '@/lib/authz/guard-page';
import { can } from '@/lib/authz/permissions';
import { listMyFollowUps, listOverdueFollowUps } from '@/lib/db/follow-ups/list-follow-ups';
import { getEnv } from '@/lib/env';

export const metadata = { title: 'Follow-ups' };

/** Clinicians: their own follow-up tasks. Coordinators: the overdue ones of their boards. Both, for people with both roles. */
export default async function FollowUpsPage() {
  const actor = await guardPage('/follow-ups');
  const timeZone = getEnv().KONSIL_TIME_ZONE;
  const mine = can(actor, 'followups.complete') ? await listMyFollowUps({ actor }) : null;
  const overdue = can(actor, 'followups.overview') ? await listOverdueFollowUps({ actor }) : null;
  return (
    <>
      <PageHeader title="Follow-ups" description="Was the board’s recommendation carried out? Closing the loop on signed decisions." />
      <div className="space-y-6">
        {mine && (
          <Card title="My follow-ups">
            <MyFollowUps tasks={mine} timeZone={timeZone} />
          </Card>
        )}
        {overdue && (
          <Card title="Overdue on my boards">
            <OverdueFollowUps tasks={overdue} />
          </Card>
        )}
      </div>
    </>
  );
}

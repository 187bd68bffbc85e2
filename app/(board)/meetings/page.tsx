import { MeetingList } from '@/components/meetings/meeting-list';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { guardPage } from '@/lib/authz/guard-page';
import { listUpcomingMeetings } from '@/lib/db/meetings';
import { getEnv } from '@/lib/env';

export const metadata = { title: 'Meetings' };

export default async function MeetingsPage() {
  const actor = await guardPage('/meetings');
  const meetings = await listUpcomingMeetings({ actor, take: 50 });
  return (
    <>
      <PageHeader title="Meetings" description="Upcoming meetings of your boards." />
      <Card>
        <MeetingList meetings={meetings} timeZone={getEnv().KONSIL_TIME_ZONE} />
      </Card>
    </>
  );
}

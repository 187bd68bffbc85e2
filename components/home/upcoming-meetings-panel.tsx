import { MeetingList } from '@/components/meetings/meeting-list';
import type { Actor } from '@/lib/authz/actor';
import { listUpcomingMeetings } from '@/lib/db/meetings';

export async function UpcomingMeetingsPanel({ actor, timeZone }: { actor: Actor; timeZone: string }) {
  const meetings = await listUpcomingMeetings({ actor, take: 10 });
  return <MeetingList meetings={meetings} timeZone={timeZone} />;
}

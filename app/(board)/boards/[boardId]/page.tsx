import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BoardForm } from '@/components/boards/board-form';
import { BoardMeetings } from '@/components/boards/board-meetings';
import { BoardMembers } from '@/components/boards/board-members';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { guardPage } from '@/lib/authz/guard-page';
import { can } from '@/lib/authz/permissions';
import { timeZoneNames } from '@/lib/boards/time-zones';
import { listMemberCandidates } from '@/lib/db/board-members';
import { getBoard } from '@/lib/db/boards';
import { listBoardMeetings } from '@/lib/db/meeting-schedule/list-board-meetings';
import { getEnv } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { idSchema } from '@/lib/schemas/common';

export const metadata = { title: 'Board' };

export default async function BoardPage({ params }: { params: Promise<{ boardId: string }> }) {
  const actor = await guardPage('/boards/[boardId]');
  const parsedId = idSchema.safeParse((await params).boardId);
  if (!parsedId.success) notFound();
  const board = await getBoard({ actor, boardId: parsedId.data }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const manageMeetings = can(actor, 'meetings.manage');
  const [candidates, meetings] = await Promise.all([
    listMemberCandidates({ actor }),
    manageMeetings ? listBoardMeetings({ actor, boardId: board.id }) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-6">
      <Link href="/boards" className="text-sm text-brand-700 underline">← All boards</Link>
      <PageHeader title={board.name} description={`Meeting times in ${board.timeZone}`} />
      {manageMeetings && (
        <Card title="Upcoming meetings">
          <BoardMeetings boardId={board.id} timeZone={board.timeZone} meetings={meetings} hasRecurrence={board.recurrence !== null} />
        </Card>
      )}
      <div className="grid gap-6 xl:grid-cols-2">
        <Card title="Settings">
          <BoardForm key={board.version} board={board} timeZones={timeZoneNames()} defaultTimeZone={getEnv().KONSIL_TIME_ZONE} />
        </Card>
        <Card title="Members">
          <BoardMembers boardId={board.id} members={board.members} candidates={candidates} />
        </Card>
      </div>
    </div>
  );
}

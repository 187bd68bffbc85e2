import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { CaseScreen } from '@/components/case-screen/case-screen';
import { PanelSkeleton } from '@/components/ui/panel-skeleton';
import { LiveMeetingView } from '@/components/live/live-meeting-view';
import { guardPage } from '@/lib/authz/guard-page';
import { can } from '@/lib/authz/permissions';
import { loadLiveMeeting } from '@/lib/db/live/load-live-meeting';
import { getEnv } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { searchText } from '@/lib/schemas/common';

export const metadata: Metadata = { title: 'Live meeting' };

/**
 * A meeting's live view: the agenda down the side, the case the presenter shows in the middle
 * (the case screen itself), attendance and quorum. The client half follows the presenter over
 * the meeting's event stream; `?item=` shows another agenda case instead (detached).
 */
export default async function LiveMeetingPage({ params, searchParams }: { params: Promise<{ meetingId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await guardPage('/meetings/[meetingId]/live');
  const { meetingId } = await params;
  const item = searchText(40).parse((await searchParams).item);
  const dto = await loadLiveMeeting({ actor, meetingId }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const { state, ...meeting } = dto;
  const detachedEntry = item ? meeting.agenda.find((a) => a.itemId === item) : undefined;
  const shownItemId = detachedEntry?.itemId ?? state.currentItemId;
  const shownCaseId = meeting.agenda.find((a) => a.itemId === shownItemId)?.caseId ?? null;

  return (
    <LiveMeetingView
      meeting={meeting}
      serverState={state}
      actorId={actor.id}
      canPresent={can(actor, 'meetings.present')}
      shownItemId={shownItemId}
      detached={detachedEntry !== undefined}
      timeZone={getEnv().KONSIL_TIME_ZONE}
    >
      {shownCaseId ? (
        <Suspense key={shownCaseId} fallback={<PanelSkeleton label="the case" />}>
          <CaseScreen actor={actor} caseId={shownCaseId} />
        </Suspense>
      ) : (
        <p className="rounded-md border border-slate-200 bg-white p-6 text-sm text-slate-700" data-testid="live-no-case">
          {state.meetingStatus === 'LIVE' ? 'No case is on screen.' : state.meetingStatus === 'CLOSED' ? 'The meeting has ended.' : 'The meeting has not started yet.'}
        </p>
      )}
    </LiveMeetingView>
  );
}

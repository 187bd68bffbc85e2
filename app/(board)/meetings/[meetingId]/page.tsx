import Link from 'next/link';
import { notFound } from 'next/navigation';
import { GenerateMeetingProtocolForm } from '@/components/decisions/generate-protocol-forms';
import { ProtocolDocumentList } from '@/components/decisions/protocol-document-list';
import { AgendaReadinessList } from '@/components/meetings/agenda-readiness-list';
import { MeetingLinks } from '@/components/meetings/meeting-links';
import { MeetingOverviewHeader } from '@/components/meetings/meeting-overview-header';
import { PublishForm } from '@/components/meetings/preparation-actions';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { guardPage } from '@/lib/authz/guard-page';
import { can } from '@/lib/authz/permissions';
import { loadMeetingPreparation } from '@/lib/db/preparation/load-meeting-preparation';
import { listMeetingProtocols } from '@/lib/db/protocols/protocol-documents';
import { reviewSpecialtyOf } from '@/lib/db/preparation/review-marks';
import { isAppError } from '@/lib/errors';
import { formatDate } from '@/lib/format/date';

export const metadata = { title: 'Meeting' };

export default async function MeetingPage({ params, searchParams }: { params: Promise<{ meetingId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await guardPage('/meetings/[meetingId]');
  const { meetingId } = await params;
  const notReadyOnly = (await searchParams).filter === 'not-ready';
  const data = await loadMeetingPreparation({ actor, meetingId }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const manage = can(actor, 'meetings.manage');
  const exportable = can(actor, 'decisions.export');
  const protocols = exportable ? await listMeetingProtocols({ actor, meetingId }) : [];
  const reviewSpecialty = await reviewSpecialtyOf(actor);
  const { meeting } = data;
  const closed = meeting.status === 'CANCELLED' || meeting.status === 'CLOSED';
  const base = `/meetings/${meeting.id}`;
  return (
    <>
      <PageHeader title={`${meeting.boardName}, ${formatDate(meeting.startsAt, meeting.timeZone)}`} description="Agenda and preparation of each case." actions={<MeetingLinks actor={actor} meetingId={meeting.id} />} />
      <div className="space-y-6">
        <Card title="Meeting" actions={manage && !closed ? <PublishForm meetingId={meeting.id} agendaVersion={meeting.agendaVersion} republish={meeting.agendaPublishedAt !== null} /> : undefined}>
          <MeetingOverviewHeader data={data} />
        </Card>
        <Card
          title="Agenda"
          actions={
            <nav aria-label="Filter" className="flex gap-2 text-sm">
              <Link href={base} prefetch={false} aria-current={notReadyOnly ? undefined : 'page'} className={notReadyOnly ? 'text-brand-800 underline' : 'font-semibold'}>
                All cases
              </Link>
              <span aria-hidden>·</span>
              <Link href={`${base}?filter=not-ready`} prefetch={false} aria-current={notReadyOnly ? 'page' : undefined} className={notReadyOnly ? 'font-semibold' : 'text-brand-800 underline'}>
                Not ready
              </Link>
            </nav>
          }
        >
          {meeting.agendaPublishedAt && <p className="mb-3 text-sm text-slate-600">Cases highlighted in amber changed since the agenda was last published.</p>}
          <AgendaReadinessList data={data} controls={{ manage, reviewSpecialty }} notReadyOnly={notReadyOnly} />
        </Card>
        {exportable && meeting.status !== 'CANCELLED' && (
          <Card title="Meeting protocol" actions={<GenerateMeetingProtocolForm meetingId={meeting.id} />}>
            <p className="mb-3 text-sm text-slate-600">Attendance, quorum, every case with its signed decision. Each generation is stored with its sha256.</p>
            <ProtocolDocumentList documents={protocols} timeZone={meeting.timeZone} empty="No meeting protocol generated yet." />
          </Card>
        )}
      </div>
    </>
  );
}

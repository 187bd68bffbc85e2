import { notFound } from 'next/navigation';
import { AgendaBuilder } from '@/components/agenda/agenda-builder';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { guardPage } from '@/lib/authz/guard-page';
import { loadAgenda } from '@/lib/db/agenda/load-agenda';
import { isAppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format/date';

export const metadata = { title: 'Agenda' };

/** The agenda builder of one meeting; coordinators of its board only (others: 403, or 404 outside the board). */
export default async function AgendaPage({ params }: { params: Promise<{ meetingId: string }> }) {
  const actor = await guardPage('/meetings/[meetingId]/agenda');
  const { meetingId } = await params;
  const agenda = await loadAgenda({ actor, meetingId }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const { meeting } = agenda;
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Agenda: ${meeting.boardName}`}
        description={`${formatDateTime(meeting.startsAt, meeting.timeZone)} (${meeting.timeZone}) · ${meeting.durationMinutes} minutes${meeting.location ? ` · ${meeting.location}` : ''}${meeting.status === 'CANCELLED' ? ' · cancelled' : ''}`}
      />
      <Card>
        <AgendaBuilder agenda={agenda} />
      </Card>
    </div>
  );
}

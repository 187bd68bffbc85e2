import 'server-only';
import { createHash } from 'node:crypto';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { coordinatedMeetingScope } from '@/lib/authz/scopes';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { AppError, notFound } from '@/lib/errors';
import { formatDateTime } from '@/lib/format/date';
import { diffPublishedAgenda, summarizeAgendaChanges } from '@/lib/preparation/publication-diff';
import { parsePublishedAgenda, type PublishedAgenda } from '@/lib/schemas/published-agenda';
import { db } from '../client';
import { createNotifications } from '../notifications';
import { readMeetingPreparation, type MeetingPreparationRead } from './read-meeting-preparation';

// Publishing an agenda, in two steps around the PDF rendering (lib/preparation/publish-agenda.ts):
//   1. readAgendaForPublication: the agenda and its cases as the handout shows them, if the
//      agenda is still at the version the coordinator saw;
//   2. storeAgendaPublication: in one transaction, the version check again (a change while the
//      PDF was rendered → CONFLICT, nothing stored), the handout row (bytes + sha256), the
//      snapshot, the meeting's status, the members' notifications and the audit event with the
//      sha256 and the case ids.
// Step 1 writes no audit event: what it read reaches nobody unless step 2 commits, and step 2
// audits the publication (which is what shows the data to the board).

function assertPublishable(status: string, agendaVersion: number, expected: number) {
  if (status === 'CANCELLED' || status === 'CLOSED') throw new AppError('CONFLICT', 'This meeting is over or cancelled; its agenda cannot be published.');
  if (agendaVersion !== expected) throw new AppError('CONFLICT', 'The agenda was changed by someone else since you opened it. Reload to see the current agenda, then publish again.');
}

export async function readAgendaForPublication(options: { actor: Actor; meetingId: string; expectedAgendaVersion: number; now: Date }): Promise<MeetingPreparationRead> {
  const { actor } = options;
  assertCan(actor, 'meetings.manage');
  return db().$transaction(async (tx) => {
    const prep = await readMeetingPreparation(tx, { actor, meetingId: options.meetingId, now: options.now, forChange: true });
    assertPublishable(prep.meeting.status, prep.meeting.agendaVersion, options.expectedAgendaVersion);
    return prep;
  });
}

export function handoutFileName(startsAt: string, timeZone: string, revision: number): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(startsAt));
  return `konsil-agenda-${day}-r${revision}.pdf`;
}

export interface PublicationResult {
  documentId: string;
  sha256: string;
  revision: number;
  notified: number;
  emailIds: string[];
}

export async function storeAgendaPublication(options: {
  actor: Actor;
  prep: MeetingPreparationRead;
  revision: number;
  pdf: Buffer;
  email: boolean;
  now: Date;
}): Promise<PublicationResult> {
  const { actor, prep, pdf, email, now } = options;
  assertCan(actor, 'meetings.manage');
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  return db().$transaction(async (tx) => {
    // Locks the meeting row for the rest of the transaction, so two publications are serialised
    // and each takes the revision after the other's.
    const locked = await tx.meeting.updateMany({
      where: { AND: [{ id: prep.meeting.id, agendaVersion: prep.meeting.agendaVersion }, coordinatedMeetingScope(actor)] },
      data: { version: { increment: 1 } },
    });
    if (locked.count === 0) {
      const exists = await tx.meeting.count({ where: { AND: [{ id: prep.meeting.id }, coordinatedMeetingScope(actor)] } });
      if (!exists) throw notFound('The meeting');
      throw new AppError('CONFLICT', 'The agenda was changed by someone else while the handout was made. Reload to see the current agenda, then publish again.');
    }
    const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: prep.meeting.id }, select: { status: true, publishedAgenda: true } });
    assertPublishable(meeting.status, prep.meeting.agendaVersion, prep.meeting.agendaVersion);
    const previous = parsePublishedAgenda(meeting.publishedAgenda);
    const revision = (previous?.revision ?? 0) + 1;
    if (revision !== options.revision) throw new AppError('CONFLICT', 'Someone else published this agenda at the same moment. Reload to see their publication.');

    const document = await tx.generatedDocument.create({
      data: {
        kind: 'AGENDA_HANDOUT',
        meetingId: prep.meeting.id,
        fileName: handoutFileName(prep.meeting.startsAt, prep.meeting.timeZone, revision),
        contentType: 'application/pdf',
        bytes: new Uint8Array(pdf),
        sha256,
        createdById: actor.id,
      },
      select: { id: true },
    });
    const snapshot: PublishedAgenda = {
      revision,
      publishedAt: now.toISOString(),
      agendaVersion: prep.meeting.agendaVersion,
      documentId: document.id,
      items: prep.items.map((i) => ({ itemId: i.itemId, caseId: i.caseId, position: i.position, minutes: i.minutes, status: i.status })),
    };
    await tx.meeting.update({
      where: { id: prep.meeting.id },
      data: { publishedAgenda: snapshot, agendaPublishedAt: now, ...(meeting.status === 'SCHEDULED' ? { status: 'PUBLISHED' as const } : {}) },
    });

    const when = formatDateTime(prep.meeting.startsAt, prep.meeting.timeZone);
    const active = prep.items.filter((i) => i.status !== 'POSTPONED');
    const planned = active.reduce((sum, i) => sum + i.minutes, 0);
    const summary = `${active.length} ${active.length === 1 ? 'case' : 'cases'}, ${planned} of ${prep.meeting.durationMinutes} minutes planned.`;
    const changes = previous
      ? diffPublishedAgenda(previous, prep.items.map((i) => ({ caseId: i.caseId, position: i.position, minutes: i.minutes, status: i.status })))
      : [];
    const notification = previous
      ? {
          kind: 'AGENDA_CHANGED' as const,
          title: `Agenda changed: ${prep.meeting.boardName}, ${when}`,
          body: `The agenda of ${prep.meeting.boardName} on ${when} was republished (revision ${revision}): ${summary}\n\n${summarizeAgendaChanges(changes)}\n\nThe new handout (PDF) is on the meeting page.`,
        }
      : {
          kind: 'AGENDA_PUBLISHED' as const,
          title: `Agenda published: ${prep.meeting.boardName}, ${when}`,
          body: `The agenda of ${prep.meeting.boardName} on ${when} is published: ${summary}\n\nThe handout (PDF) is on the meeting page.`,
        };
    const rows = await createNotifications(tx, {
      recipientIds: prep.memberIds.filter((id) => id !== actor.id),
      createdById: actor.id,
      email,
      notification: { ...notification, link: `/meetings/${prep.meeting.id}`, meetingId: prep.meeting.id },
    });
    await writeAuditEvent(tx, {
      actor,
      action: 'meeting.agenda_publish',
      entityType: 'Meeting',
      entityId: prep.meeting.id,
      detail: { meetingId: prep.meeting.id, revision, agendaVersion: prep.meeting.agendaVersion, documentId: document.id, sha256, caseIds: prep.items.map((i) => i.caseId), notified: rows.length },
    });
    return { documentId: document.id, sha256, revision, notified: rows.length, emailIds: email ? rows.map((r) => r.id) : [] };
  });
}

import 'server-only';
import { createHash } from 'node:crypto';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { meetingScope } from '@/lib/authz/scopes';
import { writeAuditEvents } from '@/lib/audit/write-audit-event';
import { AppError, notFound } from '@/lib/errors';
import { computeQuorum } from '@/lib/live/quorum';
import type { MeetingProtocolData } from '@/lib/protocols/meeting-protocol-data';
import { decisionContentSchema } from '@/lib/schemas/decision';
import { db, type Tx } from '../client';
import type { StoredProtocol } from './case-protocol';

// The meeting protocol, in the same two steps as the case protocol (read → render → store +
// audit). Members of the board see it (meetingScope: its clinicians and its coordinators).
// It names every patient on the agenda, so generating it writes one `protocol.generate` event
// per patient, like every other patient list.

export interface MeetingProtocolRead {
  data: MeetingProtocolData;
  patientIds: string[];
  /** Signed versions of the meeting's decisions at reading time (the store checks none was added). */
  signedVersions: number;
}

export async function readMeetingProtocolData(options: { actor: Actor; meetingId: string }): Promise<MeetingProtocolRead> {
  assertCan(options.actor, 'decisions.export');
  return db().$transaction((tx) => loadMeetingProtocol(tx, options));
}

async function loadMeetingProtocol(tx: Tx, options: { actor: Actor; meetingId: string }): Promise<MeetingProtocolRead> {
  const meeting = await tx.meeting.findFirst({
    where: { AND: [{ id: options.meetingId }, meetingScope(options.actor)] },
    select: {
      id: true,
      startsAt: true,
      durationMinutes: true,
      location: true,
      status: true,
      board: {
        select: {
          name: true,
          timeZone: true,
          requiredSpecialties: true,
          members: { where: { role: 'CHAIR' }, orderBy: { createdAt: 'asc' }, take: 1, select: { user: { select: { name: true, title: true, specialty: true } } } },
        },
      },
      attendance: { orderBy: [{ joinedAt: 'asc' }, { id: 'asc' }], select: { joinedAt: true, specialty: true, user: { select: { name: true, title: true, specialty: true } } } },
      agendaItems: {
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
        select: {
          status: true,
          statusReason: true,
          case: {
            select: {
              id: true,
              question: true,
              patient: { select: { id: true, familyName: true, givenName: true, mrn: true, isSynthetic: true } },
              decisions: {
                where: { meetingId: options.meetingId },
                select: { versions: { orderBy: { number: 'desc' }, take: 1, select: { number: true, content: true, signedAt: true, contentSha256: true, signedBy: { select: { name: true, title: true } } } } },
              },
            },
          },
        },
      },
    },
  });
  if (!meeting) throw notFound('The meeting');
  const attendees = meeting.attendance.map((a) => ({ name: a.user.name, title: a.user.title, specialty: a.specialty ?? a.user.specialty, joinedAt: a.joinedAt.toISOString() }));
  const data: MeetingProtocolData = {
    board: { name: meeting.board.name, timeZone: meeting.board.timeZone },
    meeting: { id: meeting.id, startsAt: meeting.startsAt.toISOString(), durationMinutes: meeting.durationMinutes, location: meeting.location, status: meeting.status },
    chair: meeting.board.members[0]?.user ?? null,
    attendees,
    quorum: computeQuorum(meeting.board.requiredSpecialties, attendees.map((a) => a.specialty)),
    items: meeting.agendaItems.map((item, i) => {
      const version = item.case.decisions[0]?.versions[0];
      const content = version ? decisionContentSchema.parse(version.content) : null;
      return {
        position: i + 1,
        patient: { displayName: `${item.case.patient.familyName}, ${item.case.patient.givenName}`, mrn: item.case.patient.mrn, isSynthetic: item.case.patient.isSynthetic },
        question: item.case.question,
        status: item.status,
        statusReason: item.statusReason,
        decision:
          version && content
            ? {
                number: version.number,
                content: { intent: content.intent, recommendations: content.recommendations },
                signedBy: version.signedBy.title ? `${version.signedBy.title} ${version.signedBy.name}` : version.signedBy.name,
                signedAt: version.signedAt.toISOString(),
                contentSha256: version.contentSha256,
              }
            : null,
      };
    }),
  };
  const patientIds = [...new Set(meeting.agendaItems.map((i) => i.case.patient.id))].sort();
  const signedVersions = await tx.decisionVersion.count({ where: { decision: { meetingId: meeting.id } } });
  return { data, patientIds, signedVersions };
}

export function meetingProtocolFileName(data: MeetingProtocolData): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: data.board.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(data.meeting.startsAt));
  return `konsil-meeting-protocol-${day}.pdf`;
}

export async function storeMeetingProtocol(options: { actor: Actor; read: MeetingProtocolRead; pdf: Buffer }): Promise<StoredProtocol> {
  const { actor, read, pdf } = options;
  assertCan(actor, 'decisions.export');
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const meetingId = read.data.meeting.id;
  return db().$transaction(async (tx) => {
    const inScope = await tx.meeting.count({ where: { AND: [{ id: meetingId }, meetingScope(actor)] } });
    if (!inScope) throw notFound('The meeting');
    // A decision signed or amended while the PDF rendered would make the stored protocol stale.
    const signedNow = await tx.decisionVersion.count({ where: { decision: { meetingId } } });
    if (signedNow !== read.signedVersions) throw new AppError('CONFLICT', 'A decision of this meeting was signed or amended meanwhile. Generate the protocol again.');
    const fileName = meetingProtocolFileName(read.data);
    const document = await tx.generatedDocument.create({
      data: { kind: 'MEETING_PROTOCOL', meetingId, fileName, contentType: 'application/pdf', bytes: new Uint8Array(pdf), sha256, createdById: actor.id },
      select: { id: true },
    });
    const detail = { kind: 'MEETING_PROTOCOL' as const, documentId: document.id, sha256, meetingId, signedDecisions: read.data.items.filter((i) => i.decision).length };
    await writeAuditEvents(
      tx,
      (read.patientIds.length > 0 ? read.patientIds : [undefined]).map((patientId) => ({
        actor,
        action: 'protocol.generate' as const,
        entityType: 'GeneratedDocument',
        entityId: document.id,
        patientId,
        detail,
      })),
    );
    return { documentId: document.id, sha256, fileName };
  });
}

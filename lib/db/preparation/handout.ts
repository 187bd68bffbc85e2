import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { meetingScope } from '@/lib/authz/scopes';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { notFound } from '@/lib/errors';
import { parsePublishedAgenda } from '@/lib/schemas/published-agenda';
import { db, type Tx } from '../client';

export interface HandoutFile {
  id: string;
  fileName: string;
  contentType: string;
  sha256: string;
  bytes: Uint8Array;
}

/**
 * The latest agenda handout of a meeting in the actor's boards (NOT_FOUND otherwise, or when
 * none was generated). The download is audited (`document.download`, with the sha256) in the
 * same transaction as the read.
 */
export async function getLatestAgendaHandout(options: { actor: Actor; meetingId: string }): Promise<HandoutFile> {
  const { actor, meetingId } = options;
  assertCan(actor, 'meetings.read');
  return db().$transaction(async (tx) => {
    const meeting = await tx.meeting.findFirst({ where: { AND: [{ id: meetingId }, meetingScope(actor)] }, select: { id: true, publishedAgenda: true } });
    if (!meeting) throw notFound('The meeting');
    const doc = await tx.generatedDocument.findFirst({
      where: { meetingId: meeting.id, kind: 'AGENDA_HANDOUT' },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { id: true, fileName: true, contentType: true, sha256: true, bytes: true },
    });
    if (!doc) throw notFound('The agenda handout');
    // The handout names every patient on the agenda it was made with, so the download is a read
    // of each of them: one event per patient, like every other patient list.
    const patientIds = await handoutPatientIds(tx, meeting, doc.id);
    for (const patientId of patientIds.length > 0 ? patientIds : [undefined]) {
      await writeAuditEvent(tx, {
        actor,
        action: 'document.download',
        entityType: 'GeneratedDocument',
        entityId: doc.id,
        patientId,
        detail: { documentId: doc.id, kind: 'AGENDA_HANDOUT', sha256: doc.sha256, meetingId: meeting.id },
      });
    }
    return doc;
  });
}

/** The patients of the cases in the snapshot published with this handout (else the current agenda's). */
async function handoutPatientIds(tx: Tx, meeting: { id: string; publishedAgenda: unknown }, documentId: string): Promise<string[]> {
  const snapshot = parsePublishedAgenda(meeting.publishedAgenda);
  const caseIds = snapshot?.documentId === documentId ? snapshot.items.map((i) => i.caseId) : null;
  const cases = await tx.case.findMany({
    where: caseIds ? { id: { in: caseIds } } : { agendaItems: { some: { meetingId: meeting.id } } },
    select: { patientId: true },
  });
  return [...new Set(cases.map((c) => c.patientId))].sort();
}

import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { caseScope, meetingScope } from '@/lib/authz/scopes';
import { writeAuditEvents } from '@/lib/audit/write-audit-event';
import { notFound } from '@/lib/errors';
import type { GeneratedDocumentFile, ProtocolDocumentDto } from '@/lib/schemas/protocol-documents';
import { db, type Tx } from '../client';
import { versionOfCaseProtocol } from './case-protocol';

// Listing and downloading the protocols (case and meeting) Konsil generated. A case protocol is
// visible to whoever may see its case (caseScope), a meeting protocol to the board's members
// (meetingScope). The lists hold file metadata only (name, hash, who, when: no patient data
// beyond what the page around them already read and audited); a download sends the patient
// data and is audited per patient (`document.download` with the sha256) in the read's transaction.

const listSelect = { id: true, kind: true, meetingId: true, fileName: true, sha256: true, createdAt: true, createdBy: { select: { name: true } } } as const;

function toDto(d: { id: string; kind: string; meetingId: string | null; fileName: string; sha256: string; createdAt: Date; createdBy: { name: string } | null }): ProtocolDocumentDto {
  return {
    id: d.id,
    kind: d.kind as ProtocolDocumentDto['kind'],
    meetingId: d.meetingId,
    fileName: d.fileName,
    sha256: d.sha256,
    createdAt: d.createdAt.toISOString(),
    createdBy: d.createdBy?.name ?? null,
    decisionVersion: d.kind === 'CASE_PROTOCOL' ? versionOfCaseProtocol(d.fileName) : null,
  };
}

export async function listCaseProtocols(options: { actor: Actor; caseId: string }): Promise<ProtocolDocumentDto[]> {
  assertCan(options.actor, 'decisions.export');
  const docs = await db().generatedDocument.findMany({
    where: { kind: 'CASE_PROTOCOL', caseId: options.caseId, case: caseScope(options.actor) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 20,
    select: listSelect,
  });
  return docs.map(toDto);
}

export async function listMeetingProtocols(options: { actor: Actor; meetingId: string }): Promise<ProtocolDocumentDto[]> {
  assertCan(options.actor, 'decisions.export');
  const docs = await db().generatedDocument.findMany({
    where: { kind: 'MEETING_PROTOCOL', meetingId: options.meetingId, meeting: meetingScope(options.actor) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 20,
    select: listSelect,
  });
  return docs.map(toDto);
}

/** One protocol PDF, if the actor may see it (else NOT_FOUND); the download is audited per patient. */
export async function getProtocolDocument(options: { actor: Actor; documentId: string }): Promise<GeneratedDocumentFile> {
  const { actor, documentId } = options;
  assertCan(actor, 'decisions.export');
  return db().$transaction(async (tx) => {
    const doc = await tx.generatedDocument.findFirst({
      where: {
        id: documentId,
        OR: [
          { kind: 'CASE_PROTOCOL', case: caseScope(actor) },
          { kind: 'MEETING_PROTOCOL', meeting: meetingScope(actor) },
        ],
      },
      select: { id: true, kind: true, fileName: true, contentType: true, sha256: true, bytes: true, meetingId: true, caseId: true },
    });
    if (!doc) throw notFound('The document');
    const patientIds = await documentPatientIds(tx, doc);
    await writeAuditEvents(
      tx,
      (patientIds.length > 0 ? patientIds : [undefined]).map((patientId) => ({
        actor,
        action: 'document.download' as const,
        entityType: 'GeneratedDocument',
        entityId: doc.id,
        patientId,
        detail: { documentId: doc.id, kind: doc.kind, sha256: doc.sha256, meetingId: doc.meetingId },
      })),
    );
    return { id: doc.id, fileName: doc.fileName, contentType: doc.contentType, sha256: doc.sha256, bytes: doc.bytes };
  });
}

async function documentPatientIds(tx: Tx, doc: { kind: string; caseId: string | null; meetingId: string | null }): Promise<string[]> {
  const where = doc.kind === 'CASE_PROTOCOL' ? { id: doc.caseId ?? '' } : { agendaItems: { some: { meetingId: doc.meetingId ?? '' } } };
  const cases = await tx.case.findMany({ where, select: { patientId: true } });
  return [...new Set(cases.map((c) => c.patientId))].sort();
}

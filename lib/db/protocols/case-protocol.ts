import 'server-only';
import { createHash } from 'node:crypto';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { caseScope } from '@/lib/authz/scopes';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { AppError, notFound } from '@/lib/errors';
import type { DecisionExportData } from '@/lib/fhir/export/export-input';
import { db } from '../client';
import { readDecisionExport } from './read-decision-export';

// The case protocol (the letter to the referrer), in two steps around the PDF rendering
// (lib/protocols/generate-case-protocol.ts), like the agenda handout:
//   1. readCaseProtocolData: the signed decision as the letter shows it (scope checked);
//   2. storeCaseProtocol: in one transaction, scope and "still the newest version" again (an
//      amendment signed while the PDF was rendered → CONFLICT, nothing stored), the document
//      row (bytes + sha256) and the `protocol.generate` audit event with the sha256.
// Step 1 writes no audit event: nothing it read leaves the server unless step 2 commits.

export async function readCaseProtocolData(options: { actor: Actor; decisionId: string }): Promise<DecisionExportData> {
  assertCan(options.actor, 'decisions.export');
  return db().$transaction((tx) => readDecisionExport(tx, options));
}

export function caseProtocolFileName(data: Pick<DecisionExportData, 'decision' | 'version'>): string {
  return `konsil-case-protocol-${data.decision.id}-v${data.version.number}.pdf`;
}

/** The decision version a case protocol's file name says it holds (file names are ours). */
export function versionOfCaseProtocol(fileName: string): number | null {
  const match = /-v(\d+)\.pdf$/.exec(fileName);
  return match ? Number(match[1]) : null;
}

export interface StoredProtocol {
  documentId: string;
  sha256: string;
  fileName: string;
}

export async function storeCaseProtocol(options: { actor: Actor; data: DecisionExportData; pdf: Buffer }): Promise<StoredProtocol> {
  const { actor, data, pdf } = options;
  assertCan(actor, 'decisions.export');
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  return db().$transaction(async (tx) => {
    const decision = await tx.decision.findFirst({
      where: { id: data.decision.id, case: caseScope(actor) },
      select: { caseId: true, meetingId: true, versions: { orderBy: { number: 'desc' }, take: 1, select: { number: true } } },
    });
    if (!decision) throw notFound('The decision');
    if (decision.versions[0]?.number !== data.version.number) {
      throw new AppError('CONFLICT', 'The decision was amended while the letter was being made. Generate the letter again for the new version.');
    }
    const fileName = caseProtocolFileName(data);
    const document = await tx.generatedDocument.create({
      data: { kind: 'CASE_PROTOCOL', caseId: decision.caseId, meetingId: decision.meetingId, fileName, contentType: 'application/pdf', bytes: new Uint8Array(pdf), sha256, createdById: actor.id },
      select: { id: true },
    });
    await writeAuditEvent(tx, {
      actor,
      action: 'protocol.generate',
      entityType: 'GeneratedDocument',
      entityId: document.id,
      patientId: data.patient.id,
      detail: { kind: 'CASE_PROTOCOL', documentId: document.id, sha256, decisionId: data.decision.id, decisionVersion: data.version.number, caseId: decision.caseId, meetingId: decision.meetingId },
    });
    return { documentId: document.id, sha256, fileName };
  });
}

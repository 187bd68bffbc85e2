// Generating a protocol: read what it shows (scope checked), render the PDF outside any
// transaction (rendering takes a few hundred ms), then store it with its audit event in one
// transaction. The steps: lib/db/protocols/case-protocol.ts and meeting-protocol.ts.
import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { readCaseProtocolData, storeCaseProtocol, type StoredProtocol } from '@/lib/db/protocols/case-protocol';
import { readMeetingProtocolData, storeMeetingProtocol } from '@/lib/db/protocols/meeting-protocol';
import { renderCaseProtocol } from '@/lib/pdf/case-protocol';
import { renderMeetingProtocol } from '@/lib/pdf/meeting-protocol';

export async function generateCaseProtocol(options: { actor: Actor; decisionId: string; now?: Date }): Promise<StoredProtocol & { caseId: string; decisionVersion: number }> {
  const data = await readCaseProtocolData(options);
  const pdf = await renderCaseProtocol(data, options.now ?? new Date());
  const stored = await storeCaseProtocol({ actor: options.actor, data, pdf });
  return { ...stored, caseId: data.case.id, decisionVersion: data.version.number };
}

export async function generateMeetingProtocol(options: { actor: Actor; meetingId: string; now?: Date }): Promise<StoredProtocol> {
  const read = await readMeetingProtocolData(options);
  const pdf = await renderMeetingProtocol(read.data, options.now ?? new Date());
  return storeMeetingProtocol({ actor: options.actor, read, pdf });
}

import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import type { Tx } from '../client';
import { claimAgendaVersion } from './claim-agenda-version';

/**
 * Puts a case at the end of a meeting's agenda with the board's default minutes, bumps the
 * agenda version and audits `agenda.add`, inside the caller's transaction (accepting a
 * referral). The position is read after the version claim holds the meeting's row lock, so
 * two cases accepted at once get consecutive positions.
 */
export async function appendAgendaItem(tx: Tx, input: { actor: Actor; meetingId: string; caseId: string; patientId: string; minutesAllotted: number }) {
  const agendaVersion = await claimAgendaVersion(tx, input.meetingId, undefined);
  const last = await tx.agendaItem.aggregate({ where: { meetingId: input.meetingId }, _max: { position: true } });
  const position = (last._max.position ?? -1) + 1;
  const item = await tx.agendaItem.create({ data: { meetingId: input.meetingId, caseId: input.caseId, position, minutesAllotted: input.minutesAllotted } });
  await writeAuditEvent(tx, {
    actor: input.actor,
    action: 'agenda.add',
    entityType: 'Meeting',
    entityId: input.meetingId,
    patientId: input.patientId,
    detail: { caseId: input.caseId, agendaItemId: item.id, position, agendaVersion },
  });
  return { item, agendaVersion };
}

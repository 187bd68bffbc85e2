import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { AppError, notFound } from '@/lib/errors';
import type { removeAgendaItemSchema, reorderAgendaSchema, setAgendaMinutesSchema } from '@/lib/schemas/agenda';
import { db, type Tx } from '../client';
import { notifyLive } from '../live/live-change';
import { claimAgendaVersion } from './claim-agenda-version';
import { coordinatedBoardScope } from './manage-scope';

// Changes a coordinator makes in the agenda builder. Each runs in one transaction that first
// claims the agenda version the coordinator saw (claim-agenda-version.ts): a stale version
// changes nothing and answers CONFLICT. Positions stay 0…n-1, contiguous and unique.

async function meetingInScope(tx: Tx, actor: Actor, meetingId: string) {
  const meeting = await tx.meeting.findFirst({ where: { id: meetingId, board: coordinatedBoardScope(actor) }, select: { id: true, status: true } });
  if (!meeting) throw notFound('The meeting');
  if (meeting.status === 'CANCELLED' || meeting.status === 'CLOSED') throw new AppError('CONFLICT', 'The meeting is cancelled or closed; its agenda can no longer change.');
  return meeting;
}

/** During the live meeting attendees' agendas (order, minutes) must follow too. */
async function announceIfLive(tx: Tx, meeting: { id: string; status: string }) {
  if (meeting.status !== 'LIVE') return;
  const live = await tx.meetingLiveState.findUnique({ where: { meetingId: meeting.id }, select: { seq: true } });
  if (live) await notifyLive(tx, { meetingId: meeting.id, seq: live.seq, kind: 'agenda' });
}

/** Writes positions 0…n-1 in the given order (one statement). */
async function writePositions(tx: Tx, meetingId: string, itemIds: string[]) {
  if (itemIds.length === 0) return;
  await tx.$executeRaw`
    UPDATE agenda_items ai SET position = v.ord - 1, "updatedAt" = now()
    FROM unnest(${itemIds}::text[]) WITH ORDINALITY AS v(id, ord)
    WHERE ai.id = v.id AND ai."meetingId" = ${meetingId}`;
}

export async function reorderAgenda(options: { actor: Actor; input: z.output<typeof reorderAgendaSchema> }) {
  const { actor, input } = options;
  assertCan(actor, 'meetings.manage');
  return db().$transaction(async (tx) => {
    const meeting = await meetingInScope(tx, actor, input.meetingId);
    const agendaVersion = await claimAgendaVersion(tx, input.meetingId, input.agendaVersion);
    const current = await tx.agendaItem.findMany({ where: { meetingId: input.meetingId }, select: { id: true } });
    const same = current.length === input.itemIds.length && new Set(input.itemIds).size === input.itemIds.length && current.every((c) => input.itemIds.includes(c.id));
    if (!same) throw new AppError('CONFLICT', 'The order sent does not match the agenda’s cases; reload to see the current agenda. Nothing was changed.');
    await writePositions(tx, input.meetingId, input.itemIds);
    await writeAuditEvent(tx, { actor, action: 'agenda.reorder', entityType: 'Meeting', entityId: input.meetingId, detail: { itemIds: input.itemIds, agendaVersion } });
    await announceIfLive(tx, meeting);
    return { agendaVersion };
  });
}

export async function setAgendaItemMinutes(options: { actor: Actor; input: z.output<typeof setAgendaMinutesSchema> }) {
  const { actor, input } = options;
  assertCan(actor, 'meetings.manage');
  return db().$transaction(async (tx) => {
    const meeting = await meetingInScope(tx, actor, input.meetingId);
    const agendaVersion = await claimAgendaVersion(tx, input.meetingId, input.agendaVersion);
    const item = await tx.agendaItem.findFirst({ where: { id: input.itemId, meetingId: input.meetingId }, select: { id: true, minutesAllotted: true } });
    if (!item) throw notFound('The agenda item');
    await tx.agendaItem.update({ where: { id: item.id }, data: { minutesAllotted: input.minutes, version: { increment: 1 } } });
    await writeAuditEvent(tx, {
      actor,
      action: 'agenda.set_minutes',
      entityType: 'Meeting',
      entityId: input.meetingId,
      detail: { agendaItemId: item.id, minutes: input.minutes, previous: item.minutesAllotted, agendaVersion },
    });
    await announceIfLive(tx, meeting);
    return { agendaVersion };
  });
}

/** Takes a case off the agenda: the item is deleted (the audit keeps it), the case is ACCEPTED again. */
export async function removeAgendaItem(options: { actor: Actor; input: z.output<typeof removeAgendaItemSchema> }) {
  const { actor, input } = options;
  assertCan(actor, 'meetings.manage');
  return db().$transaction(async (tx) => {
    const meeting = await meetingInScope(tx, actor, input.meetingId);
    const agendaVersion = await claimAgendaVersion(tx, input.meetingId, input.agendaVersion);
    const item = await tx.agendaItem.findFirst({ where: { id: input.itemId, meetingId: input.meetingId }, include: { case: { select: { id: true, patientId: true, status: true } } } });
    if (!item) throw notFound('The agenda item');
    if (item.status !== 'PLANNED') throw new AppError('CONFLICT', 'This case has already been discussed or deferred in the meeting; it cannot be taken off the agenda.');
    await tx.agendaItem.delete({ where: { id: item.id } });
    if (item.case.status === 'SCHEDULED') await tx.case.update({ where: { id: item.caseId }, data: { status: 'ACCEPTED', version: { increment: 1 } } });
    const rest = await tx.agendaItem.findMany({ where: { meetingId: input.meetingId }, orderBy: { position: 'asc' }, select: { id: true } });
    await writePositions(tx, input.meetingId, rest.map((r) => r.id));
    await writeAuditEvent(tx, {
      actor,
      action: 'agenda.remove',
      entityType: 'Meeting',
      entityId: input.meetingId,
      patientId: item.case.patientId,
      detail: { caseId: item.caseId, agendaItemId: item.id, agendaVersion },
    });
    await announceIfLive(tx, meeting);
    return { agendaVersion };
  });
}

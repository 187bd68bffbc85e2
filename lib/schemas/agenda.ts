// Changes to a meeting's agenda. Each carries the agendaVersion the coordinator saw; the
// server applies it only if the agenda has not changed since (lib/db/agenda/).
import { z } from 'zod';
import { idSchema, versionSchema } from './common';

const seen = { meetingId: idSchema, agendaVersion: versionSchema };

export const reorderAgendaSchema = z.object({
  ...seen,
  /** Every item of the agenda, in the new order. */
  itemIds: z.preprocess((v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]), z.array(idSchema).min(1, 'The agenda is empty').max(200)),
});
export const setAgendaMinutesSchema = z.object({
  ...seen,
  itemId: idSchema,
  minutes: z.coerce.number({ error: 'Minutes must be a whole number' }).int('Minutes must be a whole number').min(1, 'At least 1 minute').max(120, 'At most 120 minutes'),
});
export const removeAgendaItemSchema = z.object({ ...seen, itemId: idSchema });

export interface AgendaItemDto {
  id: string;
  caseId: string;
  position: number;
  minutesAllotted: number;
  status: string;
  patient: { displayName: string; mrn: string; isSynthetic: boolean };
  entity: string;
  question: string;
  urgency: 'ROUTINE' | 'URGENT';
}

export interface AgendaDto {
  meeting: { id: string; boardId: string; boardName: string; timeZone: string; startsAt: string; durationMinutes: number; status: string; agendaVersion: number; location: string | null };
  items: AgendaItemDto[];
}

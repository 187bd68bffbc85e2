import { z } from 'zod';
import { idSchema, versionSchema } from './common';

export const generateMeetingsSchema = z.object({
  boardId: idSchema,
  weeks: z.coerce.number({ error: 'A number of weeks' }).int('A whole number of weeks').min(1, 'At least 1 week').max(52, 'At most 52 weeks'),
});

/** `localStart` is wall-clock time in the board's zone, as a datetime-local input sends it. */
export const moveMeetingSchema = z.object({
  meetingId: idSchema,
  expectedVersion: versionSchema,
  localStart: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Choose a date and time'),
});

export const cancelMeetingSchema = z.object({
  meetingId: idSchema,
  expectedVersion: versionSchema,
  reason: z.string().trim().min(3, 'Say why the meeting is cancelled (at least 3 characters)').max(500, 'At most 500 characters'),
});

export interface ScheduledMeetingDto {
  id: string;
  startsAt: string;
  durationMinutes: number;
  status: string;
  cancelReason: string | null;
  movedToMeetingId: string | null;
  caseCount: number;
  version: number;
}

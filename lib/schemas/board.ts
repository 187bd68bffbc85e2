// Boards as coordinators edit them. The recurrence arrives as plain form fields (frequency,
// interval, weekday, position in the month, time, first date) and leaves as the RRULE text
// stored in Board.recurrence (lib/boards/recurrence.ts), so the form never has to parse RRULEs.
import { z } from 'zod';
import { formatRecurrence, isValidTimeZone, parseRecurrence, weekdays, type Recurrence } from '@/lib/boards/recurrence';
import { tumorEntityLabels, type TumorEntity } from './case';
import { idSchema, optionalText, versionSchema } from './common';
import { specialties } from './user';

export const boardRoles = ['CHAIR', 'MEMBER', 'COORDINATOR'] as const;
export type BoardRole = (typeof boardRoles)[number];
export const boardRoleLabels: Record<BoardRole, string> = { CHAIR: 'Chair', MEMBER: 'Member', COORDINATOR: 'Coordinator' };

export const weekdayLabels = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' } as const;
export const setPosLabels = { '1': 'First', '2': 'Second', '3': 'Third', '4': 'Fourth', '-1': 'Last' } as const;

const tumorEntities = Object.keys(tumorEntityLabels) as [TumorEntity, ...TumorEntity[]];

// A checkbox group sends nothing, one string, or several: normalise to an array first.
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item)).transform((v) => [...new Set(v)] as z.output<T>[]);

const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce.number({ error: `${label}: a number` }).int(`${label}: a whole number`).min(min, `At least ${min}`).max(max, `At most ${max}`);

/** The recurrence form fields; `frequency: NONE` means meetings are only scheduled by hand. */
export const recurrenceFieldsSchema = z.object({
  frequency: z.enum(['NONE', 'WEEKLY', 'MONTHLY'], { error: 'Choose how often the board meets' }),
  interval: wholeNumber('Interval', 1, 12).default(1),
  weekday: z.enum(weekdays, { error: 'Choose a weekday' }).default('TU'),
  setPos: z.enum(['1', '2', '3', '4', '-1'], { error: 'Choose which weekday of the month' }).default('1'),
  time: z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time such as 16:00').default('16:00'),
  startDate: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || (/^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)), 'A date such as 2026-12-01'),
});
export type RecurrenceFields = z.input<typeof recurrenceFieldsSchema>;

/** The RRULE the form fields stand for (null: no recurrence). */
export function recurrenceFromFields(fields: z.output<typeof recurrenceFieldsSchema>): string | null {
  if (fields.frequency === 'NONE') return null;
  const [hour, minute] = fields.time.split(':').map(Number) as [number, number];
  const recurrence: Recurrence = {
    freq: fields.frequency,
    interval: fields.interval,
    byDay: [fields.weekday],
    bySetPos: fields.frequency === 'MONTHLY' ? Number(fields.setPos) : null,
    hour,
    minute,
    start: fields.startDate ?? null,
  };
  return formatRecurrence(recurrence);
}

const boardFields = z.object({
  name: z.string().trim().min(2, 'At least 2 characters').max(120, 'At most 120 characters'),
  description: optionalText(2000),
  entityFocus: list(z.enum(tumorEntities, { error: 'Unknown entity' })).refine((v) => v.length > 0, 'Choose at least one entity'),
  timeZone: z.string().trim().refine(isValidTimeZone, 'Choose a time zone from the list'),
  meetingDurationMinutes: wholeNumber('Meeting length', 15, 480),
  defaultMinutesPerCase: wholeNumber('Minutes per case', 1, 60),
  submissionDeadlineHours: wholeNumber('Submission deadline', 0, 336),
  requiredSpecialties: list(z.enum(specialties, { error: 'Unknown specialty' })),
});

type RecurrenceFieldsOutput = z.output<typeof recurrenceFieldsSchema>;
/** Splits the recurrence form fields off and puts the RRULE they stand for in their place. */
function toRecurrence<T extends RecurrenceFieldsOutput>(input: T) {
  const { frequency, interval, weekday, setPos, time, startDate, ...rest } = input;
  return { ...rest, recurrence: recurrenceFromFields({ frequency, interval, weekday, setPos, time, startDate }) };
}

export const createBoardSchema = boardFields.extend(recurrenceFieldsSchema.shape).transform(toRecurrence);
export const updateBoardSchema = boardFields.extend(recurrenceFieldsSchema.shape).extend({ boardId: idSchema, version: versionSchema }).transform(toRecurrence);
export type BoardFieldsInput = z.output<typeof createBoardSchema>;


export const setBoardMemberSchema = z.object({
  boardId: idSchema,
  userId: idSchema,
  /** NONE removes the membership. */
  role: z.enum([...boardRoles, 'NONE'], { error: 'Choose a board role' }),
});

export interface BoardMemberDto {
  userId: string;
  name: string;
  email: string;
  specialty: string | null;
  role: BoardRole;
}

export interface BoardSummaryDto {
  id: string;
  name: string;
  entityFocus: TumorEntity[];
  timeZone: string;
  recurrence: string | null;
  memberCount: number;
  nextMeetingAt: string | null;
  active: boolean;
}

export interface BoardDetailDto {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  entityFocus: TumorEntity[];
  timeZone: string;
  recurrence: string | null;
  meetingDurationMinutes: number;
  defaultMinutesPerCase: number;
  submissionDeadlineHours: number;
  requiredSpecialties: string[];
  version: number;
  members: BoardMemberDto[];
}

/** The form fields for a stored recurrence (the form's starting values); null text → NONE. */
export function fieldsFromRecurrence(text: string | null): RecurrenceFields & { unreadable?: string } {
  const defaults = { frequency: 'WEEKLY' as const, interval: 1, weekday: 'TU' as const, setPos: '1' as const, time: '16:00', startDate: '' };
  if (!text) return { ...defaults, frequency: 'NONE' };
  const parsed = parseRecurrence(text);
  if (!parsed.ok) return { ...defaults, frequency: 'NONE', unreadable: parsed.message };
  const r = parsed.recurrence;
  return {
    frequency: r.freq,
    interval: r.interval,
    weekday: r.byDay[0] ?? 'TU',
    setPos: (String(r.bySetPos ?? 1) as '1' | '2' | '3' | '4' | '-1'),
    time: `${String(r.hour).padStart(2, '0')}:${String(r.minute).padStart(2, '0')}`,
    startDate: r.start ?? '',
    ...(r.byDay.length > 1 ? { unreadable: `The stored rule names several weekdays (${r.byDay.join(', ')}); saving this form keeps only one.` } : {}),
  };
}

// The meeting overview page's data (lib/db/preparation/) and the coordinator's and
// specialists' inputs on it (lib/actions/meeting-preparation.ts).
import { z } from 'zod';
import type { AgendaChange } from '@/lib/preparation/publication-diff';
import type { Completeness } from '@/lib/preparation/completeness';

export interface PreparedCaseDto {
  itemId: string;
  caseId: string;
  position: number;
  minutes: number;
  status: 'PLANNED' | 'IN_DISCUSSION' | 'DISCUSSED' | 'DEFERRED' | 'POSTPONED';
  statusReason: string | null;
  patient: { displayName: string; mrn: string; pseudonym: string; ageYears: number | null; sex: string; isSynthetic: boolean };
  entity: string;
  question: string;
  tnm: string | null;
  stageGroup: string | null;
  ecog: string | null;
  referrer: { id: string; name: string };
  presenter: { id: string; name: string } | null;
  completeness: Completeness;
  reviews: { specialty: 'RADIOLOGY' | 'PATHOLOGY'; markedBy: string; markedAt: string }[];
  /** Compared with the published snapshot; null when the agenda was never published. */
  change: AgendaChange | null;
}

export interface MeetingPreparationDto {
  meeting: {
    id: string;
    boardId: string;
    boardName: string;
    timeZone: string;
    startsAt: string;
    durationMinutes: number;
    location: string | null;
    status: 'SCHEDULED' | 'PUBLISHED' | 'LIVE' | 'CLOSED' | 'CANCELLED';
    agendaVersion: number;
    agendaPublishedAt: string | null;
    publishedRevision: number | null;
    /** The latest handout, if one was generated. */
    handout: { id: string; fileName: string; sha256: string; createdAt: string } | null;
  };
  items: PreparedCaseDto[];
  /** Cases on the published agenda that are no longer on it. */
  removed: { caseId: string; displayName: string; mrn: string; isSynthetic: boolean }[];
}

const id = (what: string) => z.string({ error: `Which ${what}?` }).min(1, `Which ${what}?`).max(50);
const version = z.coerce.number({ error: 'The agenda version is missing; reload the page.' }).int().nonnegative();

export const reviewMarkSchema = z.object({
  caseId: id('case'),
  specialty: z.enum(['RADIOLOGY', 'PATHOLOGY'], { error: 'Radiology or pathology?' }),
  note: z.string().trim().max(500, 'At most 500 characters.').optional(),
  /** The meeting page the mark was set on (only to refresh it). */
  meetingId: z.string().max(50).optional(),
});

export const reviewUnmarkSchema = reviewMarkSchema.pick({ caseId: true, specialty: true, meetingId: true });

export const preparationReminderSchema = z.object({
  meetingId: id('meeting'),
  itemId: id('agenda item'),
});

export const postponeCaseSchema = z.object({
  meetingId: id('meeting'),
  itemId: id('agenda item'),
  expectedAgendaVersion: version,
  reason: z.string({ error: 'Say why the case is postponed.' }).trim().min(3, 'Say why the case is postponed (at least 3 characters).').max(500, 'At most 500 characters.'),
});

export const publishAgendaSchema = z.object({
  meetingId: id('meeting'),
  expectedAgendaVersion: version,
});

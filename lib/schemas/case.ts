import { z } from 'zod';
import { idSchema, searchDay, searchText } from './common';

export const caseStatusLabels = {
  DRAFT: 'Draft',
  REFERRED: 'Referred',
  NEEDS_INFORMATION: 'Needs information',
  ACCEPTED: 'Accepted',
  SCHEDULED: 'Scheduled',
  DISCUSSED: 'Discussed',
  DECIDED: 'Decided',
  CLOSED: 'Closed',
  POSTPONED: 'Postponed',
  REJECTED: 'Rejected',
  WITHDRAWN: 'Withdrawn',
} as const;
export type CaseStatus = keyof typeof caseStatusLabels;
export const caseStatuses = Object.keys(caseStatusLabels) as [CaseStatus, ...CaseStatus[]];

/** Tumor entities (the `TumorEntity` enum) as people name them. */
export const tumorEntityLabels = {
  LUNG: 'Lung',
  BREAST: 'Breast',
  COLORECTAL: 'Colorectal',
  UPPER_GI: 'Upper GI',
  PANCREAS: 'Pancreas',
  HEPATOBILIARY: 'Hepatobiliary',
  PROSTATE: 'Prostate',
  KIDNEY: 'Kidney',
  BLADDER: 'Bladder',
  GYNECOLOGIC: 'Gynecologic',
  HEAD_AND_NECK: 'Head and neck',
  SKIN: 'Skin',
  CNS: 'CNS',
  LYMPHOMA: 'Lymphoma',
  SARCOMA: 'Sarcoma',
  OTHER: 'Other',
} as const;
export type TumorEntity = keyof typeof tumorEntityLabels;

/**
 * Entities a search word names, by enum value or label ("head_and", "neck",
 * "colorectal" → COLORECTAL), case-insensitive.
 */
export function entitiesMatching(word: string): TumorEntity[] {
  const needle = word.toLowerCase();
  return (Object.entries(tumorEntityLabels) as [TumorEntity, string][])
    .filter(([value, label]) => value.toLowerCase().includes(needle) || label.toLowerCase().includes(needle))
    .map(([value]) => value);
}

/** Words of a case search: every word must match the patient's name, MRN, the entity or the ICD-10 code. */
export function searchWords(q: string | undefined): string[] {
  return (q ?? '')
    .split(/[\s,;]+/)
    .filter(Boolean)
    .slice(0, 6);
}

export const CASE_LIST_PAGE_SIZE = 25;

// A checkbox group sends nothing, one string or several; unknown values are dropped, not an error.
const statusList = z
  .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.unknown()))
  .transform((values) => caseStatuses.filter((s) => values.includes(s)))
  .catch([]);

const flag = z.preprocess((v) => v === '1' || v === 'on' || v === 'true', z.boolean()).catch(false);

const caseListFields = {
  q: searchText(100),
  board: idSchema.optional().catch(undefined),
  status: statusList,
  /** Meeting day range, calendar days in the hospital's time zone, both inclusive. */
  from: searchDay,
  to: searchDay,
  mine: flag,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
};

/**
 * The case list's state in the URL (/cases?q=…&board=…&status=…&from=…&to=…&mine=1&page=2).
 * Anything malformed falls back to "not given"; `ignoredCaseListParams` says what was dropped.
 */
export const caseListQuerySchema = z
  .object(caseListFields)
  .transform((query) =>
    // A reversed range is read as the range the user meant.
    query.from && query.to && query.from > query.to ? { ...query, from: query.to, to: query.from } : query,
  );
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;
type RawSearchParams = Record<string, string | string[] | undefined>;

/** What of the URL the list could not use, in words for a notice above the list. */
export function ignoredCaseListParams(raw: RawSearchParams): string[] {
  const given = (key: keyof typeof caseListFields) => {
    const v = raw[key];
    return Array.isArray(v) ? v.length > 0 : v !== undefined && v.trim() !== '';
  };
  const dropped = (key: 'q' | 'board' | 'from' | 'to') => given(key) && caseListFields[key].parse(raw[key]) === undefined;
  const ignored: string[] = [];
  if (dropped('q')) ignored.push('the search text (one text of at most 100 characters)');
  if (dropped('board')) ignored.push('the board (not a valid board id)');
  const statuses = raw.status === undefined ? [] : Array.isArray(raw.status) ? raw.status : [raw.status];
  const unknown = statuses.filter((s) => !(caseStatuses as string[]).includes(s));
  if (unknown.length > 0) ignored.push(`unknown status ${unknown.map((s) => `“${s.slice(0, 40)}”`).join(', ')}`);
  if (dropped('from')) ignored.push('the meeting date “from” (a date as YYYY-MM-DD)');
  if (dropped('to')) ignored.push('the meeting date “to” (a date as YYYY-MM-DD)');
  if (given('page') && String(caseListFields.page.parse(raw.page)) !== raw.page) ignored.push('the page number');
  return ignored;
}

/** Search params for a list URL: only what is set, so links stay short and shareable. */
export function caseListSearchParams(query: CaseListQuery, overrides: Partial<CaseListQuery> = {}): URLSearchParams {
  const q = { ...query, ...overrides };
  const params = new URLSearchParams();
  if (q.q) params.set('q', q.q);
  if (q.board) params.set('board', q.board);
  for (const s of q.status) params.append('status', s);
  if (q.from) params.set('from', q.from);
  if (q.to) params.set('to', q.to);
  if (q.mine) params.set('mine', '1');
  if (q.page > 1) params.set('page', String(q.page));
  return params;
}

/** A case as lists show it. */
export interface CaseListItemDto {
  id: string;
  patient: { id: string; displayName: string; mrn: string; birthDate: string | null; sex: string; isSynthetic: boolean };
  board: { id: string; name: string };
  question: string;
  entity: TumorEntity;
  icd10Code: string | null;
  status: CaseStatus;
  urgency: 'ROUTINE' | 'URGENT';
  nextMeetingAt: string | null;
  updatedAt: string;
}

/** One page of the case list. `page` is the page actually shown (a page past the end shows the last one). */
export interface CaseListPageDto {
  cases: CaseListItemDto[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

// Is a case ready for its board? A checklist computed from the case's data, each item
// ok / missing / not applicable with a reason a coordinator can act on ("CT 12 weeks
// old"), and a score = ok / applicable. Pure: the rows come from
// lib/db/preparation/load-meeting-preparation.ts; the rules are here and unit-tested.
import type { TumorEntity } from '@/lib/generated/prisma/enums';
import { REQUIRED_LABS } from './lab-requirements';

/** Imaging older than this does not show the disease as it is now (a board-level setting can come later). */
export const DEFAULT_IMAGING_MAX_AGE_WEEKS = 8;
/** Labs older than this are not "recent" for a therapy decision. */
export const DEFAULT_LAB_MAX_AGE_DAYS = 28;

export const checklistItemIds = ['imaging', 'pathology-report', 'staging', 'labs', 'decision-support', 'radiology-review', 'pathology-review'] as const;
export type ChecklistItemId = (typeof checklistItemIds)[number];
export type ChecklistState = 'ok' | 'missing' | 'not-applicable';

export interface ChecklistItem {
  id: ChecklistItemId;
  label: string;
  state: ChecklistState;
  /** Human reason, e.g. "CT chest 12 weeks old (max 8)". */
  reason: string;
}

export interface Completeness {
  items: ChecklistItem[];
  ok: number;
  applicable: number;
  /** ok / applicable, 0..1; 1 when nothing applies. */
  score: number;
  ready: boolean;
}

export interface CompletenessSettings {
  imagingMaxAgeWeeks: number;
  labMaxAgeDays: number;
}

export const defaultCompletenessSettings: CompletenessSettings = {
  imagingMaxAgeWeeks: DEFAULT_IMAGING_MAX_AGE_WEEKS,
  labMaxAgeDays: DEFAULT_LAB_MAX_AGE_DAYS,
};

/** What the rules read about one case. */
export interface CompletenessInput {
  entity: TumorEntity;
  /** Newest imaging: an indexed study or a radiology report, whichever is newer. */
  newestImaging: { at: Date; label: string } | null;
  /** Newest pathology report. */
  newestPathologyReport: { at: Date; title: string } | null;
  /** TNM as the case header shows it ("cT2a cN2 cM1b"), and the stage group ("IIIA"). */
  tnm: string | null;
  stageGroup: string | null;
  /** Newest value date per LOINC code of the patient's labs. */
  newestLabAt: ReadonlyMap<string, Date>;
  /** ACTIVE model versions whose card names the case's entity, each with its newest result on the case. */
  models: { modelKey: string; name: string; newestResult: { status: 'SCORED' | 'SCORED_WITH_FLAGS' | 'NOT_SCORED' | 'FAILED'; at: Date } | null }[];
  /** Specialties that marked their review of the case done. */
  reviewsDone: ReadonlySet<'RADIOLOGY' | 'PATHOLOGY'>;
}

const DAY_MS = 86_400_000;

/** "3 days", "12 weeks": how old something is, in the unit a person would say. */
export function describeAge(at: Date, now: Date): string {
  const days = Math.max(0, Math.floor((now.getTime() - at.getTime()) / DAY_MS));
  if (days === 0) return 'today';
  if (days < 14) return `${days} day${days === 1 ? '' : 's'} old`;
  return `${Math.floor(days / 7)} weeks old`;
}

const TNM_PART = {
  T: /(?:^|[\s,;])[a-z]{0,3}T(?:x|X|is|[0-4])/,
  N: /(?:^|[\s,;])[a-z]{0,3}N(?:x|X|[0-3])/,
  M: /(?:^|[\s,;])[a-z]{0,3}M(?:x|X|[01])/,
} as const;

/** Which of T, N, M a TNM string names (an "x" counts as stated: it is the staging's own answer). */
export function tnmParts(tnm: string | null): { T: boolean; N: boolean; M: boolean } {
  const text = tnm ?? '';
  return { T: TNM_PART.T.test(text), N: TNM_PART.N.test(text), M: TNM_PART.M.test(text) };
}

function imagingItem(input: CompletenessInput, now: Date, settings: CompletenessSettings): ChecklistItem {
  const label = `Imaging within ${settings.imagingMaxAgeWeeks} weeks`;
  const img = input.newestImaging;
  if (!img) return { id: 'imaging', label, state: 'missing', reason: 'No imaging on file' };
  const tooOld = now.getTime() - img.at.getTime() > settings.imagingMaxAgeWeeks * 7 * DAY_MS;
  return tooOld
    ? { id: 'imaging', label, state: 'missing', reason: `${img.label} ${describeAge(img.at, now)} (max ${settings.imagingMaxAgeWeeks} weeks)` }
    : { id: 'imaging', label, state: 'ok', reason: `${img.label}, ${describeAge(img.at, now)}` };
}

function pathologyItem(input: CompletenessInput, now: Date): ChecklistItem {
  const label = 'Pathology report';
  const report = input.newestPathologyReport;
  return report
    ? { id: 'pathology-report', label, state: 'ok', reason: `${report.title}, ${describeAge(report.at, now)}` }
    : { id: 'pathology-report', label, state: 'missing', reason: 'No pathology report on file' };
}

function stagingItem(input: CompletenessInput): ChecklistItem {
  const label = 'Staging complete (T, N, M, stage)';
  const parts = tnmParts(input.tnm);
  const missing = [...(['T', 'N', 'M'] as const).filter((p) => !parts[p]), ...(input.stageGroup ? [] : ['stage group'])];
  if (missing.length === 0) return { id: 'staging', label, state: 'ok', reason: `${input.tnm}, stage ${input.stageGroup}` };
  return { id: 'staging', label, state: 'missing', reason: `Missing: ${missing.join(', ')}` };
}

function labsItem(input: CompletenessInput, now: Date, settings: CompletenessSettings): ChecklistItem {
  const required = REQUIRED_LABS[input.entity];
  const label = `Recent labs (within ${settings.labMaxAgeDays} days)`;
  if (required.length === 0) return { id: 'labs', label, state: 'not-applicable', reason: 'No labs required for this entity' };
  const problems: string[] = [];
  for (const lab of required) {
    const at = input.newestLabAt.get(lab.loinc);
    if (!at) problems.push(`${lab.label} missing`);
    else if (now.getTime() - at.getTime() > settings.labMaxAgeDays * DAY_MS) problems.push(`${lab.label} ${describeAge(at, now)}`);
  }
  if (problems.length === 0) return { id: 'labs', label, state: 'ok', reason: required.map((l) => l.label).join(', ') + ' recent' };
  return { id: 'labs', label, state: 'missing', reason: problems.join('; ') };
}

function decisionSupportItem(input: CompletenessInput): ChecklistItem {
  const label = 'Decision-support results';
  if (input.models.length === 0) return { id: 'decision-support', label, state: 'not-applicable', reason: 'No active model for this entity' };
  const problems: string[] = [];
  for (const model of input.models) {
    const result = model.newestResult;
    if (!result) problems.push(`${model.name}: not run`);
    else if (result.status === 'NOT_SCORED') problems.push(`${model.name}: not scored (inputs missing)`);
    else if (result.status === 'FAILED') problems.push(`${model.name}: run failed`);
  }
  if (problems.length === 0) return { id: 'decision-support', label, state: 'ok', reason: `${input.models.length} model${input.models.length === 1 ? '' : 's'} scored` };
  return { id: 'decision-support', label, state: 'missing', reason: problems.join('; ') };
}

function reviewItem(input: CompletenessInput, specialty: 'RADIOLOGY' | 'PATHOLOGY'): ChecklistItem {
  const id = specialty === 'RADIOLOGY' ? 'radiology-review' : 'pathology-review';
  const label = specialty === 'RADIOLOGY' ? 'Radiology review done' : 'Pathology review done';
  return input.reviewsDone.has(specialty)
    ? { id, label, state: 'ok', reason: 'Marked done' }
    : { id, label, state: 'missing', reason: 'Not marked done yet' };
}

export function computeCompleteness(input: CompletenessInput, now: Date, settings: CompletenessSettings = defaultCompletenessSettings): Completeness {
  const items = [
    imagingItem(input, now, settings),
    pathologyItem(input, now),
    stagingItem(input),
    labsItem(input, now, settings),
    decisionSupportItem(input),
    reviewItem(input, 'RADIOLOGY'),
    reviewItem(input, 'PATHOLOGY'),
  ];
  const applicable = items.filter((i) => i.state !== 'not-applicable').length;
  const ok = items.filter((i) => i.state === 'ok').length;
  return { items, ok, applicable, score: applicable === 0 ? 1 : ok / applicable, ready: ok === applicable };
}

/** The missing items as lines (reminders list them). */
export function missingItems(completeness: Completeness): string[] {
  return completeness.items.filter((i) => i.state === 'missing').map((i) => `${i.label}: ${i.reason}`);
}

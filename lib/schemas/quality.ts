// The quality dashboard: its filters (from the URL, bad values dropped) and the one metric row
// shape the page, the charts and the CSV export share. Definitions: docs/quality-dashboard.md.
import { z } from 'zod';
import { searchDay } from './common';

export const qualityQuerySchema = z.object({
  /** One board, or all the actor may see when absent. */
  board: z.string().trim().regex(/^[a-z0-9]{20,40}$/).optional().catch(undefined),
  from: searchDay,
  to: searchDay,
});
export type QualityQuery = z.output<typeof qualityQuerySchema>;

/** How long the default period is (ending today). */
export const DEFAULT_PERIOD_DAYS = 90;

export type QualityUnit = 'count' | 'days' | 'hours' | 'share';

export interface QualityMetric {
  boardId: string;
  boardName: string;
  /** Stable machine name, e.g. "implementation_rate" or "model_considered_share[wdbc@1.0.0]". */
  key: string;
  label: string;
  unit: QualityUnit;
  /** The figure: a count, a median/percentile in the unit, or a share 0…1; null when there is nothing to measure. */
  value: number | null;
  /** For shares: what was counted; null for counts and percentiles. */
  numerator: number | null;
  /** For shares: out of how many; for medians/percentiles: how many observations. */
  denominator: number | null;
}

export interface QualityReport {
  from: string;
  to: string;
  boards: { id: string; name: string }[];
  metrics: QualityMetric[];
}

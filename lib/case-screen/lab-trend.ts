// What the trend chart of one analyte draws, worked out without React or
// recharts: points on a time axis, the y range (which always includes the
// reference band), therapy periods clipped to the visible time span, and a
// text alternative for people who cannot see the chart.
import type { LabSeriesDto, TherapyPeriodDto } from '@/lib/schemas/case-screen';
import { formatLabNumber, formatReferenceRange, labFlag, type LabFlag } from './lab-values';

export interface TrendPoint {
  id: string;
  effectiveAt: string;
  /** Epoch milliseconds (the x axis is time). */
  t: number;
  value: number;
  flag: LabFlag | null;
}

export interface TherapyBand {
  id: string;
  kind: TherapyPeriodDto['kind'];
  label: string;
  /** Clipped to the chart's time domain. */
  x1: number;
  x2: number;
  /** Still running (no end date): drawn to the end of the axis. */
  ongoing: boolean;
}

export interface TrendModel {
  points: TrendPoint[];
  xDomain: [number, number];
  yDomain: [number, number];
  /** The shaded normal range; a missing bound extends to the edge of the y domain. */
  referenceBand: { y1: number; y2: number } | null;
  therapies: TherapyBand[];
}

const DAY = 86_400_000;

/** Numeric values only (text results cannot be plotted), oldest first. */
export function trendPoints(series: Pick<LabSeriesDto, 'values' | 'referenceLow' | 'referenceHigh'>): TrendPoint[] {
  const points: TrendPoint[] = [];
  for (const v of series.values) {
    const t = Date.parse(v.effectiveAt);
    if (v.value === null || !Number.isFinite(v.value) || Number.isNaN(t)) continue;
    points.push({ id: v.id, effectiveAt: v.effectiveAt, t, value: v.value, flag: labFlag(v, series) });
  }
  return points.toSorted((a, b) => a.t - b.t);
}

/**
 * The time span drawn: first to last value with a little air either side (a
 * month either side of a single value, so it is not drawn on the edge).
 */
export function trendTimeDomain(points: readonly TrendPoint[]): [number, number] | null {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return null;
  const span = last.t - first.t;
  const pad = span === 0 ? 30 * DAY : Math.max(span * 0.03, DAY);
  return [first.t - pad, last.t + pad];
}

/**
 * The value span drawn: all values and both reference bounds, 8 % of air, never
 * below zero for a quantity that cannot be negative (all values and bounds ≥ 0),
 * and from zero when the range has an upper limit only (tumor markers).
 */
export function trendValueDomain(points: readonly TrendPoint[], low: number | null, high: number | null): [number, number] {
  const numbers = [...points.map((p) => p.value), ...(low !== null ? [low] : []), ...(high !== null ? [high] : [])];
  if (numbers.length === 0) return [0, 1];
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  const span = max - min || Math.abs(max) || 1;
  const pad = span * 0.08;
  // An upper limit alone ("≤ 5") means the normal range starts at zero: draw it from there.
  const fromZero = min >= 0 && low === null && high !== null;
  const bottom = fromZero ? 0 : min >= 0 ? Math.max(0, min - pad) : min - pad;
  const top = max + pad;
  // Round outwards to a readable step so the axis reads 0–80, not 0–75.836.
  const step = niceStep((top - bottom) / 4);
  return [roundTo(Math.floor(bottom / step) * step), roundTo(Math.ceil(top / step) * step)];
}

/** 1, 2, 2.5 or 5 × a power of ten, the smallest not below `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].find((f) => f * power >= rough * (1 - 1e-9)) ?? 10;
  return step * power;
}

const roundTo = (value: number) => Number(value.toPrecision(12));

/** Therapy periods that overlap the time domain, clipped to it; ongoing ones run to its end. */
export function clipTherapies(therapies: readonly TherapyPeriodDto[], domain: [number, number]): TherapyBand[] {
  const [from, to] = domain;
  const bands: TherapyBand[] = [];
  for (const therapy of therapies) {
    const start = Date.parse(therapy.start);
    if (Number.isNaN(start)) continue;
    const parsedEnd = therapy.end ? Date.parse(therapy.end) : Number.NaN;
    // Surgery is a day; an ongoing therapy runs to the end of the axis.
    const ongoing = therapy.end === null && therapy.kind !== 'surgery';
    const end = Number.isNaN(parsedEnd) ? (ongoing ? to : start + DAY) : Math.max(parsedEnd, start + DAY);
    if (end < from || start > to) continue;
    bands.push({ id: therapy.id, kind: therapy.kind, label: therapy.label, x1: Math.max(start, from), x2: Math.min(end, to), ongoing });
  }
  return bands.toSorted((a, b) => a.x1 - b.x1);
}

/**
 * Operations are drawn as one dashed line per day: two procedures on the same day
 * (lumpectomy and sentinel node biopsy) share a line and a label ("… +1").
 */
export function mergeSameDaySurgeries(bands: readonly TherapyBand[]): TherapyBand[] {
  const merged: TherapyBand[] = [];
  const byDay = new Map<string, { band: TherapyBand; more: number }>();
  for (const band of bands) {
    if (band.kind !== 'surgery') {
      merged.push(band);
      continue;
    }
    const day = new Date(band.x1).toISOString().slice(0, 10);
    const seen = byDay.get(day);
    if (seen) {
      seen.more += 1;
      continue;
    }
    const entry = { band: { ...band }, more: 0 };
    byDay.set(day, entry);
    merged.push(entry.band);
  }
  for (const { band, more } of byDay.values()) if (more > 0) band.label = `${band.label} +${more}`;
  return merged;
}

export function buildTrendModel(series: LabSeriesDto, therapies: readonly TherapyPeriodDto[]): TrendModel | null {
  const points = trendPoints(series);
  const xDomain = trendTimeDomain(points);
  if (!xDomain) return null;
  const { referenceLow: low, referenceHigh: high } = series;
  const yDomain = trendValueDomain(points, low, high);
  const referenceBand = low === null && high === null ? null : { y1: low ?? yDomain[0], y2: high ?? yDomain[1] };
  return { points, xDomain, yDomain, referenceBand, therapies: clipTherapies(therapies, xDomain) };
}

/**
 * The chart in words, for screen readers and anyone who prefers text:
 * "8 values from 03 Mar 2025 to 12 Nov 2026, between 1.4 and 12.3 ng/mL; latest
 * 12.3 ng/mL on 12 Nov 2026, high. Reference range ≤ 5 ng/mL."
 */
export function describeTrend(
  series: Pick<LabSeriesDto, 'values' | 'unit' | 'referenceLow' | 'referenceHigh' | 'referenceText'>,
  formatDate: (iso: string) => string,
): string {
  const points = trendPoints(series);
  const unit = series.unit ? ` ${series.unit}` : '';
  const range = formatReferenceRange(series);
  const hasBounds = series.referenceLow !== null || series.referenceHigh !== null;
  const reference = range ? ` Reference range ${range}${hasBounds ? unit : ''}.` : ' No reference range sent.';
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return `No numeric values to plot.${reference}`;
  const values = points.map((p) => p.value);
  const count = points.length === 1 ? '1 value' : `${points.length} values`;
  const when = points.length === 1 ? `on ${formatDate(first.effectiveAt)}` : `from ${formatDate(first.effectiveAt)} to ${formatDate(last.effectiveAt)}`;
  const spread = points.length === 1 ? '' : `, between ${formatLabNumber(Math.min(...values))} and ${formatLabNumber(Math.max(...values))}${unit}`;
  const verdict = last.flag ? `, ${last.flag.label.toLowerCase()}` : range ? ', within the reference range' : '';
  return `${count} ${when}${spread}; latest ${formatLabNumber(last.value)}${unit} on ${formatDate(last.effectiveAt)}${verdict}.${reference}`;
}

export interface TimeTicks {
  ticks: number[];
  /** Month ticks are labelled "Mar 2025", day ticks "03 Mar". */
  unit: 'month' | 'day';
}

const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60];
const DAY_STEPS = [1, 2, 7, 14];

/**
 * Ticks for the time axis: whole months (or days for short series), at most
 * `max` of them. Ticks sit at noon UTC so the labelled day is the same in every
 * hospital time zone (±12 h).
 */
export function timeTicks(domain: [number, number], max = 6): TimeTicks {
  const [from, to] = domain;
  if (to - from < 62 * DAY) {
    for (const step of DAY_STEPS) {
      const ticks: number[] = [];
      const start = new Date(from);
      let t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate(), 12);
      if (t < from) t += DAY;
      for (; t <= to; t += step * DAY) ticks.push(t);
      if (ticks.length <= max) return { ticks, unit: 'day' };
    }
  }
  const start = new Date(from);
  for (const step of MONTH_STEPS) {
    const ticks: number[] = [];
    // Align to multiples of the step (Jan/Apr/Jul/Oct for 3) so labels look regular.
    let month = start.getUTCFullYear() * 12 + start.getUTCMonth();
    month = Math.ceil(month / step) * step;
    for (;; month += step) {
      const t = Date.UTC(Math.floor(month / 12), month % 12, 1, 12);
      if (t < from) continue;
      if (t > to) break;
      ticks.push(t);
    }
    if (ticks.length <= max) return { ticks, unit: 'month' };
  }
  return { ticks: [from, to], unit: 'month' };
}

/** Formats a tick in the hospital's time zone. */
export function formatTick(t: number, unit: TimeTicks['unit'], timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = unit === 'month' ? { month: 'short', year: 'numeric' } : { day: '2-digit', month: 'short' };
  return new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(new Date(t));
}

export interface BandLabel {
  id: string;
  text: string;
  /** 0 = top row; labels in one row never overprint each other. */
  row: number;
}

/**
 * Places band labels in rows at the top of the plot so they do not overprint:
 * each label (cut to `maxChars`) goes into the first row where it fits after the
 * previous label; a label that fits in no row is left out (the caption below the
 * chart lists every period in words). Widths are estimated from the character
 * count, which is close enough for an 11 px sans-serif.
 */
export function layoutBandLabels(
  bands: readonly Pick<TherapyBand, 'id' | 'label' | 'x1'>[],
  options: { domain: [number, number]; plotWidthPx: number; rows?: number; charPx?: number; maxChars?: number },
): BandLabel[] {
  const { domain, plotWidthPx, rows = 3, charPx = 6.2, maxChars = 28 } = options;
  const span = domain[1] - domain[0];
  if (!(span > 0) || !(plotWidthPx > 0)) return [];
  const rowEnds: number[] = Array.from({ length: rows }, () => Number.NEGATIVE_INFINITY);
  const labels: BandLabel[] = [];
  for (const band of [...bands].sort((a, b) => a.x1 - b.x1)) {
    const text = band.label.length > maxChars ? `${band.label.slice(0, maxChars - 1)}…` : band.label;
    const start = ((band.x1 - domain[0]) / span) * plotWidthPx + 4;
    const end = start + text.length * charPx + 6;
    // Past the right edge the text would be cut: such a label is left to the caption.
    if (end > plotWidthPx + 16) continue;
    const row = rowEnds.findIndex((rowEnd) => rowEnd <= start);
    if (row === -1) continue;
    rowEnds[row] = end;
    labels.push({ id: band.id, text, row });
  }
  return labels;
}

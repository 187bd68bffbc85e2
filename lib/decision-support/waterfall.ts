// The contributions waterfall: from the model's "average patient" to this patient, one
// signed step per feature (largest first), the smallest ones folded into one step so the
// picture stays readable. Pure: the panel draws these numbers and prints them as text.
//
// Both shipped model kinds are additive on a known scale, which is what makes an exact
// waterfall possible (models/README.md, "What the models compute"):
// - logistic: Σ contributions + intercept = logit(probability); the baseline is the intercept,
//   the log-odds of the average training sample;
// - Cox: Σ contributions = ln(hazard ratio) versus the average training patient; the baseline is 0.

export interface Contribution {
  feature: string;
  label: string;
  value: number;
}

export interface WaterfallBar {
  /** The feature name, or "other" for the folded step. */
  key: string;
  label: string;
  /** The features this step stands for (one, or those folded into "other"). */
  features: string[];
  value: number;
  start: number;
  end: number;
  /** Where the bar sits, in percent of the plot's width (left edge and width). */
  leftPercent: number;
  widthPercent: number;
  direction: 'up' | 'down' | 'none';
}

export interface WaterfallLayout {
  baseline: number;
  total: number;
  domain: [number, number];
  bars: WaterfallBar[];
  baselinePercent: number;
  totalPercent: number;
}

/** Where the waterfall starts and which scale it is on, for each kind of model. */
export interface WaterfallScale {
  baseline: number;
  /** The scale's name for people: "log-odds", "log hazard ratio". */
  scale: string;
  /** What a step to the right means for the patient. */
  rightMeans: string;
}

const clampProbability = (p: number) => Math.min(Math.max(p, 1e-12), 1 - 1e-12);

export function waterfallScale(kind: 'classifier' | 'survival', options: { probability?: number; contributions: readonly Contribution[] }): WaterfallScale {
  if (kind === 'survival') return { baseline: 0, scale: 'log hazard ratio', rightMeans: 'raises the hazard (worse predicted survival)' };
  const p = clampProbability(options.probability ?? 0.5);
  const logit = Math.log(p / (1 - p));
  const sum = options.contributions.reduce((s, c) => s + c.value, 0);
  return { baseline: logit - sum, scale: 'log-odds', rightMeans: 'raises the predicted probability' };
}

/**
 * The bars: the `top` largest contributions by |value| (ties keep their input order), then the
 * rest folded into one "other" step, each starting where the previous one ended.
 */
export function layoutWaterfall(options: { contributions: readonly Contribution[]; baseline: number; top?: number }): WaterfallLayout {
  const { baseline } = options;
  const top = Math.max(1, options.top ?? 6);
  const sorted = options.contributions.map((c, i) => ({ c, i })).sort((a, b) => Math.abs(b.c.value) - Math.abs(a.c.value) || a.i - b.i).map((x) => x.c);
  const shown = sorted.length > top + 1 ? sorted.slice(0, top) : sorted;
  const folded = sorted.slice(shown.length);

  const steps: Omit<WaterfallBar, 'start' | 'end' | 'leftPercent' | 'widthPercent' | 'direction'>[] = shown.map((c) => ({ key: c.feature, label: c.label, features: [c.feature], value: c.value }));
  if (folded.length > 0) {
    steps.push({ key: 'other', label: `${folded.length} other features`, features: folded.map((c) => c.feature), value: folded.reduce((s, c) => s + c.value, 0) });
  }

  let running = baseline;
  const spans = steps.map((step) => {
    const start = running;
    running += step.value;
    return { ...step, start, end: running };
  });
  const total = running;

  const points = [baseline, total, ...spans.flatMap((s) => [s.start, s.end])];
  let min = Math.min(...points);
  let max = Math.max(...points);
  if (max - min < 1e-9) {
    min -= 1;
    max += 1;
  }
  const pad = (max - min) * 0.05;
  const domain: [number, number] = [min - pad, max + pad];
  const toPercent = (v: number) => ((v - domain[0]) / (domain[1] - domain[0])) * 100;

  const bars = spans.map((s) => {
    const left = toPercent(Math.min(s.start, s.end));
    const right = toPercent(Math.max(s.start, s.end));
    return { ...s, leftPercent: left, widthPercent: right - left, direction: s.value > 0 ? 'up' : s.value < 0 ? 'down' : 'none' } satisfies WaterfallBar;
  });
  return { baseline, total, domain, bars, baselinePercent: toPercent(baseline), totalPercent: toPercent(total) };
}

import { describe, expect, it } from 'vitest';
import { layoutWaterfall, waterfallScale, type Contribution } from './waterfall';

const c = (feature: string, value: number): Contribution => ({ feature, label: feature.toUpperCase(), value });

describe('layoutWaterfall', () => {
  it('steps from the baseline to the total, largest |value| first, each bar starting where the previous ended', () => {
    const layout = layoutWaterfall({ baseline: 1, contributions: [c('a', 0.5), c('b', -2), c('c', 1)] });
    expect(layout.bars.map((b) => [b.key, b.start, b.end, b.direction])).toEqual([
      ['b', 1, -1, 'down'],
      ['c', -1, 0, 'up'],
      ['a', 0, 0.5, 'up'],
    ]);
    expect(layout.total).toBeCloseTo(0.5);
    expect(layout.baseline).toBe(1);
  });

  it('places the bars in percent of a padded domain that holds every step, the baseline and the total', () => {
    const layout = layoutWaterfall({ baseline: 0, contributions: [c('up', 2), c('down', -1)] });
    // points 0, 2, 1 → [0, 2] padded by 5 % of the range either side.
    expect(layout.domain[0]).toBeCloseTo(-0.1);
    expect(layout.domain[1]).toBeCloseTo(2.1);
    const [up, down] = layout.bars;
    expect(up!.leftPercent).toBeCloseTo((0.1 / 2.2) * 100);
    expect(up!.widthPercent).toBeCloseTo((2 / 2.2) * 100);
    // A negative step is drawn from its end (left) to its start (right).
    expect(down!.leftPercent).toBeCloseTo((1.1 / 2.2) * 100);
    expect(down!.widthPercent).toBeCloseTo((1 / 2.2) * 100);
    expect(layout.baselinePercent).toBeCloseTo((0.1 / 2.2) * 100);
    expect(layout.totalPercent).toBeCloseTo((1.1 / 2.2) * 100);
    for (const bar of layout.bars) {
      expect(bar.leftPercent).toBeGreaterThanOrEqual(0);
      expect(bar.leftPercent + bar.widthPercent).toBeLessThanOrEqual(100);
    }
  });

  it('folds everything after the top N into one "other" step with the features it stands for', () => {
    const contributions = [c('a', 5), c('b', -4), c('c', 3), c('d', 0.2), c('e', -0.1)];
    const layout = layoutWaterfall({ baseline: 0, contributions, top: 3 });
    expect(layout.bars.map((b) => b.key)).toEqual(['a', 'b', 'c', 'other']);
    const other = layout.bars[3]!;
    expect(other.label).toBe('2 other features');
    expect(other.features).toEqual(['d', 'e']);
    expect(other.value).toBeCloseTo(0.1);
    expect(layout.total).toBeCloseTo(4.1);
  });

  it('does not fold a single leftover feature (one bar says more than "1 other feature")', () => {
    const layout = layoutWaterfall({ baseline: 0, contributions: [c('a', 3), c('b', 2), c('c', 1)], top: 2 });
    expect(layout.bars.map((b) => b.key)).toEqual(['a', 'b', 'c']);
  });

  it('keeps the input order for equal magnitudes and survives all-zero contributions', () => {
    const layout = layoutWaterfall({ baseline: 0, contributions: [c('x', -1), c('y', 1), c('z', 0)] });
    expect(layout.bars.map((b) => [b.key, b.direction])).toEqual([
      ['x', 'down'],
      ['y', 'up'],
      ['z', 'none'],
    ]);
    const flat = layoutWaterfall({ baseline: 0, contributions: [c('x', 0)] });
    expect(flat.domain).toEqual([-1.1, 1.1]);
    expect(flat.bars[0]!.widthPercent).toBe(0);
  });
});

describe('waterfallScale', () => {
  it('starts a Cox waterfall at 0 (the average training patient) on the log hazard ratio scale', () => {
    expect(waterfallScale('survival', { contributions: [c('a', 0.4)] })).toMatchObject({ baseline: 0, scale: 'log hazard ratio' });
  });

  it('recovers the logistic intercept from the probability and the contributions', () => {
    // WDBC: Σ contributions + intercept (−0.4615) = logit(p).
    const contributions = [c('a', 1.2), c('b', -0.3)];
    const logit = 0.9 - 0.4615;
    const p = 1 / (1 + Math.exp(-logit));
    const scale = waterfallScale('classifier', { probability: p, contributions });
    expect(scale.baseline).toBeCloseTo(-0.4615, 9);
    expect(scale.scale).toBe('log-odds');
  });

  it('stays finite for probabilities of exactly 0 or 1 (float32 outputs round)', () => {
    expect(Number.isFinite(waterfallScale('classifier', { probability: 1, contributions: [] }).baseline)).toBe(true);
    expect(Number.isFinite(waterfallScale('classifier', { probability: 0, contributions: [] }).baseline)).toBe(true);
  });
});

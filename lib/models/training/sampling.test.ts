import { describe, expect, it } from 'vitest';
import { bootstrapSamples, percentileInterval, quantile } from './bootstrap';
import { parseCsv, numberCell } from './csv';
import { createRng } from './random';
import { stratifiedSplit } from './split';
import { columnMeans, columnSds } from './standardize';

describe('createRng', () => {
  it('is deterministic per seed and uniform-ish', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 10_000 }, () => a.next());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, v) => s + v, 0) / xs.length).toBeCloseTo(0.5, 1);
  });
});

describe('stratifiedSplit', () => {
  it('keeps each stratum’s share and is reproducible', () => {
    const strata = Array.from({ length: 100 }, (_, i) => (i < 30 ? 1 : 0));
    const s = stratifiedSplit(strata, 0.3, 7);
    expect(s.heldOut.length).toBe(30);
    expect(s.heldOut.filter((i) => strata[i] === 1).length).toBe(9);
    expect(s.train.length + s.heldOut.length).toBe(100);
    expect(stratifiedSplit(strata, 0.3, 7)).toEqual(s);
    expect(stratifiedSplit(strata, 0.3, 8)).not.toEqual(s);
  });
});

describe('bootstrap', () => {
  it('draws n indices with replacement per replicate, reproducibly', () => {
    const samples = bootstrapSamples(10, 3, 1);
    expect(samples).toHaveLength(3);
    expect(samples[0]).toHaveLength(10);
    expect(bootstrapSamples(10, 3, 1)).toEqual(samples);
  });

  it('quantiles interpolate linearly (R type 7)', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([4, 1, 3, 2], 0.25)).toBe(1.75);
    const values = Array.from({ length: 101 }, (_, i) => i);
    expect(percentileInterval(values)).toEqual([2.5, 97.5]);
  });
});

describe('csv and standardization', () => {
  it('reads numbers and NA', () => {
    const t = parseCsv('a,b\n1,NA\n3,4\n');
    expect(t.header).toEqual(['a', 'b']);
    expect(numberCell(t.rows[0]!, 'a')).toBe(1);
    expect(numberCell(t.rows[0]!, 'b')).toBeNaN();
    expect(() => numberCell(t.rows[0]!, 'c')).toThrow();
  });

  it('population SD', () => {
    const rows = [[1, 10], [3, 10]];
    expect(columnMeans(rows)).toEqual([2, 10]);
    expect(columnSds(rows)).toEqual([1, 0]);
  });
});

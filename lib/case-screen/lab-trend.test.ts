import { describe, expect, it } from 'vitest';
import { formatDate } from '@/lib/format/date';
import { buildTrendModel, clipTherapies, describeTrend, formatTick, layoutBandLabels, mergeSameDaySurgeries, niceStep, timeTicks, trendPoints, trendTimeDomain, trendValueDomain } from './lab-trend';
import { labSeries, labValue, therapy } from './test-fixtures';

const DAY = 86_400_000;
const t = (iso: string) => Date.parse(iso);

const cea = labSeries('2039-6', {
  unit: 'ng/mL',
  referenceHigh: 5,
  values: [
    labValue('2025-03-01T08:00:00Z', 1.4, { interpretation: 'N' }),
    labValue('2025-09-01T08:00:00Z', null, { valueText: 'haemolysed' }),
    labValue('2026-03-01T08:00:00Z', 12.3, { interpretation: 'H' }),
  ],
});

describe('trend points and domains', () => {
  it('plots numeric values only, on a time axis', () => {
    const points = trendPoints(cea);
    expect(points.map((p) => [p.t, p.value])).toEqual([
      [t('2025-03-01T08:00:00Z'), 1.4],
      [t('2026-03-01T08:00:00Z'), 12.3],
    ]);
    expect(points[1]!.flag?.code).toBe('H');
  });

  it('pads the time domain, a month either side of a single value', () => {
    expect(trendTimeDomain([])).toBeNull();
    const [single] = trendPoints(labSeries('x', { values: [labValue('2026-01-01T00:00:00Z', 1)] }));
    expect(trendTimeDomain([single!])).toEqual([t('2026-01-01T00:00:00Z') - 30 * DAY, t('2026-01-01T00:00:00Z') + 30 * DAY]);
    const [from, to] = trendTimeDomain(trendPoints(cea))!;
    expect(from).toBeLessThan(t('2025-03-01T08:00:00Z'));
    expect(to).toBeGreaterThan(t('2026-03-01T08:00:00Z'));
  });

  it('always includes the reference bounds in the value domain, never below zero for positive quantities', () => {
    const points = trendPoints(labSeries('hb', { values: [labValue('2026-01-01T00:00:00Z', 13), labValue('2026-02-01T00:00:00Z', 14)] }));
    const [low, high] = trendValueDomain(points, 12, 15.5);
    expect(low).toBeLessThanOrEqual(12);
    expect(high).toBeGreaterThanOrEqual(15.5);
    expect(trendValueDomain(trendPoints(cea), null, 5)[0]).toBe(0);
    expect(trendValueDomain([], null, null)).toEqual([0, 1]);
    // Readable bounds: CA 15-3 up to 71.1 → 0–80.
    const ca153 = trendPoints(labSeries('ca', { values: [labValue('2026-01-01T00:00:00Z', 11.9), labValue('2026-02-01T00:00:00Z', 71.1)] }));
    expect(trendValueDomain(ca153, null, 25)).toEqual([0, 80]);
    const negative = trendPoints(labSeries('be', { values: [labValue('2026-01-01T00:00:00Z', -3)] }));
    expect(trendValueDomain(negative, -2, 2)[0]).toBeLessThan(-3);
  });

  it('draws the reference band between the bounds, to the domain edge for a missing bound', () => {
    const model = buildTrendModel(cea, [])!;
    expect(model.referenceBand).toEqual({ y1: model.yDomain[0], y2: 5 });
    expect(buildTrendModel(labSeries('x'), [])!.referenceBand).toBeNull();
    expect(buildTrendModel(labSeries('x', { values: [] }), [])).toBeNull();
  });
});

describe('clipTherapies', () => {
  const domain: [number, number] = [t('2025-01-01T00:00:00Z'), t('2026-01-01T00:00:00Z')];

  it('clips periods to the domain and drops those outside it', () => {
    const bands = clipTherapies(
      [
        therapy('before', '2024-01-01', '2024-06-01'),
        therapy('overlapping', '2024-10-01', '2025-03-01'),
        therapy('inside', '2025-05-01', '2025-06-01'),
        therapy('after', '2026-02-01', '2026-03-01'),
      ],
      domain,
    );
    expect(bands.map((b) => [b.id, b.x1, b.x2])).toEqual([
      ['overlapping', domain[0], t('2025-03-01')],
      ['inside', t('2025-05-01'), t('2025-06-01')],
    ]);
  });

  it('runs an ongoing therapy to the end of the axis, and gives surgery a day', () => {
    const bands = clipTherapies([therapy('letrozole', '2025-10-01', null), therapy('surgery', '2025-04-01', null, { kind: 'surgery' })], domain);
    expect(bands).toEqual([
      { id: 'surgery', kind: 'surgery', label: 'surgery', x1: t('2025-04-01'), x2: t('2025-04-01') + DAY, ongoing: false },
      { id: 'letrozole', kind: 'systemic-therapy', label: 'letrozole', x1: t('2025-10-01'), x2: domain[1], ongoing: true },
    ]);
  });
});

describe('niceStep and mergeSameDaySurgeries', () => {
  it('picks 1/2/2.5/5 × 10^n', () => {
    expect(niceStep(18.96)).toBe(20);
    expect(niceStep(0.3)).toBe(0.5);
    expect(niceStep(2.2)).toBe(2.5);
    expect(niceStep(1)).toBe(1);
    expect(niceStep(0)).toBe(1);
  });

  it('draws one line per day of surgery, naming how many more there were', () => {
    const domain: [number, number] = [t('2025-01-01T00:00:00Z'), t('2026-01-01T00:00:00Z')];
    const bands = clipTherapies(
      [
        therapy('Lumpectomy', '2025-02-01T09:00:00Z', null, { kind: 'surgery' }),
        therapy('Sentinel node biopsy', '2025-02-01T10:00:00Z', null, { kind: 'surgery' }),
        therapy('letrozole', '2025-04-01', '2025-10-01'),
      ],
      domain,
    );
    expect(mergeSameDaySurgeries(bands).map((b) => b.label)).toEqual(['Lumpectomy +1', 'letrozole']);
  });
});

describe('describeTrend', () => {
  const date = (iso: string) => formatDate(iso, 'Europe/Berlin');

  it('says how many values, when, their spread and the latest with its flag and the reference range', () => {
    expect(describeTrend(cea, date)).toBe(
      '2 values from 01 Mar 2025 to 01 Mar 2026, between 1.4 and 12.3 ng/mL; latest 12.3 ng/mL on 01 Mar 2026, high. Reference range ≤ 5 ng/mL.',
    );
  });

  it('handles one value, no range and no numbers', () => {
    const one = labSeries('x', { unit: null, values: [labValue('2026-01-01T08:00:00Z', 3)] });
    expect(describeTrend(one, date)).toBe('1 value on 01 Jan 2026; latest 3 on 01 Jan 2026. No reference range sent.');
    const inRange = { ...one, referenceLow: 1, referenceHigh: 4 };
    expect(describeTrend(inRange, date)).toContain('latest 3 on 01 Jan 2026, within the reference range. Reference range 1–4.');
    const text = labSeries('x', { referenceText: 'negative', values: [labValue('2026-01-01T08:00:00Z', null, { valueText: 'negative' })] });
    expect(describeTrend(text, date)).toBe('No numeric values to plot. Reference range negative.');
  });
});

describe('time ticks', () => {
  it('uses whole months for long series, at most six ticks, at noon UTC', () => {
    const { ticks, unit } = timeTicks([t('2024-11-20T00:00:00Z'), t('2026-03-10T00:00:00Z')]);
    expect(unit).toBe('month');
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (const tick of ticks) expect(new Date(tick).getUTCHours()).toBe(12);
    expect(formatTick(ticks[0]!, 'month', 'Europe/Berlin')).toMatch(/^[A-Z][a-z]{2} 20\d\d$/);
  });

  it('uses days for short series', () => {
    const { ticks, unit } = timeTicks([t('2026-01-01T00:00:00Z'), t('2026-01-20T00:00:00Z')]);
    expect(unit).toBe('day');
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(formatTick(ticks[0]!, 'day', 'America/New_York')).toBe('01 Jan');
  });
});

describe('layoutBandLabels', () => {
  const domain: [number, number] = [0, 1000];
  const band = (id: string, x1: number, label = id) => ({ id, label, x1 });

  it('puts labels that would overprint into the next row', () => {
    const labels = layoutBandLabels([band('surgery', 100, 'Breast-conserving surgery'), band('radiotherapy', 150, 'Whole-breast irradiation'), band('letrozole', 600)], {
      domain,
      plotWidthPx: 500,
    });
    expect(labels.map((l) => [l.id, l.row])).toEqual([
      ['surgery', 0],
      ['radiotherapy', 1],
      ['letrozole', 0],
    ]);
  });

  it('cuts long labels and leaves out what fits nowhere', () => {
    const crowded = ['a', 'b', 'c', 'd'].map((id, i) => band(id, 100 + i, `${id} ${'x'.repeat(40)}`));
    const labels = layoutBandLabels(crowded, { domain, plotWidthPx: 500 });
    expect(labels.map((l) => l.id)).toEqual(['a', 'b', 'c']);
    expect(labels[0]!.text).toHaveLength(28);
    expect(labels[0]!.text.endsWith('…')).toBe(true);
    // Too close to the right edge: left to the caption.
    expect(layoutBandLabels([band('late', 990, 'a long label at the end')], { domain, plotWidthPx: 500 })).toEqual([]);
    expect(layoutBandLabels([band('x', 1)], { domain, plotWidthPx: 0 })).toEqual([]);
  });
});

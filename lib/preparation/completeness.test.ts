import { describe, expect, it } from 'vitest';
import { computeCompleteness, describeAge, missingItems, tnmParts, type CompletenessInput } from './completeness';

const now = new Date('2026-11-27T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

function complete(overrides: Partial<CompletenessInput> = {}): CompletenessInput {
  return {
    entity: 'LUNG',
    newestImaging: { at: daysAgo(10), label: 'CT chest' },
    newestPathologyReport: { at: daysAgo(20), title: 'Histology' },
    tnm: 'cT2a cN2 cM0',
    stageGroup: 'IIIA',
    newestLabAt: new Map([
      ['718-7', daysAgo(3)],
      ['6690-2', daysAgo(3)],
      ['777-3', daysAgo(3)],
      ['2160-0', daysAgo(3)],
    ]),
    models: [{ modelKey: 'lung-os', name: 'Lung OS', newestResult: { status: 'SCORED', at: daysAgo(1) } }],
    reviewsDone: new Set(['RADIOLOGY', 'PATHOLOGY'] as const),
    ...overrides,
  };
}

const item = (input: CompletenessInput, id: string) => computeCompleteness(input, now).items.find((i) => i.id === id)!;

describe('computeCompleteness', () => {
  it('scores a fully prepared case 7/7 and ready', () => {
    const c = computeCompleteness(complete(), now);
    expect(c).toMatchObject({ ok: 7, applicable: 7, score: 1, ready: true });
    expect(missingItems(c)).toEqual([]);
  });

  it('says how old imaging is when it is older than the limit, and accepts it at the limit', () => {
    expect(item(complete({ newestImaging: { at: daysAgo(84), label: 'CT chest' } }), 'imaging')).toMatchObject({ state: 'missing', reason: 'CT chest 12 weeks old (max 8 weeks)' });
    expect(item(complete({ newestImaging: { at: daysAgo(56), label: 'CT chest' } }), 'imaging').state).toBe('ok');
    expect(item(complete({ newestImaging: null }), 'imaging')).toMatchObject({ state: 'missing', reason: 'No imaging on file' });
  });

  it('honours a custom imaging window', () => {
    const c = computeCompleteness(complete({ newestImaging: { at: daysAgo(30), label: 'MRI' } }), now, { imagingMaxAgeWeeks: 4, labMaxAgeDays: 28 });
    expect(c.items[0]).toMatchObject({ state: 'missing', reason: 'MRI 4 weeks old (max 4 weeks)' });
  });

  it('needs a pathology report', () => {
    expect(item(complete({ newestPathologyReport: null }), 'pathology-report').state).toBe('missing');
  });

  it('names each missing staging part', () => {
    expect(item(complete({ tnm: 'cT2a', stageGroup: null }), 'staging')).toMatchObject({ state: 'missing', reason: 'Missing: N, M, stage group' });
    expect(item(complete({ tnm: null, stageGroup: 'IV' }), 'staging').reason).toBe('Missing: T, N, M');
    expect(item(complete({ tnm: 'pT2 pN1a M0', stageGroup: 'IIB' }), 'staging').state).toBe('ok');
  });

  it('reads T, N and M with prefixes and x', () => {
    expect(tnmParts('ypT0 ypN0 cM0')).toEqual({ T: true, N: true, M: true });
    expect(tnmParts('pTis pNx')).toEqual({ T: true, N: true, M: false });
    expect(tnmParts('Tumour 2 cm')).toEqual({ T: false, N: false, M: false });
  });

  it('lists old and missing labs by name; entity decides which', () => {
    const labs = new Map([
      ['718-7', daysAgo(40)],
      ['6690-2', daysAgo(3)],
      ['777-3', daysAgo(3)],
    ]);
    expect(item(complete({ newestLabAt: labs }), 'labs')).toMatchObject({ state: 'missing', reason: 'Haemoglobin 5 weeks old; Creatinine missing' });
    // Breast needs only the blood count.
    expect(item(complete({ entity: 'BREAST', newestLabAt: new Map([['718-7', daysAgo(1)], ['6690-2', daysAgo(1)], ['777-3', daysAgo(1)]]) }), 'labs').state).toBe('ok');
    expect(item(complete({ entity: 'OTHER', newestLabAt: new Map() }), 'labs').state).toBe('not-applicable');
  });

  it('counts decision support only when an active model applies', () => {
    const none = computeCompleteness(complete({ models: [] }), now);
    expect(none.items.find((i) => i.id === 'decision-support')!.state).toBe('not-applicable');
    expect(none).toMatchObject({ ok: 6, applicable: 6, ready: true });
    expect(item(complete({ models: [{ modelKey: 'm', name: 'M', newestResult: null }] }), 'decision-support').reason).toBe('M: not run');
    expect(item(complete({ models: [{ modelKey: 'm', name: 'M', newestResult: { status: 'NOT_SCORED', at: daysAgo(1) } }] }), 'decision-support').state).toBe('missing');
    expect(item(complete({ models: [{ modelKey: 'm', name: 'M', newestResult: { status: 'SCORED_WITH_FLAGS', at: daysAgo(1) } }] }), 'decision-support').state).toBe('ok');
  });

  it('needs both specialist reviews and scores ok / applicable', () => {
    const c = computeCompleteness(complete({ reviewsDone: new Set(['RADIOLOGY'] as const), newestPathologyReport: null }), now);
    expect(c).toMatchObject({ ok: 5, applicable: 7, ready: false });
    expect(c.score).toBeCloseTo(5 / 7);
    expect(missingItems(c)).toEqual(['Pathology report: No pathology report on file', 'Pathology review done: Not marked done yet']);
  });
});

describe('describeAge', () => {
  it('uses days below two weeks and weeks above', () => {
    expect(describeAge(daysAgo(0), now)).toBe('today');
    expect(describeAge(daysAgo(1), now)).toBe('1 day old');
    expect(describeAge(daysAgo(13), now)).toBe('13 days old');
    expect(describeAge(daysAgo(84), now)).toBe('12 weeks old');
  });
});

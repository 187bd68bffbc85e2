import { describe, expect, it } from 'vitest';
import { concordanceCounts, harrellC } from './concordance';
import { kaplanMeier, survivalAt, survivalBefore } from './kaplan-meier';
import { ipcwBrier } from './survival-brier';
import { calibrationSlope, observedExpectedRatio } from './survival-calibration';

// Six subjects; subjects 2 and 3 share time 2 (an event and a censoring).
const time = [1, 2, 2, 4, 5, 6];
const event = [1, 1, 0, 1, 0, 1];
const risk = [0.9, 0.5, 0.7, 0.1, 0.1, 0.3];

describe('harrellC', () => {
  it('counts pairs as worked out by hand (and by R concordance(reverse = TRUE))', () => {
    // Subject 1 (t=1) outranks all five later subjects: 5 concordant.
    // Subject 2 (t=2, event) vs 3 (t=2, censored: comparable) discordant; vs 4, 5, 6 concordant.
    // Subject 4 (t=4) vs 5: tied risk; vs 6: discordant.   → 8 concordant, 2 discordant, 1 tie.
    expect(concordanceCounts(time, event, risk)).toEqual({ concordant: 8, discordant: 2, tiedRisk: 1, comparable: 11 });
    expect(harrellC(time, event, risk)).toBeCloseTo(8.5 / 11, 12); // R: 0.772727272727273
  });

  it('does not compare two events at the same time', () => {
    expect(concordanceCounts([3, 3], [1, 1], [1, 2]).comparable).toBe(0);
  });
});

describe('kaplanMeier', () => {
  it('matches the product-limit estimate by hand (and R survfit)', () => {
    const km = kaplanMeier(time, event);
    expect(km.times).toEqual([1, 2, 4, 6]);
    expect(km.values[0]).toBeCloseTo(5 / 6, 12);
    expect(km.values[1]).toBeCloseTo(5 / 6 * 4 / 5, 12);
    expect(km.values[2]).toBeCloseTo(5 / 6 * 4 / 5 * 2 / 3, 12);
    expect(km.values[3]).toBe(0);
    expect(survivalAt(km, 3)).toBeCloseTo(2 / 3, 12);
    expect(survivalBefore(km, 2)).toBeCloseTo(5 / 6, 12);
  });

  it('reverse: censorings are the events and an event at a censoring time comes first', () => {
    const g = kaplanMeier(time, event, { reverse: true });
    // censored at 2 (5 at risk, the event at 2 still counted at risk) and at 5 (2 at risk)
    expect(g.times).toEqual([2, 5]);
    expect(g.values[0]).toBeCloseTo(4 / 5, 12);
    expect(g.values[1]).toBeCloseTo(4 / 5 / 2, 12);
  });
});

describe('ipcwBrier', () => {
  it('weights events by 1/G(T−) and survivors by 1/G(t), by hand', () => {
    const s = [0.2, 0.4, 0.6, 0.8, 0.9, 0.5];
    // horizon 4: events at 1, 2, 4 (G(1−)=1, G(2−)=1, G(4−)=0.8); censored at 2 → 0;
    // alive past 4: subjects 5, 6 with G(4) = 0.8
    const expected = (0.04 / 1 + 0.16 / 1 + 0.64 / 0.8 + 0.01 / 0.8 + 0.25 / 0.8) / 6;
    expect(ipcwBrier(time, event, s, 4)).toBeCloseTo(expected, 12);
  });
});

describe('calibration', () => {
  it('O/E compares KM risk with the mean predicted risk', () => {
    // KM(3) = 2/3 → observed risk 1/3; predicted survival 0.5 for all → expected 1/2
    expect(observedExpectedRatio(time, event, Array(6).fill(0.5), 3)).toBeCloseTo(2 / 3, 12);
  });

  it('calibration slope is the Cox coefficient of the linear predictor', () => {
    // Test data 1 of validate.Rnw with the linear predictor 2x: slope = β̂/2
    const t1 = [1, 1, 6, 6, 8, 9];
    const e1 = [1, 0, 1, 1, 0, 1];
    const lp = [2, 2, 2, 0, 0, 0];
    expect(calibrationSlope(t1, e1, lp)).toBeCloseTo(Math.log((3 + Math.sqrt(33)) / 2) / 2, 9);
  });
});

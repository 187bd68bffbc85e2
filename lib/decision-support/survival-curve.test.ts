import { describe, expect, it } from 'vitest';
import { describeSurvival, survivalCurvePoints, survivalTicks } from './survival-curve';

describe('survivalCurvePoints', () => {
  it('starts at month 0 with survival 1, then one point per horizon in month order', () => {
    const points = survivalCurvePoints([60, 12, 24], [0.6487, 0.9393, 0.8463]);
    expect(points).toEqual([
      { month: 0, survival: 1, predicted: false },
      { month: 12, survival: 0.9393, predicted: true },
      { month: 24, survival: 0.8463, predicted: true },
      { month: 60, survival: 0.6487, predicted: true },
    ]);
    expect(survivalTicks(points!)).toEqual([0, 12, 24, 60]);
  });

  it('clamps to 0..1 (float32 can overshoot) and refuses outputs that do not fit the horizons', () => {
    expect(survivalCurvePoints([12], [1.0000001])![1]!.survival).toBe(1);
    expect(survivalCurvePoints([12, 24], [0.9])).toBeNull();
    expect(survivalCurvePoints(null, [0.9])).toBeNull();
    expect(survivalCurvePoints([12], undefined)).toBeNull();
    expect(survivalCurvePoints([12], [Number.NaN])).toBeNull();
    expect(survivalCurvePoints([], [])).toBeNull();
  });
});

describe('describeSurvival', () => {
  it('says every predicted value in words, for the caption and screen readers', () => {
    expect(describeSurvival(survivalCurvePoints([12, 24, 60], [0.9393, 0.8463, 0.6487])!)).toBe(
      'Predicted probability of being event-free: 93.9 % at 12 months, 84.6 % at 24 months, 64.9 % at 60 months.',
    );
  });
});

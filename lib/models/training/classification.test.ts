import { describe, expect, it } from 'vitest';
import { auc, brierScore, thresholdMetrics } from './classification-metrics';
import { fitLogistic, predictLogistic } from './logistic-regression';

describe('fitLogistic', () => {
  it('one binary covariate: the MLE is the log-odds of each group (closed form)', () => {
    // x = 0: 1 of 4 positive → b0 = ln(1/3); x = 1: 3 of 4 → b0 + b1 = ln 3
    const x = [[0], [0], [0], [0], [1], [1], [1], [1]];
    const y = [1, 0, 0, 0, 1, 1, 1, 0];
    const fit = fitLogistic(x, y);
    expect(fit.intercept).toBeCloseTo(Math.log(1 / 3), 10);
    expect(fit.coefficients[0]).toBeCloseTo(2 * Math.log(3), 10);
    expect(predictLogistic(fit, [1])).toBeCloseTo(0.75, 10);
  });

  it('an L2 penalty shrinks the slope and the gradient of the penalized objective is 0', () => {
    const x = [[-2], [-1], [-0.5], [0.5], [1], [2], [0], [1.5]];
    const y = [0, 0, 1, 0, 1, 1, 0, 1];
    const plain = fitLogistic(x, y);
    const ridge = fitLogistic(x, y, { l2: 1 });
    expect(Math.abs(ridge.coefficients[0]!)).toBeLessThan(Math.abs(plain.coefficients[0]!));
    // Stationarity: Σ (y − p)·x = λβ and Σ (y − p) = 0
    let g0 = 0;
    let g1 = 0;
    x.forEach(([v], i) => {
      const r = y[i]! - predictLogistic(ridge, [v!]);
      g0 += r;
      g1 += r * v!;
    });
    expect(g0).toBeCloseTo(0, 9);
    expect(g1).toBeCloseTo(ridge.coefficients[0]!, 9);
  });

  it('refuses to report a separable fit without a penalty', () => {
    expect(() => fitLogistic([[0], [1], [2], [3]], [0, 0, 1, 1], { maxIterations: 30 })).toThrow(/converge/);
  });
});

describe('classification metrics', () => {
  const y = [1, 1, 0, 0, 1];
  const p = [0.9, 0.4, 0.4, 0.2, 0.6];

  it('AUC counts positive/negative pairs, ties ½', () => {
    // positives .9,.4,.6 vs negatives .4,.2: (1+1) + (.5+1) + (1+1) = 5.5 of 6
    expect(auc(y, p)).toBeCloseTo(5.5 / 6, 12);
  });

  it('threshold metrics and Brier score', () => {
    expect(thresholdMetrics(y, p, 0.5)).toEqual({ accuracy: 4 / 5, sensitivity: 2 / 3, specificity: 1 });
    expect(brierScore(y, p)).toBeCloseTo((0.01 + 0.36 + 0.16 + 0.04 + 0.16) / 5, 12);
  });
});

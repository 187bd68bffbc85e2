import { describe, expect, it } from 'vitest';
import { breslowCumulativeHazard, stepAt } from './baseline-hazard';
import { coxDerivatives, fitCox } from './cox-regression';

// "Test data 1" of Therneau's validation vignette (survival package, vignettes/validate.Rnw):
// one tied death time, a death and a censoring at the same time, a lone death, a lone censoring.
const test1 = {
  time: [1, 1, 6, 6, 8, 9],
  event: [1, 0, 1, 1, 0, 1],
  x: [[1], [1], [1], [0], [0], [0]],
};

describe('fitCox', () => {
  it('Breslow ties: β̂ solves r² − 3r − 6 = 0 (closed form, r = e^β)', () => {
    const fit = fitCox(test1, { ties: 'breslow' });
    expect(fit.beta[0]).toBeCloseTo(Math.log((3 + Math.sqrt(33)) / 2), 10);
  });

  it('Breslow log-likelihood and derivatives at β = 0 match the closed forms', () => {
    // LPL = 2β − ln(3r + 3) − 2 ln(r + 3); U = (6 + 3r − r²)/((r+1)(r+3)); H = r/(r+1)² + 6r/(r+3)²
    const d = coxDerivatives(test1, [0], 'breslow');
    expect(d.logLik).toBeCloseTo(-Math.log(6) - 2 * Math.log(4), 12);
    expect(d.score[0]).toBeCloseTo(8 / 8, 12);
    expect(d.information[0]![0]).toBeCloseTo(1 / 4 + 6 / 16, 12);
  });

  it('Efron ties: β̂, log-likelihood and SE equal R coxph(ties = "efron")', () => {
    const fit = fitCox(test1, { ties: 'efron' });
    // R 4.2.2, survival 3.5-3, eps = 1e-12
    expect(fit.beta[0]).toBeCloseTo(1.6768574855929, 9);
    expect(fit.logLikNull).toBeCloseTo(-4.27666611901606, 10);
    expect(fit.logLik).toBeCloseTo(-3.35897484026335, 10);
    expect(fit.se[0]).toBeCloseTo(1.27761557627883, 8);
  });

  it('is unchanged by shifting a covariate (centring is internal)', () => {
    const shifted = { ...test1, x: test1.x.map(([v]) => [v! + 100]) };
    expect(fitCox(shifted, { ties: 'efron' }).beta[0]).toBeCloseTo(fitCox(test1, { ties: 'efron' }).beta[0]!, 9);
  });
});

describe('breslowCumulativeHazard', () => {
  it('equals R basehaz(centered = TRUE) on test data 1 with x recoded as 2x + 0.5', () => {
    // R does not centre a 0/1 covariate (fit$means is 0), so the check uses a recoded x,
    // whose mean R does use: 1.5.
    const recoded = { ...test1, x: test1.x.map(([v]) => [2 * v! + 0.5]) };
    const fit = fitCox(recoded, { ties: 'breslow' });
    const h = breslowCumulativeHazard(recoded, fit.beta, [1.5]);
    expect(h.times).toEqual([1, 6, 9]);
    expect(stepAt(h, 0.5)).toBe(0);
    expect(stepAt(h, 1)).toBeCloseTo(0.129740045955487, 10);
    expect(stepAt(h, 8)).toBeCloseTo(0.697000025766712, 10);
    expect(stepAt(h, 9)).toBeCloseTo(2.788000103066671, 10);
  });

  it('at x = 0 it is Σ d/Σ r by hand: 1/(3r+3), + 2/(r+3), + 1', () => {
    const fit = fitCox(test1, { ties: 'breslow' });
    const r = Math.exp(fit.beta[0]!);
    const h = breslowCumulativeHazard(test1, fit.beta, [0]);
    expect(h.values[0]).toBeCloseTo(1 / (3 * r + 3), 12);
    expect(h.values[1]).toBeCloseTo(1 / (3 * r + 3) + 2 / (r + 3), 12);
    expect(h.values[2]).toBeCloseTo(1 / (3 * r + 3) + 2 / (r + 3) + 1, 12);
  });
});

// Logistic regression by Newton–Raphson (= IRLS), optionally with an L2 (ridge) penalty on
// the slopes (never on the intercept). Objective maximized:
//   ℓ(b0, β) − (λ/2)·‖β‖²,   ℓ = Σ y·η − ln(1 + e^η),   η = b0 + x·β
// With standardized inputs and λ = 1 this is scikit-learn's LogisticRegression(C=1) objective.
import { dot, invert, matVec, zeros } from './linear-algebra';

export type LogisticFit = {
  intercept: number;
  coefficients: number[];
  /** Penalized log-likelihood at the solution. */
  objective: number;
  iterations: number;
};

export function sigmoid(eta: number): number {
  return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
}

/** ln(1 + e^η) without overflow. */
function log1pExp(eta: number): number {
  return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
}

export function fitLogistic(
  x: readonly (readonly number[])[],
  y: readonly number[],
  options: { l2?: number; maxIterations?: number; tolerance?: number } = {},
): LogisticFit {
  const l2 = options.l2 ?? 0;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-10;
  const p = x[0]?.length ?? 0;
  // Parameter vector θ = (b0, β1..βp).
  let theta = new Array<number>(p + 1).fill(0);

  const objective = (t: readonly number[]) => {
    let ll = 0;
    x.forEach((row, i) => {
      const eta = t[0]! + dot(row, t.slice(1));
      ll += y[i]! * eta - log1pExp(eta);
    });
    return ll - (l2 / 2) * t.slice(1).reduce((s, b) => s + b * b, 0);
  };

  let current = objective(theta);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const gradient = new Array<number>(p + 1).fill(0);
    const hessian = zeros(p + 1, p + 1);
    x.forEach((row, i) => {
      const xi = [1, ...row];
      const prob = sigmoid(dot(xi, theta));
      const w = prob * (1 - prob);
      for (let a = 0; a <= p; a++) {
        gradient[a]! += (y[i]! - prob) * xi[a]!;
        for (let b = 0; b <= p; b++) hessian[a]![b]! += w * xi[a]! * xi[b]!;
      }
    });
    for (let a = 1; a <= p; a++) {
      gradient[a]! -= l2 * theta[a]!;
      hessian[a]![a]! += l2;
    }
    const step = matVec(invert(hessian), gradient);
    // Step halving keeps the (concave) objective increasing if a full step overshoots.
    let scale = 1;
    let next = theta.map((t, a) => t + step[a]!);
    let value = objective(next);
    while (value < current - 1e-12 && scale > 1e-8) {
      scale /= 2;
      next = theta.map((t, a) => t + scale * step[a]!);
      value = objective(next);
    }
    const maxStep = Math.max(...step.map((s) => Math.abs(s * scale)));
    theta = next;
    current = value;
    // Converged only when the step itself is negligible: on separable data the objective flattens
    // while the coefficients keep running away, so a small improvement alone proves nothing.
    if (maxStep < tolerance) {
      return { intercept: theta[0]!, coefficients: theta.slice(1), objective: current, iterations: iteration };
    }
  }
  throw new Error(`logistic regression did not converge in ${maxIterations} iterations (separable data without a penalty?)`);
}

export function predictLogistic(fit: Pick<LogisticFit, 'intercept' | 'coefficients'>, row: readonly number[]): number {
  return sigmoid(fit.intercept + dot(row, fit.coefficients));
}

// Cox proportional-hazards regression by Newton–Raphson on the partial likelihood, with the
// Breslow or the Efron approximation for tied event times (R's coxph: ties = "breslow" |
// "efron"). Covariates are centred internally (β is unchanged by centring; exp() stays small).
// Subjects censored at an event time are in that time's risk set (the usual convention).
import { invert, matVec, zeros, type Matrix } from './linear-algebra';
import { columnMeans } from './standardize';

export type Ties = 'breslow' | 'efron';

export type SurvivalData = {
  /** Row-major design, one row per subject. */
  x: readonly (readonly number[])[];
  time: readonly number[];
  /** 1 = event, 0 = censored. */
  event: readonly number[];
};

export type CoxFit = {
  beta: number[];
  /** Standard errors from the inverse information matrix at β̂. */
  se: number[];
  logLik: number;
  logLikNull: number;
  iterations: number;
  ties: Ties;
};

type Derivatives = { logLik: number; score: number[]; information: Matrix };

/** Centred covariates and the subjects grouped by time, latest first; computed once per fit. */
type Prepared = { xc: number[][]; groups: { atTime: number[]; deaths: number[] }[]; p: number };

function prepare(data: SurvivalData): Prepared {
  const n = data.time.length;
  const means = columnMeans(data.x);
  const xc = data.x.map((row) => row.map((v, j) => v - means[j]!));
  // Descending time: the risk set at time t is everyone already added when t is reached.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => data.time[b]! - data.time[a]!);
  const groups: Prepared['groups'] = [];
  let k = 0;
  while (k < n) {
    const t = data.time[order[k]!]!;
    const atTime: number[] = [];
    while (k < n && data.time[order[k]!]! === t) atTime.push(order[k++]!);
    groups.push({ atTime, deaths: atTime.filter((i) => data.event[i] === 1) });
  }
  return { xc, groups, p: means.length };
}

/** Partial log-likelihood with its first and (negative) second derivatives at β. */
export function coxDerivatives(data: SurvivalData, beta: readonly number[], ties: Ties): Derivatives {
  return derivatives(prepare(data), beta, ties);
}

function derivatives({ xc, groups, p }: Prepared, beta: readonly number[], ties: Ties): Derivatives {
  const eta = xc.map((row) => row.reduce((s, v, j) => s + v * beta[j]!, 0));
  const risk = eta.map(Math.exp);
  let logLik = 0;
  const score = new Array<number>(p).fill(0);
  const information = zeros(p, p);
  let s0 = 0;
  const s1 = new Array<number>(p).fill(0);
  const s2 = zeros(p, p);
  // Sums over the tied deaths of one time (Efron removes a growing share of them).
  const d1 = new Array<number>(p).fill(0);
  const d2 = zeros(p, p);
  const mean = new Array<number>(p).fill(0);

  for (const { atTime, deaths } of groups) {
    for (const i of atTime) {
      const r = risk[i]!;
      const xi = xc[i]!;
      s0 += r;
      for (let a = 0; a < p; a++) {
        s1[a]! += r * xi[a]!;
        for (let b = 0; b < p; b++) s2[a]![b]! += r * xi[a]! * xi[b]!;
      }
    }
    const d = deaths.length;
    if (d === 0) continue;
    let d0 = 0;
    d1.fill(0);
    for (const row of d2) row.fill(0);
    for (const i of deaths) {
      const r = risk[i]!;
      const xi = xc[i]!;
      logLik += eta[i]!;
      d0 += r;
      for (let a = 0; a < p; a++) {
        score[a]! += xi[a]!;
        d1[a]! += r * xi[a]!;
        for (let b = 0; b < p; b++) d2[a]![b]! += r * xi[a]! * xi[b]!;
      }
    }
    for (let l = 0; l < d; l++) {
      const f = ties === 'efron' ? l / d : 0;
      const denom = s0 - f * d0;
      for (let a = 0; a < p; a++) mean[a] = (s1[a]! - f * d1[a]!) / denom;
      logLik -= Math.log(denom);
      for (let a = 0; a < p; a++) {
        score[a]! -= mean[a]!;
        for (let b = 0; b < p; b++) information[a]![b]! += (s2[a]![b]! - f * d2[a]![b]!) / denom - mean[a]! * mean[b]!;
      }
    }
  }
  return { logLik, score, information };
}

export function fitCox(
  data: SurvivalData,
  options: { ties: Ties; maxIterations?: number; tolerance?: number },
): CoxFit {
  const p = data.x[0]?.length ?? 0;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-10;
  const prepared = prepare(data);
  let beta = new Array<number>(p).fill(0);
  let current = derivatives(prepared, beta, options.ties);
  const logLikNull = current.logLik;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const step = matVec(invert(current.information), current.score);
    let scale = 1;
    let next = beta.map((b, j) => b + step[j]!);
    let nextDerivatives = derivatives(prepared, next, options.ties);
    // Step halving, as coxph does, when a full Newton step lowers the likelihood.
    while (nextDerivatives.logLik < current.logLik - 1e-12 && scale > 1e-8) {
      scale /= 2;
      next = beta.map((b, j) => b + scale * step[j]!);
      nextDerivatives = derivatives(prepared, next, options.ties);
    }
    const maxStep = Math.max(0, ...step.map((s) => Math.abs(s * scale)));
    beta = next;
    current = nextDerivatives;
    // Converged only when the step itself is negligible (a monotone likelihood, β → ∞, keeps
    // improving by ever smaller amounts and must not pass as converged).
    if (maxStep < tolerance) {
      const variance = invert(current.information);
      return {
        beta,
        se: variance.map((row, j) => Math.sqrt(row[j]!)),
        logLik: current.logLik,
        logLikNull,
        iterations: iteration,
        ties: options.ties,
      };
    }
  }
  throw new Error(`Cox regression did not converge in ${maxIterations} iterations`);
}

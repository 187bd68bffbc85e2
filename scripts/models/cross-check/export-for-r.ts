// Writes what R needs to re-compute the survival models' numbers independently (run by
// cross-check.sh): each cohort's term design, times, events, the TS linear predictor and
// survival, the TS coefficients and baseline, and the TS card metrics.
import { mkdirSync, writeFileSync } from 'node:fs';
import { termRow } from '@/lib/models/terms';
import { fitLung, trainLung } from '../definitions/lung';
import { fitRotterdam, trainRotterdam } from '../definitions/rotterdam';
import { fitWdbc, trainWdbc } from '../definitions/wdbc';
import type { CoxModelFit, SurvivalRows } from '../lib/cox-training';

const out = process.argv[2];
if (!out) throw new Error('usage: export-for-r.ts <output dir>');
mkdirSync(out, { recursive: true });

function writeCohort(file: string, model: CoxModelFit, data: SurvivalRows) {
  const lines = [[...model.terms.map((t) => t.name), 'time', 'event', 'lp', 's1', 's2', 's3'].join(',')];
  data.features.forEach((row, i) => {
    const p = model.predict(row);
    lines.push([...termRow(model.terms, row), data.time[i], data.event[i], p.linearPredictor, ...p.survival].join(','));
  });
  writeFileSync(`${out}/${file}`, `${lines.join('\n')}\n`);
}

function writeModel(prefix: string, model: CoxModelFit, horizons: readonly number[]) {
  const lines = ['name,value'];
  model.terms.forEach((t, k) => lines.push(`beta_${t.name},${t.beta}`, `se_${t.name},${model.fit.se[k]}`, `mean_${t.name},${t.mean}`));
  lines.push(`loglik,${model.fit.logLik}`);
  horizons.forEach((h, k) => lines.push(`H0_${h},${model.baselineCumHazard[k]}`));
  writeFileSync(`${out}/${prefix}-model.csv`, `${lines.join('\n')}\n`);
}

function writeMetrics(prefix: string, metrics: { name: string; cohort: string; value: number }[]) {
  const lines = ['name,cohort,value', ...metrics.map((m) => `"${m.name}","${m.cohort}",${m.value}`)];
  writeFileSync(`${out}/${prefix}-card-metrics.csv`, `${lines.join('\n')}\n`);
}

const rotterdam = fitRotterdam();
const rotterdamCard = trainRotterdam().card;
writeModel('rotterdam', rotterdam.model, rotterdamCard.horizonsMonths!);
writeCohort('rotterdam-train.csv', rotterdam.model, rotterdam.train);
writeCohort('rotterdam-heldout.csv', rotterdam.model, rotterdam.heldOut);
writeCohort('gbsg.csv', rotterdam.model, rotterdam.gbsg);
writeMetrics('rotterdam', rotterdamCard.metrics);

const lung = fitLung();
const lungCard = trainLung().card;
writeModel('lung', lung.model, lungCard.horizonsMonths!);
writeCohort('lung.csv', lung.model, lung.data);
writeMetrics('lung', lungCard.metrics);
// WDBC: the standardized design of both parts, for scikit-learn (wdbc-sklearn.py).
const wdbc = fitWdbc();
for (const [file, indices] of [['wdbc-train.csv', wdbc.split.train], ['wdbc-heldout.csv', wdbc.split.heldOut]] as const) {
  const lines = [[...Array.from({ length: 10 }, (_, j) => `z${j}`), 'y'].join(',')];
  for (const i of indices) lines.push([...wdbc.standardize(wdbc.x[i]!), wdbc.y[i]].join(','));
  writeFileSync(`${out}/${file}`, `${lines.join('\n')}\n`);
}
writeFileSync(`${out}/wdbc-model.csv`, `name,value\nintercept,${wdbc.fit.intercept}\n${wdbc.fit.coefficients.map((b, j) => `beta${j},${b}`).join('\n')}\n`);
writeMetrics('wdbc', trainWdbc().card.metrics);
console.log(`wrote the cross-check inputs to ${out}`);

// Scores the report-fact extractors against the labelled sentences and times them.
//
//   npm run eval:report-facts            (= tsx scripts/eval-report-facts.ts)
//   npm run eval:report-facts -- --misses   also list every sentence the rules got wrong
//
// Exits 1 when the micro-averaged precision or recall falls below 0.9, so CI can run it.
import { parseArgs } from 'node:util';
import type { DiagnosticReport } from '@medplum/fhirtypes';
import { generateDemoWorld } from '../lib/demo-world';
import { extractReportFacts, FACT_KINDS } from '../lib/report-facts';
import { evaluateExtractor, type Score } from '../lib/report-facts/evaluate';
import { LABELLED_SENTENCES } from '../lib/report-facts/labelled-sentences';

const THRESHOLD = 0.9;
const { values: args } = parseArgs({ options: { misses: { type: 'boolean', default: false } } });

const evaluation = evaluateExtractor(LABELLED_SENTENCES);
const pct = (x: number | null) => (x === null ? '     –' : `${(x * 100).toFixed(1)}%`.padStart(6));
const row = (name: string, s: Score) => `${name.padEnd(12)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}   ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}`;

const facts = LABELLED_SENTENCES.reduce((n, s) => n + s.facts.length, 0);
const byAssertion = (a: string) => LABELLED_SENTENCES.reduce((n, s) => n + s.facts.filter((f) => f.assertion === a).length, 0);
console.log(`Labelled set: ${LABELLED_SENTENCES.length} sentences, ${facts} expected facts (${byAssertion('negated')} negated, ${byAssertion('possible')} possible), ${LABELLED_SENTENCES.filter((s) => s.facts.length === 0).length} sentences without facts\n`);
console.log('kind           TP   FP   FN   precision  recall      F1');
for (const kind of FACT_KINDS) console.log(row(kind, evaluation.perKind[kind]));
console.log('─'.repeat(58));
console.log(row('micro', evaluation.micro));
console.log(`\nAssertion accuracy on facts found with the right kind and value: ${evaluation.assertion.correct}/${evaluation.assertion.located} (${pct(evaluation.assertion.accuracy).trim()})`);

const known = evaluation.misses.filter((m) => LABELLED_SENTENCES.find((s) => s.id === m.id)?.limit);
console.log(`Sentences with an error: ${evaluation.misses.length} (${known.length} of them known limits: ${known.map((m) => m.id).join(', ') || 'none'})`);
if (args.misses) {
  for (const m of evaluation.misses) {
    console.log(`\n  ${m.id}: ${m.text}`);
    for (const e of m.missing) console.log(`    missed      ${e.kind} ${e.label ?? ''} "${e.value}" ${e.assertion}`);
    for (const x of m.unexpected) console.log(`    unexpected  ${x.kind} ${x.label} "${x.value}" ${x.assertion} (${x.rule})`);
    for (const w of m.wrongAssertion) console.log(`    assertion   ${w.expected.kind} "${w.expected.value}": expected ${w.expected.assertion}, found ${w.found}`);
  }
}

// ── timing ──
/** Mean, median and 95th percentile, in ms, of one extraction per input (each timed `repeat` times, after a warm-up). */
function time(inputs: readonly string[], repeat: number): { mean: number; median: number; p95: number } {
  for (let i = 0; i < 20; i++) for (const text of inputs) extractReportFacts(text);
  const ms: number[] = [];
  for (const text of inputs) {
    for (let r = 0; r < repeat; r++) {
      const start = performance.now();
      extractReportFacts(text);
      ms.push(performance.now() - start);
    }
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(ms.length * q))]!;
  return { mean: ms.reduce((a, b) => a + b, 0) / ms.length, median: at(0.5), p95: at(0.95) };
}

const sentences = LABELLED_SENTENCES.map((s) => s.text);
const longReport = sentences.join('\n');
const world = generateDemoWorld({ seed: 20261115, referenceDate: new Date('2026-11-15T00:00:00Z'), patients: 12 });
const demoReports = world.patients.flatMap((p) =>
  (p.bundle.entry ?? [])
    .map((e) => e.resource)
    .filter((r): r is DiagnosticReport => r?.resourceType === 'DiagnosticReport')
    .map((r) => Buffer.from(r.presentedForm?.[0]?.data ?? '', 'base64').toString('utf8')),
);
const avgChars = Math.round(demoReports.reduce((n, t) => n + t.length, 0) / demoReports.length);

const ms = (x: number) => `${x.toFixed(3)} ms`;
const perSentence = time(sentences, 20);
const perDemo = time(demoReports, 10);
const perLong = time([longReport], 200);
// Wall-clock time on whatever else the machine is doing: the mean carries the
// garbage-collection pauses, the median is the usual case.
const line = (name: string, t: { mean: number; median: number; p95: number }) => `${name.padEnd(46)} ${ms(t.mean).padStart(10)} ${ms(t.median).padStart(10)} ${ms(t.p95).padStart(10)}`;
console.log(`\n${'Time per extraction'.padEnd(46)} ${'mean'.padStart(10)} ${'median'.padStart(10)} ${'p95'.padStart(10)}`);
console.log(line(`one labelled sentence (${sentences.length})`, perSentence));
console.log(line(`one demo-world report (${demoReports.length}, ~${avgChars} chars)`, perDemo));
console.log(line(`whole set as one report (${longReport.length} chars)`, perLong));

// The long report must read like its sentences: a splitter or scope bug shows up here.
const separately = sentences.reduce((n, text) => n + extractReportFacts(text).length, 0);
const together = extractReportFacts(longReport).length;
console.log(`\nFacts from the sentences one by one: ${separately}; from the same sentences as one report: ${together}`);

const { precision, recall } = evaluation.micro;
if ((precision ?? 0) < THRESHOLD || (recall ?? 0) < THRESHOLD || separately !== together) {
  console.error(`\nFAIL: micro precision ${pct(precision).trim()}, recall ${pct(recall).trim()} (both must be ≥ ${THRESHOLD * 100}%)${separately !== together ? '; the long report differs from its sentences' : ''}`);
  process.exit(1);
}
console.log(`\nOK: micro precision and recall ≥ ${THRESHOLD * 100}%`);

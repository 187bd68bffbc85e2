// Scores an extractor against the labelled sentences. A fact matches when kind,
// value and assertion are equal (and the label, when the expectation names one).
// A fact found with the right value but the wrong assertion counts as both a false
// positive and a false negative, and shows up in the assertion accuracy.
import { extractReportFacts } from './extract-report-facts';
import type { ExpectedFact, LabelledSentence } from './labelled-sentences';
import { FACT_KINDS, type ExtractedFact, type FactKind } from './types';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score extends Counts {
  /** null when there is nothing to divide by (no fact of the kind found, or expected). */
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface Miss {
  id: string;
  text: string;
  missing: ExpectedFact[];
  unexpected: Pick<ExtractedFact, 'kind' | 'label' | 'value' | 'assertion' | 'rule'>[];
  wrongAssertion: { expected: ExpectedFact; found: ExtractedFact['assertion'] }[];
}

export interface Evaluation {
  sentences: number;
  perKind: Record<FactKind, Score>;
  micro: Score;
  /** Of the facts found with the right kind and value, how many had the right assertion. */
  assertion: { located: number; correct: number; accuracy: number | null };
  misses: Miss[];
}

export function evaluateExtractor(set: readonly LabelledSentence[], extract: (text: string) => ExtractedFact[] = extractReportFacts): Evaluation {
  const counts = Object.fromEntries(FACT_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<FactKind, Counts>;
  let located = 0;
  let correct = 0;
  const misses: Miss[] = [];

  for (const sentence of set) {
    const found = extract(sentence.text);
    const used = new Set<number>();
    const pending: ExpectedFact[] = [];
    for (const e of sentence.facts) {
      const i = found.findIndex((x, j) => !used.has(j) && same(e, x) && x.assertion === e.assertion);
      if (i < 0) pending.push(e);
      else {
        used.add(i);
        counts[e.kind].tp++;
        located++;
        correct++;
      }
    }
    const miss: Miss = { id: sentence.id, text: sentence.text, missing: [], unexpected: [], wrongAssertion: [] };
    for (const e of pending) {
      const i = found.findIndex((x, j) => !used.has(j) && same(e, x));
      if (i >= 0) {
        used.add(i);
        located++;
        miss.wrongAssertion.push({ expected: e, found: found[i]!.assertion });
        counts[e.kind].fp++;
      } else miss.missing.push(e);
      counts[e.kind].fn++;
    }
    found.forEach((x, j) => {
      if (used.has(j)) return;
      counts[x.kind].fp++;
      miss.unexpected.push({ kind: x.kind, label: x.label, value: x.value, assertion: x.assertion, rule: x.rule });
    });
    if (miss.missing.length + miss.unexpected.length + miss.wrongAssertion.length > 0) misses.push(miss);
  }

  const total = Object.values(counts).reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return {
    sentences: set.length,
    perKind: Object.fromEntries(FACT_KINDS.map((k) => [k, score(counts[k])])) as Record<FactKind, Score>,
    micro: score(total),
    assertion: { located, correct, accuracy: located ? correct / located : null },
    misses,
  };
}

function same(e: ExpectedFact, x: ExtractedFact): boolean {
  return e.kind === x.kind && e.value === x.value && (e.label === undefined || e.label === x.label);
}

function score(c: Counts): Score {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : null;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : null;
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null;
  return { ...c, precision, recall, f1 };
}

// Shared by this folder's tests: what a clinician would see for each fact.
import { extractReportFacts } from './extract-report-facts';
import type { FactKind } from './types';

export interface SeenFact {
  kind: FactKind;
  label: string;
  value: string;
  assertion: string;
  /** text.slice(span) — the evidence shown beside the value. */
  evidence: string;
  /** text.slice(cue.span), or null. */
  cue: string | null;
  rule: string;
}

export function read(text: string, kind?: FactKind): SeenFact[] {
  return extractReportFacts(text)
    .filter((f) => kind === undefined || f.kind === kind)
    .map((f) => ({
      kind: f.kind,
      label: f.label,
      value: f.value,
      assertion: f.assertion,
      evidence: text.slice(f.span.start, f.span.end),
      cue: f.cue ? text.slice(f.cue.span.start, f.cue.span.end) : null,
      rule: f.rule,
    }));
}

/** value + assertion pairs, the shortest way to state an expectation. */
export function values(text: string, kind: FactKind): string[] {
  return read(text, kind).map((f) => (f.assertion === 'present' ? f.value : `${f.value} [${f.assertion}]`));
}

// Runs every family extractor on every sentence, settles overlaps, and lets the
// assertion layer decide present / negated / possible.
import { ASSERTION_POLICY, assertSpan, findCues, PRESENT, type FoundCue } from './assertion';
import { FAMILIES } from './families';
import { splitSentences } from './sentences';
import { FACT_KINDS, type Candidate, type ExtractedFact } from './types';

export function extractReportFacts(text: string): ExtractedFact[] {
  const facts: ExtractedFact[] = [];
  for (const sentence of splitSentences(text)) {
    const candidates: Candidate[] = [];
    for (const family of FAMILIES) candidates.push(...family(sentence));
    if (candidates.length === 0) continue;

    let cues: FoundCue[] | undefined;
    const said = new Set<string>();
    const sentenceSpan = { start: sentence.start, end: sentence.start + sentence.text.length };
    for (const c of withoutOverlaps(candidates)) {
      const { assertion, cue } = c.fixed ?? (ASSERTION_POLICY[c.kind] === 'measurement' ? PRESENT : assertSpan(c.kind, c.span, sentence, (cues ??= findCues(sentence))));
      // The same statement twice in one sentence ("moderately differentiated (G2)") is one fact.
      const statement = `${c.kind}|${c.label}|${c.value}|${assertion}`;
      if (said.has(statement)) continue;
      said.add(statement);
      facts.push({ key: `${c.kind}:${c.span.start}-${c.span.end}:${c.value}`, kind: c.kind, label: c.label, value: c.value, detail: c.detail, assertion, span: c.span, cue, rule: c.rule, sentence: sentenceSpan });
    }
  }
  return facts.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || FACT_KINDS.indexOf(a.kind) - FACT_KINDS.indexOf(b.kind));
}

/**
 * Two rules of one family may read the same words ("pT2 pN1a" and "pN1a"); the
 * longer reading wins. Facts of one kind about different things may share words:
 * "BRCA1/2 wild-type" is two genes, so overlap is judged per kind and label.
 */
function withoutOverlaps(candidates: Candidate[]): Candidate[] {
  const ordered = [...candidates].sort((a, b) => b.span.end - b.span.start - (a.span.end - a.span.start) || a.span.start - b.span.start);
  const kept: Candidate[] = [];
  for (const c of ordered) {
    const clash = kept.some((k) => k.kind === c.kind && k.label === c.label && k.span.start < c.span.end && c.span.start < k.span.end);
    if (!clash) kept.push(c);
  }
  return kept;
}

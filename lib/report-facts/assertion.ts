// The assertion layer: decides whether a candidate fact is present, negated or
// possible from the cues around it in its sentence (NegEx-style: a cue reaches a
// few words forward or backward and stops at a clause boundary).
import { CUES, POST_WINDOW_WORDS, PRE_WINDOW_WORDS, TERMINATORS, type CueDefinition } from './cues';
import type { Assertion, FactKind, Sentence, TextSpan } from './types';

export interface FoundCue {
  definition: CueDefinition;
  text: string;
  /** Absolute offsets in the report. */
  span: TextSpan;
}

/**
 * Which cues a kind listens to.
 * - finding: a mutation or a metastasis is there, absent, or suspected.
 * - classification: a stage, grade or margin can be hedged ("stage IV is likely",
 *   "probably G2") but not negated: its negative lives in the value ("pN0",
 *   "margins free"), and a "no" before it is about a neighbour ("No lymphovascular
 *   invasion, G2, R0").
 * - measurement: a number the report states (receptor %, Ki-67, PD-L1, ECOG, size,
 *   node count). A hedge nearby is about the lesion, not the number ("Probable
 *   adrenal metastasis, 18 mm"), and "HER2 negative" is a value, so these are
 *   always present.
 */
export type AssertionPolicy = 'finding' | 'classification' | 'measurement';

export const ASSERTION_POLICY: Record<FactKind, AssertionPolicy> = {
  MUTATION: 'finding',
  METASTASIS: 'finding',
  TNM: 'classification',
  STAGE_GROUP: 'classification',
  GRADE: 'classification',
  MARGIN: 'classification',
  ER: 'measurement',
  PR: 'measurement',
  HER2: 'measurement',
  KI67: 'measurement',
  PDL1: 'measurement',
  ECOG: 'measurement',
  TUMOR_SIZE: 'measurement',
  NODES: 'measurement',
};

// The regex takes the first alternative that matches at a position, so pseudo cues
// come first ("without change" must beat "without"), then longer patterns ("no
// evidence of" and "no longer visible" before "no"). Word cues must stand alone
// ("no" not in "nodule"), which one look-behind checks for all of them at once; a
// question mark may touch a word.
const SYMBOLS = CUES.filter((c) => c.pattern.startsWith('\\?'));
const WORDS = CUES.filter((c) => !SYMBOLS.includes(c)).sort((a, b) => Number(b.type === 'pseudo') - Number(a.type === 'pseudo') || b.pattern.length - a.pattern.length);
const ORDERED = [...WORDS, ...SYMBOLS];
const CUE_RE = new RegExp(`(?<![A-Za-z])(?:${WORDS.map((c) => `(${c.pattern})`).join('|')})(?![A-Za-z])|${SYMBOLS.map((c) => `(${c.pattern})`).join('|')}`, 'gi');

export function findCues(sentence: Sentence): FoundCue[] {
  const found: FoundCue[] = [];
  CUE_RE.lastIndex = 0;
  for (let m = CUE_RE.exec(sentence.text); m; m = CUE_RE.exec(sentence.text)) {
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    const definition = ORDERED[group - 1];
    if (definition) found.push({ definition, text: m[0], span: { start: sentence.start + m.index, end: sentence.start + m.index + m[0].length } });
    if (m[0].length === 0) CUE_RE.lastIndex++;
  }
  return found;
}

export interface AssertionResult {
  assertion: Assertion;
  cue: { text: string; span: TextSpan } | null;
}

export const PRESENT: AssertionResult = { assertion: 'present', cue: null };

export function assertSpan(kind: FactKind, span: TextSpan, sentence: Sentence, cues: readonly FoundCue[]): AssertionResult {
  const policy = ASSERTION_POLICY[kind];
  if (policy === 'measurement') return PRESENT;
  let best: { cue: FoundCue; distance: number } | null = null;
  for (const cue of cues) {
    const { type, direction } = cue.definition;
    if (type === 'pseudo' || (type === 'negation' && policy !== 'finding')) continue;
    let distance: number;
    if (cue.span.end <= span.start && direction !== 'post') {
      if (!reaches(sentence, cue.span.end, span.start, PRE_WINDOW_WORDS)) continue;
      distance = span.start - cue.span.end;
    } else if (cue.span.start >= span.end && direction !== 'pre') {
      if (!reaches(sentence, span.end, cue.span.start, POST_WINDOW_WORDS)) continue;
      distance = cue.span.start - span.end;
    } else continue;
    // The nearer cue decides; at equal distance negation outranks a hedge.
    if (!best || distance < best.distance || (distance === best.distance && type === 'negation')) best = { cue, distance };
  }
  if (!best) return PRESENT;
  return {
    assertion: best.cue.definition.type === 'negation' ? 'negated' : 'possible',
    cue: { text: best.cue.text, span: best.cue.span },
  };
}

/** True when nothing between two absolute offsets stops a cue and it is within the word window. */
function reaches(sentence: Sentence, from: number, to: number, maxWords: number): boolean {
  const between = sentence.text.slice(from - sentence.start, to - sentence.start);
  let words = 0;
  let inWord = false;
  for (let i = 0; i < between.length; i++) {
    const c = between.charCodeAt(i);
    const wordChar = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (wordChar && !inWord && ++words > maxWords) return false;
    inWord = wordChar;
  }
  return !TERMINATORS.test(between);
}

// The public shape of an extracted fact, and the internal shapes the family
// extractors and the assertion layer pass to each other.

export type FactKind = 'TNM' | 'STAGE_GROUP' | 'ECOG' | 'ER' | 'PR' | 'HER2' | 'KI67' | 'PDL1' | 'GRADE' | 'TUMOR_SIZE' | 'NODES' | 'MARGIN' | 'MUTATION' | 'METASTASIS';

export const FACT_KINDS: readonly FactKind[] = ['TNM', 'STAGE_GROUP', 'ECOG', 'ER', 'PR', 'HER2', 'KI67', 'PDL1', 'GRADE', 'TUMOR_SIZE', 'NODES', 'MARGIN', 'MUTATION', 'METASTASIS'];

export type Assertion = 'present' | 'negated' | 'possible';

/** UTF-16 offsets into the text given to extractReportFacts; text.slice(start, end) is the evidence. */
export interface TextSpan {
  start: number;
  end: number;
}

export type FactDetail = Record<string, string | number | boolean | null>;

export interface ExtractedFact {
  /** Stable id within one text: `${kind}:${span.start}-${span.end}:${value}`; used to store a clinician's confirm/reject. */
  key: string;
  kind: FactKind;
  /** Short label for people, e.g. "TNM", "HER2", "Ki-67", "EGFR". */
  label: string;
  /** Normalized value for display and for the case header, e.g. "pT2 pN1a cM0", "negative (IHC 1+)", "30%". */
  value: string;
  /** Structured parts, e.g. TNM {prefixT:'p', t:'T2', n:'N1a', m:'M0'}; NODES {positive:2, examined:14}. */
  detail: FactDetail;
  assertion: Assertion;
  span: TextSpan;
  /** The cue that made it negated/possible ("no evidence of", "suspicious for", "cannot be excluded"), with its span. */
  cue: { text: string; span: TextSpan } | null;
  /** Which rule fired, e.g. "tnm.compact" — shown to clinicians as the explanation. */
  rule: string;
  /** The sentence the fact was read from, so a viewer can show the evidence in context. */
  sentence: TextSpan;
}

/** One sentence of the report: its text and where it starts in the report. */
export interface Sentence {
  text: string;
  start: number;
}

/**
 * What a family extractor proposes. The assertion layer fills in assertion and cue,
 * unless the rule itself decided them (`fixed`): "EGFR wild-type" is negated by the
 * very words the rule matched, so no cue search should overrule it.
 */
export interface Candidate {
  kind: FactKind;
  label: string;
  value: string;
  detail: FactDetail;
  span: TextSpan;
  rule: string;
  fixed?: { assertion: Assertion; cue: { text: string; span: TextSpan } | null };
}

export type FamilyExtractor = (sentence: Sentence) => Candidate[];

// The facts beside a report: grouped by kind in the order a board reads them,
// each with its assertion in words and the clinicians' current verdict.
import type { FactReviewDto } from '@/lib/schemas/case-screen';

/** The parts of lib/report-facts' ExtractedFact the panel uses (an ExtractedFact is one). */
export interface ReportFact {
  key: string;
  kind: string;
  label: string;
  value: string;
  assertion: 'present' | 'negated' | 'possible';
  span: { start: number; end: number };
  cue: { text: string; span: { start: number; end: number } } | null;
  rule: string;
}

export interface FactGroup<F extends ReportFact = ReportFact> {
  kind: string;
  heading: string;
  /** One entry per distinct finding (label, value, assertion): its first mention in the text. */
  facts: F[];
  /** How often each listed fact's finding is mentioned (findings, impression and conclusion repeat). */
  mentions: Record<string, number>;
}

/**
 * The order of kinds (lib/report-facts FactKind) a board reads: staging and
 * performance status, the tumour's biology, the resection, molecular findings.
 * Kinds not listed follow in the order they first appear in the text.
 */
export const KIND_ORDER: readonly string[] = ['TNM', 'STAGE_GROUP', 'ECOG', 'GRADE', 'ER', 'PR', 'HER2', 'KI67', 'PDL1', 'TUMOR_SIZE', 'NODES', 'MARGIN', 'METASTASIS', 'MUTATION'];

export const KIND_HEADINGS: Readonly<Record<string, string>> = {
  TNM: 'TNM',
  STAGE_GROUP: 'Stage group',
  ECOG: 'ECOG performance status',
  GRADE: 'Grade',
  ER: 'Estrogen receptor',
  PR: 'Progesterone receptor',
  HER2: 'HER2 (IHC / ISH)',
  KI67: 'Ki-67',
  PDL1: 'PD-L1 (TPS / CPS)',
  TUMOR_SIZE: 'Tumor size',
  NODES: 'Lymph nodes',
  MARGIN: 'Margins',
  METASTASIS: 'Metastases',
  MUTATION: 'Driver mutations',
};

const normalise = (kind: string) => kind.trim().toUpperCase().replaceAll(/[\s-]+/g, '_');

/** A heading for a kind: known kinds in words, others as sent ("BRAF_V600E" → "BRAF V600E"). */
export function factKindHeading(kind: string): string {
  return KIND_HEADINGS[normalise(kind)] ?? kind.replaceAll('_', ' ');
}

/**
 * Groups facts by kind (known kinds in reading order, others by first appearance); facts in
 * text order. A finding the report repeats (findings, impression, conclusion) is listed once,
 * at its first mention, with the number of mentions: the board reviews a finding, not each copy.
 */
export function groupFacts<F extends ReportFact>(facts: readonly F[]): FactGroup<F>[] {
  const inTextOrder = facts.toSorted((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const groups = new Map<string, F[]>();
  const mentions: Record<string, number> = {};
  const firstMention = new Map<string, string>();
  for (const fact of inTextOrder) {
    const finding = `${fact.kind}|${fact.label}|${fact.value}|${fact.assertion}`;
    const first = firstMention.get(finding);
    if (first) {
      mentions[first] = (mentions[first] ?? 1) + 1;
      continue;
    }
    firstMention.set(finding, fact.key);
    mentions[fact.key] = 1;
    groups.set(fact.kind, [...(groups.get(fact.kind) ?? []), fact]);
  }
  const firstSeen = [...groups.keys()];
  const rank = (kind: string) => {
    const known = KIND_ORDER.indexOf(normalise(kind));
    return known === -1 ? KIND_ORDER.length + firstSeen.indexOf(kind) : known;
  };
  return firstSeen.toSorted((a, b) => rank(a) - rank(b)).map((kind) => {
    const listed = groups.get(kind) ?? [];
    return { kind, heading: factKindHeading(kind), facts: listed, mentions: Object.fromEntries(listed.map((f) => [f.key, mentions[f.key] ?? 1])) };
  });
}

export const assertionLabels: Record<ReportFact['assertion'], { label: string; explanation: string; tone: 'brand' | 'neutral' | 'warning' }> = {
  present: { label: 'Present', explanation: 'The report states this finding.', tone: 'brand' },
  negated: { label: 'Negated', explanation: 'The report states this finding is absent.', tone: 'neutral' },
  possible: { label: 'Possible', explanation: 'The report raises this finding as possible or suspected.', tone: 'warning' },
};

/**
 * The current verdict per fact key: the server's reviews, overridden by verdicts
 * given in this session (the action returns the saved review). The newer of the
 * two wins, so a reload after a colleague's later verdict shows theirs.
 */
export function verdictsByFact(reviews: readonly FactReviewDto[], local: ReadonlyMap<string, FactReviewDto> = new Map()): Map<string, FactReviewDto> {
  const verdicts = new Map<string, FactReviewDto>();
  for (const review of [...reviews, ...local.values()]) {
    const current = verdicts.get(review.factKey);
    if (!current || Date.parse(review.reviewedAt) >= Date.parse(current.reviewedAt)) verdicts.set(review.factKey, review);
  }
  return verdicts;
}

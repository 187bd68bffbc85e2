// Rule-based, explainable clinical facts from report text (see README.md).
// Pure TypeScript: no database, no server-only import; runs on server and client.
export { extractReportFacts } from './extract-report-facts';
export { splitSentences } from './sentences';
export { FACT_KINDS } from './types';
export type { Assertion, ExtractedFact, FactDetail, FactKind, TextSpan } from './types';

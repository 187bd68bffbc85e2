// Building OperationOutcome issues. Every problem the importer reports is one of
// these, with `expression` naming where in the payload it is (FHIRPath-style, e.g.
// `Bundle.entry[3].resource.subject`), so a sender can find and fix it.
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

export type IssueCode = OperationOutcomeIssue['code'];

export function errorIssue(text: string, expression?: string, code: IssueCode = 'invalid'): OperationOutcomeIssue {
  return { severity: 'error', code, details: { text }, ...(expression ? { expression: [expression] } : {}) };
}

export function warningIssue(text: string, expression?: string, code: IssueCode = 'informational'): OperationOutcomeIssue {
  return { severity: 'warning', code, details: { text }, ...(expression ? { expression: [expression] } : {}) };
}

export function isError(issue: OperationOutcomeIssue): boolean {
  return issue.severity === 'error' || issue.severity === 'fatal';
}

export function operationOutcome(issues: OperationOutcomeIssue[]): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: issues };
}

/** Joins a base path and a relative one: `at('Bundle.entry[2].resource', 'subject')`. */
export function at(base: string, relative?: string): string {
  return relative ? `${base}.${relative}` : base;
}

// FHIR DiagnosticReport (radiology, pathology, molecular…) → Report row.
import type { DiagnosticReport, OperationOutcomeIssue } from '@medplum/fhirtypes';
import { SYSTEM } from './code-systems';
import { clean, codingIn, conceptLabel, toInstant } from './fhir-values';
import { at, errorIssue } from './issues';
import type { ReportRow } from './mapped-rows';
import { presentedFormText } from './presented-form-text';
import { reportType } from './report-type';

export function mapDiagnosticReport(report: DiagnosticReport, path: string): { row?: ReportRow; issues: OperationOutcomeIssue[] } {
  const issues: OperationOutcomeIssue[] = [];
  const loinc = codingIn(report.code, SYSTEM.loinc);
  const { text: formText, issues: formIssues } = presentedFormText(report.presentedForm, path);
  issues.push(...formIssues);
  const conclusion = clean(report.conclusion) ?? null;
  // Without a readable body the conclusion is the report: better than refusing it.
  const text = formText || conclusion;
  if (!text) {
    issues.push(errorIssue('Konsil needs the report text: no text/plain or text/html presentedForm with data, and no conclusion', at(path, 'presentedForm'), 'required'));
  }
  const issuedAt = toInstant(report.issued ?? report.effectiveDateTime ?? report.effectivePeriod?.start);
  if (!issuedAt) issues.push(errorIssue('Konsil needs the date of the report (issued, effectiveDateTime or effectivePeriod.start)', at(path, 'issued'), 'required'));
  if (!text || !issuedAt) return { issues };

  return {
    row: {
      type: reportType(report),
      title: conceptLabel(report.code, loinc) ?? 'Report',
      text,
      conclusion,
      loincCode: clean(loinc?.code) ?? null,
      status: report.status,
      authorName: report.performer?.map((p) => clean(p.display)).find(Boolean) ?? null,
      issuedAt,
    },
    issues,
  };
}

// FHIR Procedure (surgery, biopsy, radiotherapy…) → Procedure row.
import type { OperationOutcomeIssue, Procedure } from '@medplum/fhirtypes';
import { SYSTEM } from './code-systems';
import { clean, codingIn, conceptLabel, firstCoding, toInstant } from './fhir-values';
import { at, errorIssue } from './issues';
import type { ProcedureRow } from './mapped-rows';
import { procedureCategory } from './procedure-category';

export function mapProcedure(procedure: Procedure, path: string): { row?: ProcedureRow; issues: OperationOutcomeIssue[] } {
  const issues: OperationOutcomeIssue[] = [];
  // SNOMED CT first (international), else whatever the sender coded (e.g. German OPS).
  const coding = codingIn(procedure.code, SYSTEM.snomed) ?? firstCoding(procedure.code);
  const display = conceptLabel(procedure.code, coding);
  if (!display) issues.push(errorIssue('Konsil needs to know what was done: Procedure.code has no text, display or code', at(path, 'code'), 'required'));
  const performedStart = toInstant(procedure.performedDateTime ?? procedure.performedPeriod?.start);
  if (!performedStart) {
    issues.push(errorIssue('Konsil needs the date of the procedure (performedDateTime or performedPeriod.start)', at(path, 'performed[x]'), 'required'));
  }
  if (!display || !performedStart) return { issues };
  return {
    row: {
      category: procedureCategory(procedure),
      codeSystem: clean(coding?.system) ?? null,
      code: clean(coding?.code) ?? null,
      display,
      performedStart,
      performedEnd: toInstant(procedure.performedPeriod?.end) ?? null,
      status: procedure.status,
    },
    issues,
  };
}

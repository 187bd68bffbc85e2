// FHIR Condition (mCODE Primary/Secondary Cancer Condition or any other) → Condition row.
import type { Condition, OperationOutcomeIssue } from '@medplum/fhirtypes';
import { ICD10_SYSTEMS, MCODE, SYSTEM } from './code-systems';
import { conditionKind } from './condition-kind';
import { clean, codingIn, conceptLabel, toDateOnly } from './fhir-values';
import { at, errorIssue, warningIssue } from './issues';
import type { ConditionRow } from './mapped-rows';

const MORPHOLOGY = /^\d{4}\/\d$/; // ICD-O-3 morphology with behaviour, e.g. 8140/3
const TOPOGRAPHY = /^C\d{2}(\.\d)?$/; // ICD-O-3 topography, e.g. C34.1

export function mapCondition(condition: Condition, path: string): { row?: ConditionRow; issues: OperationOutcomeIssue[] } {
  const icd10 = codingIn(condition.code, ICD10_SYSTEMS);
  const display = conceptLabel(condition.code, icd10);
  if (!display) return { issues: [errorIssue('Konsil needs the diagnosis: Condition.code has no text, display or code', at(path, 'code'), 'required')] };

  const histology = condition.extension?.find((e) => e.url === MCODE.histologyMorphologyBehavior)?.valueCodeableConcept;
  const morphology = codingIn(histology, SYSTEM.icdO3)?.code?.trim();
  const topography = (condition.bodySite ?? []).map((site) => codingIn(site, SYSTEM.icdO3)?.code?.trim()).find((c) => c && TOPOGRAPHY.test(c));
  const site = condition.bodySite?.[0];

  const icd10Code = clean(icd10?.code) ?? null;
  const icdO3Morphology = morphology && MORPHOLOGY.test(morphology) ? morphology : null;
  const issues: OperationOutcomeIssue[] = [];
  if (histology && !icdO3Morphology) {
    issues.push(warningIssue('The histology is not stored: Konsil keeps it as an ICD-O-3 morphology code with behaviour (e.g. 8140/3)', at(path, 'extension'), 'code-invalid'));
  }
  return {
    row: {
      kind: conditionKind({ profiles: condition.meta?.profile ?? [], icd10Code, icdO3Morphology }),
      icd10Code,
      display,
      icdO3Morphology,
      icdO3Topography: topography ?? null,
      bodySite: site ? (conceptLabel(site) ?? null) : null,
      onsetDate: toDateOnly(condition.onsetDateTime ?? condition.onsetPeriod?.start) ?? null,
      clinicalStatus: clean(condition.clinicalStatus?.coding?.find((c) => c.code)?.code) ?? null,
    },
    issues,
  };
}

// FHIR MedicationStatement (what was given) and MedicationRequest (what was
// ordered) → Medication row. The drug comes from medicationCodeableConcept, or
// from the Medication resource that medicationReference points to (contained, or
// another entry of the same Bundle); ATC is the code Konsil keeps.
import type { CodeableConcept, Medication, MedicationRequest, MedicationStatement, OperationOutcomeIssue, Reference } from '@medplum/fhirtypes';
import { SYSTEM } from './code-systems';
import { clean, codingIn, conceptLabel, toDateOnly } from './fhir-values';
import { at, errorIssue } from './issues';
import type { MedicationRow } from './mapped-rows';

/** Finds the Medication a reference points to in the Bundle (undefined when it is elsewhere). */
export type FindBundledMedication = (reference: string) => Medication | undefined;

export function mapMedication(
  resource: MedicationStatement | MedicationRequest,
  path: string,
  findBundled: FindBundledMedication,
): { row?: MedicationRow; issues: OperationOutcomeIssue[] } {
  const concept = resource.medicationCodeableConcept ?? referencedConcept(resource, resource.medicationReference, findBundled);
  const atc = codingIn(concept, SYSTEM.atc);
  const display = conceptLabel(concept, atc) ?? clean(resource.medicationReference?.display);
  if (!display) {
    return {
      issues: [errorIssue('Konsil needs to know the drug: medication[x] has no code or text, and medicationReference names no Medication in the Bundle', at(path, 'medication[x]'), 'required')],
    };
  }
  const { startDate, endDate } = resource.resourceType === 'MedicationStatement' ? statementDates(resource) : requestDates(resource);
  return {
    row: {
      atcCode: clean(atc?.code) ?? null,
      display,
      // FHIR R4 has no regimen element: Konsil reads its own extension (the demo world and
      // interfaces that map to Konsil set it); otherwise regimens are entered in Konsil.
      regimen: clean(resource.extension?.find((e) => e.url === SYSTEM.konsilRegimenExtension)?.valueString)?.slice(0, 200) ?? null,
      status: resource.status,
      fhirResourceType: resource.resourceType,
      startDate,
      endDate,
    },
    issues: [],
  };
}

function referencedConcept(
  resource: MedicationStatement | MedicationRequest,
  reference: Reference | undefined,
  findBundled: FindBundledMedication,
): CodeableConcept | undefined {
  const target = reference?.reference;
  if (!target) return undefined;
  if (target.startsWith('#')) {
    const contained = resource.contained?.find((c) => c.resourceType === 'Medication' && c.id === target.slice(1));
    return (contained as Medication | undefined)?.code;
  }
  return findBundled(target)?.code;
}

function statementDates(statement: MedicationStatement) {
  return {
    startDate: toDateOnly(statement.effectivePeriod?.start ?? statement.effectiveDateTime) ?? null,
    endDate: toDateOnly(statement.effectivePeriod?.end) ?? null,
  };
}

function requestDates(request: MedicationRequest) {
  const bounds = request.dosageInstruction?.map((d) => d.timing?.repeat?.boundsPeriod).find(Boolean);
  return {
    startDate: toDateOnly(bounds?.start ?? request.authoredOn) ?? null,
    endDate: toDateOnly(bounds?.end) ?? null,
  };
}

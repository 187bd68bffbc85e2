// One FHIR resource → what Konsil stores for it, by resource type.
import type {
  CarePlan,
  Condition,
  DiagnosticReport,
  ImagingStudy,
  MedicationRequest,
  MedicationStatement,
  Observation,
  OperationOutcomeIssue,
  Patient,
  Procedure,
  Reference,
  Resource,
} from '@medplum/fhirtypes';
import type { PlannedClinical, PlannedPatient } from './import-plan';
import { at, errorIssue } from './issues';
import { mapCarePlan, type CarePlanLookups } from './map-care-plan';
import { mapCondition } from './map-condition';
import { mapDiagnosticReport } from './map-diagnostic-report';
import { mapImagingStudy } from './map-imaging-study';
import { mapMedication, type FindBundledMedication } from './map-medication';
import { mapObservation } from './map-observation';
import { mapPatient } from './map-patient';
import { mapProcedure } from './map-procedure';
import type { ClinicalRows, ClinicalTable } from './mapped-rows';
import { fhirSourceSystem, observationIdentity, sourceIdentity } from './source-identity';

/** The resource types Konsil imports; everything else is skipped with a warning. */
export const importedResourceTypes = [
  'Patient',
  'Condition',
  'Observation',
  'DiagnosticReport',
  'Procedure',
  'MedicationStatement',
  'MedicationRequest',
  'ImagingStudy',
  // A board decision (read with the requests and Provenance it references in the same Bundle).
  'CarePlan',
] as const;
export type ImportedResourceType = (typeof importedResourceTypes)[number];

const imported: ReadonlySet<string> = new Set(importedResourceTypes);
export function isImportedResourceType(type: string): type is ImportedResourceType {
  return imported.has(type);
}

export interface MappedResource {
  patient?: PlannedPatient;
  clinical?: PlannedClinical;
  /** The clinical resource's subject, to resolve to a patient. */
  subject?: Reference;
  issues: OperationOutcomeIssue[];
}

export interface MapContext {
  path: string;
  fullUrl?: string;
  findBundledMedication: FindBundledMedication;
  /** What a CarePlan reads from the rest of the Bundle. */
  carePlan: CarePlanLookups;
}

export function mapResource(resource: Resource, context: MapContext): MappedResource {
  const { path } = context;
  if (resource.resourceType === 'Patient') {
    const { mapped, issues } = mapPatient(resource as Patient, path);
    if (!mapped) return { issues };
    return { patient: { ...mapped, sourceSystem: fhirSourceSystem(resource), sourceId: resource.id ?? null }, issues };
  }

  const result = mapClinical(resource, context);
  if (!result) return { issues: [errorIssue(`${resource.resourceType} is not imported`, path, 'not-supported')] };
  const issues = [...result.issues];
  const { identity, formerIdentity } =
    result.table === 'observation' && result.row ? observationIdentity(resource, context.fullUrl, result.row) : { identity: sourceIdentity(resource, context.fullUrl), formerIdentity: undefined };
  if (!identity) {
    issues.push(errorIssue('Konsil cannot recognise this resource on a later import: it has no identifier, no id and no fullUrl', path, 'required'));
  }
  const subject = (resource as { subject?: Reference }).subject;
  if (!subject) issues.push(errorIssue(`Konsil needs the patient: ${resource.resourceType}.subject is missing`, at(path, 'subject'), 'required'));
  if (!result.row || !identity || !subject) return { issues };
  return { clinical: { table: result.table, row: result.row, identity, ...(formerIdentity ? { formerIdentity } : {}) } as PlannedClinical, subject, issues };
}

type ClinicalResult = { [T in ClinicalTable]: { table: T; row?: ClinicalRows[T]; issues: OperationOutcomeIssue[] } }[ClinicalTable];

function mapClinical(resource: Resource, context: MapContext): ClinicalResult | undefined {
  const { path } = context;
  switch (resource.resourceType) {
    case 'Condition':
      return { table: 'condition', ...mapCondition(resource as Condition, path) };
    case 'Observation':
      return { table: 'observation', ...mapObservation(resource as Observation, path) };
    case 'DiagnosticReport':
      return { table: 'report', ...mapDiagnosticReport(resource as DiagnosticReport, path) };
    case 'Procedure':
      return { table: 'procedure', ...mapProcedure(resource as Procedure, path) };
    case 'MedicationStatement':
    case 'MedicationRequest':
      return { table: 'medication', ...mapMedication(resource as MedicationStatement | MedicationRequest, path, context.findBundledMedication) };
    case 'ImagingStudy':
      return { table: 'imagingStudy', ...mapImagingStudy(resource as ImagingStudy, path) };
    case 'CarePlan':
      return { table: 'importedDecision', ...mapCarePlan(resource as CarePlan, path, context.carePlan) };
    default:
      return undefined;
  }
}

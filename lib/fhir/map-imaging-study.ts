// FHIR ImagingStudy → imaging_studies row, keyed by the DICOM Study Instance UID
// (identifier system urn:dicom:uid, value urn:oid:<uid>). The images themselves
// arrive through the DICOM importer, before or after this announcement.
import type { ImagingStudy, OperationOutcomeIssue } from '@medplum/fhirtypes';
import { SYSTEM } from './code-systems';
import { clean, toInstant } from './fhir-values';
import { at, errorIssue } from './issues';
import type { ImagingStudyRow } from './mapped-rows';

const UID = /^[0-9]+(\.[0-9]+)*$/;

export function mapImagingStudy(study: ImagingStudy, path: string): { row?: ImagingStudyRow; issues: OperationOutcomeIssue[] } {
  const index = (study.identifier ?? []).findIndex((i) => i.system === SYSTEM.dicomUid && clean(i.value));
  const raw = index >= 0 ? study.identifier![index]!.value!.trim() : undefined;
  const uid = raw?.replace(/^urn:oid:/, '');
  if (!uid) {
    return { issues: [errorIssue('Konsil needs the Study Instance UID: an identifier with system urn:dicom:uid and value urn:oid:<uid>', at(path, 'identifier'), 'required')] };
  }
  if (!UID.test(uid) || uid.length > 64) {
    return { issues: [errorIssue(`"${raw}" is not a DICOM UID (digits and dots, at most 64 characters)`, at(path, `identifier[${index}].value`), 'value')] };
  }
  const accession = study.identifier?.find((i) => i.type?.coding?.some((c) => c.system === SYSTEM.identifierType && c.code === 'ACSN'));
  const modalities = [...(study.modality ?? []), ...(study.series ?? []).map((s) => s.modality)]
    .map((m) => clean(m?.code))
    .filter((m): m is string => Boolean(m));
  return {
    row: {
      studyInstanceUid: uid,
      accessionNumber: clean(accession?.value) ?? null,
      studyDate: toInstant(study.started) ?? null,
      description: clean(study.description) ?? null,
      modalities: [...new Set(modalities)],
    },
    issues: [],
  };
}

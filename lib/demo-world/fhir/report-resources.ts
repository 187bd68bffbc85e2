// DiagnosticReports with the full text as a text/plain attachment and the
// conclusion as a field, and the ImagingStudy that announces a CT study (its
// Study Instance UID as an urn:dicom:uid identifier) before the images arrive.
import type { DiagnosticReport, ImagingStudy } from '@medplum/fhirtypes';
import { fhirDateTime } from '../dates';
import { BODY_SITE, SYSTEM, loinc } from '../clinical/code-systems';
import type { ReportKind } from '../clinical/story';
import { CT_IMAGE_STORAGE } from '../ct/dicom-writer';
import type { DemoCtSeriesSpec } from '../types';
import { codeable, syntheticMeta } from './transaction-bundle';

const KIND = {
  RADIOLOGY: { category: { system: SYSTEM.v2_0074, code: 'RAD', display: 'Radiology' }, code: loinc('18748-4', 'Diagnostic imaging study') },
  PATHOLOGY: { category: { system: SYSTEM.v2_0074, code: 'PAT', display: 'Pathology (gross & histopath, not surgical)' }, code: loinc('11526-1', 'Pathology study') },
  MOLECULAR: { category: { system: SYSTEM.v2_0074, code: 'GE', display: 'Genetics' }, code: loinc('51969-4', 'Genetic analysis report') },
} as const satisfies Record<ReportKind, unknown>;

export interface ReportResourceInput {
  kind: ReportKind;
  title: string;
  date: Date;
  author: string;
  text: string;
  conclusion: string;
  imagingStudyRef?: string;
}

export function diagnosticReport(r: ReportResourceInput, patientRef: string): DiagnosticReport {
  const kind = KIND[r.kind];
  return {
    resourceType: 'DiagnosticReport',
    meta: syntheticMeta(),
    status: 'final',
    category: [codeable(kind.category)],
    code: { coding: [kind.code], text: r.title },
    subject: { reference: patientRef },
    effectiveDateTime: fhirDateTime(r.date),
    issued: fhirDateTime(new Date(r.date.getTime() + 26 * 3_600_000)),
    resultsInterpreter: [{ display: r.author }],
    ...(r.imagingStudyRef ? { imagingStudy: [{ reference: r.imagingStudyRef }] } : {}),
    conclusion: r.conclusion,
    presentedForm: [{ contentType: 'text/plain; charset=utf-8', language: 'en', title: r.title, data: Buffer.from(r.text, 'utf8').toString('base64') }],
  };
}

const dicomDateTime = (date: string, time: string) => new Date(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}Z`);

export function imagingStudy(spec: DemoCtSeriesSpec, patientRef: string, conditionRef: string): ImagingStudy {
  const ct = { system: SYSTEM.dicomDcm, code: 'CT', display: 'Computed Tomography' };
  const started = fhirDateTime(dicomDateTime(spec.studyDate, spec.studyTime));
  return {
    resourceType: 'ImagingStudy',
    meta: syntheticMeta(),
    identifier: [
      { system: SYSTEM.dicomUid, value: `urn:oid:${spec.studyInstanceUid}` },
      { type: codeable({ system: SYSTEM.v2_0203, code: 'ACSN', display: 'Accession ID' }), value: spec.accessionNumber },
    ],
    status: 'available',
    modality: [ct],
    subject: { reference: patientRef },
    started,
    numberOfSeries: 1,
    numberOfInstances: spec.slices,
    description: spec.studyDescription,
    reasonReference: [{ reference: conditionRef }],
    series: [{
      uid: spec.seriesInstanceUid,
      number: spec.seriesNumber,
      modality: ct,
      description: spec.seriesDescription,
      numberOfInstances: spec.slices,
      bodySite: BODY_SITE.chestAbdomenPelvis,
      started,
      instance: spec.sopInstanceUids.map((uid, i) => ({ uid, sopClass: { system: SYSTEM.rfc3986, code: `urn:oid:${CT_IMAGE_STORAGE}` }, number: i + 1 })),
    }],
  };
}

// Assembles one patient's transaction bundle from the story and what was derived
// from it (labs, CT specs, report texts). Keys name each resource so its id is
// stable across runs (see TransactionBundleBuilder).
import type { Bundle } from '@medplum/fhirtypes';
import type { LabResult } from '../clinical/lab-series';
import type { Story } from '../clinical/story';
import type { DemoCtSeriesSpec } from '../types';
import { primaryCancerCondition, secondaryCancerCondition } from './cancer-conditions';
import { labObservation } from './lab-observations';
import { measurementObservation } from './measurement-observations';
import { patientResource, type PatientResourceInput } from './patient-resource';
import { medicationStatement, procedureResource } from './procedure-resources';
import { diagnosticReport, imagingStudy, type ReportResourceInput } from './report-resources';
import { ecogObservation, karnofskyObservation, tnmObservation, type TnmPart } from './staging-observations';
import { TransactionBundleBuilder } from './transaction-bundle';

export interface PatientBundleInput {
  seed: number;
  today: Date;
  patient: PatientResourceInput;
  story: Story;
  labs: LabResult[];
  ctSeries: DemoCtSeriesSpec[];
  /** Report texts, in order; CT reports name their series by index. */
  reports: (ReportResourceInput & { ctSeriesIndex?: number })[];
}

export function buildPatientBundle(input: PatientBundleInput): Bundle {
  const { story, today } = input;
  const b = new TransactionBundleBuilder(input.seed, input.patient.mrn);
  const patient = b.add('patient', patientResource(input.patient));
  const primary = b.ref('condition/primary');
  const parts: TnmPart[] = ['t', 'n', 'm'];

  const latestStage = story.stages.length - 1;
  const summary = latestStage >= 0 ? { ref: b.ref(`stage/${latestStage}/group`), group: story.stages[latestStage]!.group } : undefined;
  b.add('condition/primary', primaryCancerCondition(story.diagnosis, patient, summary, story.diagnosis.date));
  const ctDays = new Set(story.ctPlans.map((p) => p.date.getTime()));
  story.metastases.forEach((m, i) => b.add(`condition/metastasis/${i}`, secondaryCancerCondition(m, patient, primary, ctDays.has(m.date.getTime()))));

  story.stages.forEach((stage, k) => {
    const members = parts.map((part) => b.add(`stage/${k}/${part}`, tnmObservation(stage, part, { patient, condition: primary })));
    b.add(`stage/${k}/group`, tnmObservation(stage, 'group', { patient, condition: primary, members }));
  });
  story.ecog.forEach((e, i) => b.add(`ecog/${i}`, ecogObservation(e.value, e.date, patient, primary)));
  story.ecog.forEach((e, i) => {
    if (e.karnofsky !== undefined) b.add(`karnofsky/${i}`, karnofskyObservation(e.karnofsky, e.date, patient, primary));
  });
  (story.measurements ?? []).forEach((m) => b.add(`measurement/${m.key}`, measurementObservation(m, patient, primary)));
  story.procedures.forEach((p, i) => b.add(`procedure/${i}`, procedureResource(p, patient, primary)));
  story.therapies.forEach((t, i) => t.drugs.forEach((d, j) => b.add(`medication/${i}/${j}`, medicationStatement(t, d, today, patient, primary))));
  const studies = input.ctSeries.map((spec, i) => b.add(`imaging-study/${i}`, imagingStudy(spec, patient, primary)));
  input.reports.forEach((r, i) => {
    const imagingStudyRef = r.ctSeriesIndex === undefined ? undefined : studies[r.ctSeriesIndex];
    b.add(`report/${i}`, diagnosticReport({ ...r, imagingStudyRef }, patient));
  });
  input.labs.forEach((l, i) => b.add(`lab/${i}`, labObservation(l, input.patient.sex, patient, primary)));
  return b.build();
}

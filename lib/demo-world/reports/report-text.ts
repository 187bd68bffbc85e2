// The common frame of every report text: the synthetic banner on the first line
// (so a report copied out of Konsil still says what it is), then who, when and
// by whom, then the body the entity or the CT report wrote.
import { fhirDate } from '../dates';

export const SYNTHETIC_BANNER = 'SYNTHETIC DEMO DATA – not a real patient';

export interface ReportFrame {
  title: string;
  date: Date;
  patient: { familyName: string; givenName: string; mrn: string; birthDate: string };
  author: string;
  accession?: string;
}

export function composeReportText(frame: ReportFrame, body: readonly string[], conclusion: string): string {
  const { patient } = frame;
  return [
    SYNTHETIC_BANNER,
    frame.title.toUpperCase(),
    `Patient: ${patient.familyName}, ${patient.givenName} (${patient.mrn}), born ${patient.birthDate}`,
    `Date: ${fhirDate(frame.date)}${frame.accession ? `    Accession: ${frame.accession}` : ''}`,
    '',
    ...body,
    '',
    'Conclusion:',
    conclusion,
    '',
    `Electronically signed: ${frame.author}`,
    '',
  ].join('\n');
}

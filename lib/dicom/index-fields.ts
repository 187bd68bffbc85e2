// What Konsil indexes about one object (study, series, instance, patient
// columns), read from its DICOM JSON, and the attributes without which an
// object cannot be indexed at all.
import { DicomReadError } from './dicom-read-error';
import type { DicomJsonDataset, PersonNameValue } from './dicom-json';
import { firstNumber, firstPersonName, firstString } from './dicom-json';
import { studyInstant } from './dicom-dates';
import { label, tags, type TagName } from './tags';

export interface DicomIndexFields {
  patient: {
    /** Patient ID (0010,0020); undefined when empty. */
    id: string | undefined;
    /** Issuer of Patient ID (0010,0021); undefined when empty. */
    issuer: string | undefined;
    name: PersonNameValue | undefined;
    birthDate: string | undefined;
    sex: string | undefined;
    comments: string | undefined;
  };
  study: {
    studyInstanceUid: string;
    studyDate: Date | null;
    accessionNumber: string | undefined;
    description: string | undefined;
  };
  series: {
    seriesInstanceUid: string;
    modality: string;
    seriesNumber: number | null;
    description: string | undefined;
    bodyPart: string | undefined;
    frameOfReferenceUid: string | undefined;
  };
  instance: {
    sopClassUid: string;
    sopInstanceUid: string;
    instanceNumber: number | null;
    rows: number | null;
    columns: number | null;
    numberOfFrames: number;
  };
}

const REQUIRED: TagName[] = ['SOPClassUID', 'SOPInstanceUID', 'StudyInstanceUID', 'SeriesInstanceUID', 'Modality'];
const UID_NAMES: TagName[] = ['SOPClassUID', 'SOPInstanceUID', 'StudyInstanceUID', 'SeriesInstanceUID'];
// PS3.5 9.1: digits and dots, at most 64 characters. Checked because UIDs end up in DICOMweb URLs.
const UID = /^[0-9]+(\.[0-9]+)*$/;

/** Throws a DicomReadError naming every missing or malformed required attribute. */
export function assertRequiredAttributes(metadata: DicomJsonDataset): void {
  const missing = REQUIRED.filter((name) => !firstString(metadata, tags[name]));
  if (missing.length === 1) throw new DicomReadError(`${label(missing[0]!)} is missing or empty: Konsil cannot index this object`);
  if (missing.length > 1) throw new DicomReadError(`required attributes are missing or empty: ${missing.map(label).join(', ')}`);
  for (const name of UID_NAMES) {
    const uid = firstString(metadata, tags[name])!;
    if (uid.length > 64 || !UID.test(uid)) {
      throw new DicomReadError(`${label(name)} "${uid.slice(0, 80)}" is not a valid UID (digits and dots, at most 64 characters)`);
    }
  }
}

export function readIndexFields(metadata: DicomJsonDataset, options: { timeZone: string }, warnings: string[]): DicomIndexFields {
  const get = (name: TagName) => firstString(metadata, tags[name]);
  const studyDateText = get('StudyDate');
  const studyDate = studyInstant({ date: studyDateText, time: get('StudyTime'), offset: get('TimezoneOffsetFromUTC'), timeZone: options.timeZone });
  if (studyDateText && !studyDate) warnings.push(`Study Date (0008,0020) "${studyDateText}" is not a valid date: the study is indexed without a date`);
  return {
    patient: {
      id: get('PatientID'),
      issuer: get('IssuerOfPatientID'),
      name: firstPersonName(metadata, tags.PatientName),
      birthDate: get('PatientBirthDate'),
      sex: get('PatientSex'),
      comments: get('PatientComments'),
    },
    study: {
      studyInstanceUid: get('StudyInstanceUID')!,
      studyDate,
      accessionNumber: get('AccessionNumber'),
      description: get('StudyDescription'),
    },
    series: {
      seriesInstanceUid: get('SeriesInstanceUID')!,
      modality: get('Modality')!.toUpperCase(),
      seriesNumber: int4(metadata, 'SeriesNumber', warnings),
      description: get('SeriesDescription'),
      bodyPart: get('BodyPartExamined'),
      frameOfReferenceUid: get('FrameOfReferenceUID'),
    },
    instance: {
      sopClassUid: get('SOPClassUID')!,
      sopInstanceUid: get('SOPInstanceUID')!,
      instanceNumber: int4(metadata, 'InstanceNumber', warnings),
      rows: int4(metadata, 'Rows', warnings),
      columns: int4(metadata, 'Columns', warnings),
      numberOfFrames: Math.max(1, int4(metadata, 'NumberOfFrames', warnings) ?? 1),
    },
  };
}

/** An integer that fits a PostgreSQL integer column, or null (with a warning when a value was there). */
function int4(metadata: DicomJsonDataset, name: TagName, warnings: string[]): number | null {
  const value = firstNumber(metadata, tags[name]);
  if (value === undefined) return null;
  if (!Number.isInteger(value) || value < -2147483648 || value > 2147483647) {
    warnings.push(`${label(name)} ${value} is not a usable whole number: not indexed`);
    return null;
  }
  return value;
}

// The DICOM JSON model (PS3.18 F.2) as Konsil stores and serves it: an object
// keyed by 8-digit upper-case hex tags, each { vr, Value?, BulkDataURI?, InlineBinary? }.

export interface DicomAttribute {
  vr: string;
  Value?: unknown[];
  BulkDataURI?: string;
  InlineBinary?: string;
}

export type DicomJson = Record<string, DicomAttribute>;

export function isDicomJson(value: unknown): value is DicomJson {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** First value of an attribute as a string (PN: its alphabetic form), or undefined. */
export function firstString(dataset: DicomJson | undefined, tag: string): string | undefined {
  const value = dataset?.[tag]?.Value?.[0];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object') return (value as { Alphabetic?: string }).Alphabetic;
  return String(value);
}

export function attr(vr: string, ...values: Array<string | number | null | undefined>): DicomAttribute {
  const present = values.filter((v): v is string | number => v !== undefined && v !== null && v !== '');
  if (present.length === 0) return { vr };
  if (vr === 'PN') return { vr, Value: present.map((v) => ({ Alphabetic: String(v) })) };
  return { vr, Value: present };
}

/**
 * Keywords clients use in QIDO queries and includefield, with tag and VR.
 * Hex tags work for everything else (their VR comes from the stored dataset).
 */
export const keywords: Record<string, { tag: string; vr: string }> = {
  SpecificCharacterSet: { tag: '00080005', vr: 'CS' },
  ImageType: { tag: '00080008', vr: 'CS' },
  SOPClassUID: { tag: '00080016', vr: 'UI' },
  SOPInstanceUID: { tag: '00080018', vr: 'UI' },
  StudyDate: { tag: '00080020', vr: 'DA' },
  SeriesDate: { tag: '00080021', vr: 'DA' },
  AcquisitionDate: { tag: '00080022', vr: 'DA' },
  ContentDate: { tag: '00080023', vr: 'DA' },
  StudyTime: { tag: '00080030', vr: 'TM' },
  SeriesTime: { tag: '00080031', vr: 'TM' },
  AcquisitionTime: { tag: '00080032', vr: 'TM' },
  ContentTime: { tag: '00080033', vr: 'TM' },
  AccessionNumber: { tag: '00080050', vr: 'SH' },
  InstanceAvailability: { tag: '00080056', vr: 'CS' },
  Modality: { tag: '00080060', vr: 'CS' },
  ModalitiesInStudy: { tag: '00080061', vr: 'CS' },
  SOPClassesInStudy: { tag: '00080062', vr: 'UI' },
  Manufacturer: { tag: '00080070', vr: 'LO' },
  InstitutionName: { tag: '00080080', vr: 'LO' },
  ReferringPhysicianName: { tag: '00080090', vr: 'PN' },
  TimezoneOffsetFromUTC: { tag: '00080201', vr: 'SH' },
  StationName: { tag: '00081010', vr: 'SH' },
  StudyDescription: { tag: '00081030', vr: 'LO' },
  SeriesDescription: { tag: '0008103E', vr: 'LO' },
  ManufacturerModelName: { tag: '00081090', vr: 'LO' },
  RetrieveURL: { tag: '00081190', vr: 'UR' },
  AvailableTransferSyntaxUID: { tag: '00083002', vr: 'UI' },
  PatientName: { tag: '00100010', vr: 'PN' },
  PatientID: { tag: '00100020', vr: 'LO' },
  IssuerOfPatientID: { tag: '00100021', vr: 'LO' },
  PatientBirthDate: { tag: '00100030', vr: 'DA' },
  PatientSex: { tag: '00100040', vr: 'CS' },
  PatientAge: { tag: '00101010', vr: 'AS' },
  PatientSize: { tag: '00101020', vr: 'DS' },
  PatientWeight: { tag: '00101030', vr: 'DS' },
  BodyPartExamined: { tag: '00180015', vr: 'CS' },
  SliceThickness: { tag: '00180050', vr: 'DS' },
  ProtocolName: { tag: '00181030', vr: 'LO' },
  StudyInstanceUID: { tag: '0020000D', vr: 'UI' },
  SeriesInstanceUID: { tag: '0020000E', vr: 'UI' },
  StudyID: { tag: '00200010', vr: 'SH' },
  SeriesNumber: { tag: '00200011', vr: 'IS' },
  AcquisitionNumber: { tag: '00200012', vr: 'IS' },
  InstanceNumber: { tag: '00200013', vr: 'IS' },
  ImagePositionPatient: { tag: '00200032', vr: 'DS' },
  ImageOrientationPatient: { tag: '00200037', vr: 'DS' },
  FrameOfReferenceUID: { tag: '00200052', vr: 'UI' },
  Laterality: { tag: '00200060', vr: 'CS' },
  NumberOfStudyRelatedSeries: { tag: '00201206', vr: 'IS' },
  NumberOfStudyRelatedInstances: { tag: '00201208', vr: 'IS' },
  NumberOfSeriesRelatedInstances: { tag: '00201209', vr: 'IS' },
  SamplesPerPixel: { tag: '00280002', vr: 'US' },
  PhotometricInterpretation: { tag: '00280004', vr: 'CS' },
  NumberOfFrames: { tag: '00280008', vr: 'IS' },
  Rows: { tag: '00280010', vr: 'US' },
  Columns: { tag: '00280011', vr: 'US' },
  PixelSpacing: { tag: '00280030', vr: 'DS' },
  BitsAllocated: { tag: '00280100', vr: 'US' },
  BitsStored: { tag: '00280101', vr: 'US' },
  PixelRepresentation: { tag: '00280103', vr: 'US' },
  WindowCenter: { tag: '00281050', vr: 'DS' },
  WindowWidth: { tag: '00281051', vr: 'DS' },
  RescaleIntercept: { tag: '00281052', vr: 'DS' },
  RescaleSlope: { tag: '00281053', vr: 'DS' },
  PerformedProcedureStepStartDate: { tag: '00400244', vr: 'DA' },
  PerformedProcedureStepStartTime: { tag: '00400245', vr: 'TM' },
};

const byTag = new Map(Object.values(keywords).map((entry) => [entry.tag, entry]));

/** "PatientName" or "00100010" (any case) → { tag, vr? }; null when it is neither. */
export function resolveAttribute(name: string): { tag: string; vr?: string } | null {
  // Own properties only: "constructor" or "__proto__" are query keys, not keywords.
  const known = Object.hasOwn(keywords, name) ? keywords[name] : undefined;
  if (known) return known;
  if (/^[0-9a-fA-F]{8}$/.test(name)) {
    const tag = name.toUpperCase();
    return { tag, vr: byTag.get(tag)?.vr };
  }
  return null;
}

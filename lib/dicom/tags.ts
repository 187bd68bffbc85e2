// The attributes Konsil reads by name. Keys are DICOM JSON keys (8 upper-case
// hex digits); `label` is how messages name them ("Patient ID (0010,0020)").

export const tags = {
  SpecificCharacterSet: '00080005',
  SOPClassUID: '00080016',
  SOPInstanceUID: '00080018',
  StudyDate: '00080020',
  StudyTime: '00080030',
  AccessionNumber: '00080050',
  Modality: '00080060',
  TimezoneOffsetFromUTC: '00080201',
  StudyDescription: '00081030',
  SeriesDescription: '0008103E',
  PatientName: '00100010',
  PatientID: '00100020',
  IssuerOfPatientID: '00100021',
  PatientBirthDate: '00100030',
  PatientSex: '00100040',
  PatientComments: '00104000',
  BodyPartExamined: '00180015',
  ImagerPixelSpacing: '00181164',
  StudyInstanceUID: '0020000D',
  SeriesInstanceUID: '0020000E',
  SeriesNumber: '00200011',
  InstanceNumber: '00200013',
  FrameOfReferenceUID: '00200052',
  SamplesPerPixel: '00280002',
  PhotometricInterpretation: '00280004',
  NumberOfFrames: '00280008',
  Rows: '00280010',
  Columns: '00280011',
  PixelSpacing: '00280030',
  BitsAllocated: '00280100',
  WindowCenter: '00281050',
  WindowWidth: '00281051',
  RescaleIntercept: '00281052',
  RescaleSlope: '00281053',
  WindowCenterWidthExplanation: '00281055',
  DirectoryRecordSequence: '00041220',
  DirectoryRecordType: '00041430',
  ReferencedFileID: '00041500',
  ReferencedSOPInstanceUIDInFile: '00041511',
  FloatPixelData: '7FE00008',
  DoubleFloatPixelData: '7FE00009',
  PixelData: '7FE00010',
} as const;

export type TagName = keyof typeof tags;

/** "Patient ID (0010,0020)": how a message names an attribute. */
export function label(name: TagName): string {
  const hex = tags[name];
  const words = name.replace(/UID$/, ' UID').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/SOP([A-Z])/, 'SOP $1');
  return `${words} (${hex.slice(0, 4)},${hex.slice(4)})`;
}

/** "(7FE0,0010)" for a numeric tag. */
export function formatTag(tag: number): string {
  const hex = (tag >>> 0).toString(16).toUpperCase().padStart(8, '0');
  return `(${hex.slice(0, 4)},${hex.slice(4)})`;
}

export const PIXEL_DATA_TAGS: ReadonlySet<string> = new Set([tags.PixelData, tags.FloatPixelData, tags.DoubleFloatPixelData]);

import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ConditionRow, ImagingStudyRow, ImportedDecisionRow, MedicationRow, ObservationRow, PatientRow, ProcedureRow, ReportRow } from '@/lib/fhir/mapped-rows';
import type { BulkColumns, BulkTable } from './bulk-sql';

// The tables an import writes, column by column, for bulk-sql.ts. Each `columns`
// must name every column of its Prisma model (the `satisfies` checks it).

export const patientTable = {
  table: 'patients',
  hasUpdatedAt: true,
  hasVersion: true,
  columns: {
    mrn: 'text',
    familyName: 'text',
    givenName: 'text',
    mrnSystem: 'text',
    birthDate: 'date',
    sex: '"Sex"',
    pseudonym: 'text',
    isSynthetic: 'boolean',
    sourceSystem: 'text',
    sourceId: 'text',
    sourceHash: 'text',
  } satisfies BulkColumns<Prisma.PatientCreateManyInput>,
} as const satisfies BulkTable<BulkColumns<Prisma.PatientCreateManyInput>>;

/** Patients are updated without their pseudonym: people may already know the patient by it. */
export const patientUpdateTable = {
  ...patientTable,
  columns: (({ pseudonym: _kept, ...rest }) => rest)(patientTable.columns),
};

export const conditionTable = {
  table: 'conditions',
  hasUpdatedAt: true,
  hasVersion: false,
  columns: {
    patientId: 'text',
    kind: '"ConditionKind"',
    icd10Code: 'text',
    display: 'text',
    icdO3Morphology: 'text',
    icdO3Topography: 'text',
    bodySite: 'text',
    onsetDate: 'date',
    clinicalStatus: 'text',
    sourceSystem: 'text',
    sourceId: 'text',
    sourceHash: 'text',
  } satisfies BulkColumns<Prisma.ConditionCreateManyInput>,
} as const satisfies BulkTable<BulkColumns<Prisma.ConditionCreateManyInput>>;

export const observationTable = {
  table: 'observations',
  hasUpdatedAt: false,
  hasVersion: false,
  columns: {
    patientId: 'text',
    category: '"ObservationCategory"',
    loincCode: 'text',
    codeSystem: 'text',
    code: 'text',
    display: 'text',
    status: 'text',
    valueNumeric: 'float8',
    valueText: 'text',
    valueCode: 'text',
    unit: 'text',
    referenceLow: 'float8',
    referenceHigh: 'float8',
    referenceText: 'text',
    interpretation: 'text',
    effectiveAt: 'timestamptz',
    sourceSystem: 'text',
    sourceId: 'text',
    sourceHash: 'text',
  } satisfies BulkColumns<Prisma.ObservationCreateManyInput>,
} as const satisfies BulkTable<BulkColumns<Prisma.ObservationCreateManyInput>>;

export const reportTable = {
  table: 'reports',
  hasUpdatedAt: false,
  hasVersion: false,
  columns: {
    patientId: 'text',
    type: '"ReportType"',
    title: 'text',
    text: 'text',
    conclusion: 'text',
    loincCode: 'text',
    status: 'text',
    authorName: 'text',
    issuedAt: 'timestamptz',
    sourceSystem: 'text',
    sourceId: 'text',
    sourceHash: 'text',
  } satisfies BulkColumns<Prisma.ReportCreateManyInput>,
} as const satisfies BulkTable<BulkColumns<Prisma.ReportCreateManyInput>>;

export const procedureTable = {
  table: 'procedures',
  hasUpdatedAt: false,
  hasVersion: false,
  columns: {
    patientId: 'text',
    category: '"ProcedureCategory"',
    codeSystem: 'text',
    code: 'text',
    display: 'text',
    performedStart: 'timestamptz',
    performedEnd: 'timestamptz',
    status: 'text',
    sourceSystem: 'text',
    sourceId: 'text',
    sourceHash: 'text',
  } satisfies BulkColumns<Prisma.ProcedureCreateManyInput>,
} as const satisfies BulkTable<BulkColumns<Prisma.ProcedureCreateManyInput>>;

export const medicationTable = {
  table: 'medications',
  hasUpdatedAt: false,
  hasVersion: false,
  columns: {
    patientId: 'text',
    atcCode: 'text',
    display: 'text',
    regimen: 'text',
    status: 'text',
    fhirResourceType: 'text',
    startDate: 'date',
    endDate: 'date',
    sourceSystem: 'text',
    sourceId: 'text',
    sourceHash: 'text',
  } satisfies BulkColumns<Prisma.MedicationCreateManyInput>,
} as const satisfies BulkTable<BulkColumns<Prisma.MedicationCreateManyInput>>;

/** New imaging studies only; an existing study is updated field by field (write-imaging-studies.ts). */
export const imagingStudyTable = {
  table: 'imaging_studies',
  hasUpdatedAt: true,
  hasVersion: false,
  columns: {
    patientId: 'text',
    studyInstanceUid: 'text',
    accessionNumber: 'text',
    studyDate: 'timestamptz',
    description: 'text',
    modalities: 'text[]',
    dicomPatientId: 'text',
    sourceSystem: 'text',
    sourceId: 'text',
    sourceHash: 'text',
  } satisfies BulkColumns<Prisma.ImagingStudyCreateManyInput>,
} as const satisfies BulkTable<BulkColumns<Prisma.ImagingStudyCreateManyInput>>;

/** CarePlans read as board decisions from elsewhere (lib/fhir/map-care-plan.ts). */
export const importedDecisionTable = {
  table: 'imported_decisions',
  hasUpdatedAt: true,
  hasVersion: false,
  columns: {
    patientId: 'text',
    intent: 'text',
    title: 'text',
    content: 'jsonb',
    signedBy: 'text',
    signedAt: 'timestamptz',
    sourceSystem: 'text',
    sourceId: 'text',
    sourceHash: 'text',
  } satisfies BulkColumns<Prisma.ImportedDecisionCreateManyInput>,
} as const satisfies BulkTable<BulkColumns<Prisma.ImportedDecisionCreateManyInput>>;

// Every field a mapper produces must be a column of its table (a field without a
// column would be dropped silently by the bulk writer); this fails to compile if not.
type FitsColumns<Row, Columns> = Exclude<keyof Row, keyof Columns> extends never ? true : ['not a column:', Exclude<keyof Row, keyof Columns>];
export const mappedRowsFitTheirTables: [
  FitsColumns<PatientRow, typeof patientTable.columns>,
  FitsColumns<ConditionRow, typeof conditionTable.columns>,
  FitsColumns<ObservationRow, typeof observationTable.columns>,
  FitsColumns<ReportRow, typeof reportTable.columns>,
  FitsColumns<ProcedureRow, typeof procedureTable.columns>,
  FitsColumns<MedicationRow, typeof medicationTable.columns>,
  FitsColumns<ImagingStudyRow, typeof imagingStudyTable.columns>,
  FitsColumns<ImportedDecisionRow, typeof importedDecisionTable.columns>,
] = [true, true, true, true, true, true, true, true];

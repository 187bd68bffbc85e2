import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { caseScope } from '@/lib/authz/scopes';
import type { AuditDetail } from '@/lib/audit/events';
import { writeAuditEvents } from '@/lib/audit/write-audit-event';
import { Prisma } from '@/lib/generated/prisma/client';
import { isDicomJson, type DicomJson } from '@/lib/dicomweb/dicom-json';
import { db, type Tx } from './client';

// The imaging index as DICOMweb reads it. A study is visible when its patient has
// at least one case in the actor's case scope; anything else is simply not found.
// Every read writes `imaging.read` audit events (one per study shown) in the same
// transaction; list reads take a `pick` callback that runs inside the transaction,
// so what is audited is exactly what the caller goes on to show.

/** What kind of DICOMweb read this is; UIDs the request named are added per event. */
export interface ImagingReadAudit {
  service: AuditDetail<'imaging.read'>['service'];
  level: AuditDetail<'imaging.read'>['level'];
  source: AuditDetail<'imaging.read'>['source'];
  seriesInstanceUid?: string;
  sopInstanceUid?: string;
}

export interface AuditedStudy {
  studyId: string;
  patientId: string;
  studyInstanceUid: string;
}

export interface Picked<T> {
  value: T;
  /** The studies the caller will show; one audit event each. */
  shown: AuditedStudy[];
}

/** Index-level narrowing (exact UIDs and modalities); everything else is matched by the caller. */
export interface ImagingFilter {
  studyUids?: string[];
  seriesUids?: string[];
  sopUids?: string[];
  sopClassUids?: string[];
  modalities?: string[];
}

export interface Page {
  skip: number;
  take: number;
}

function visibleStudies(actor: Actor): Prisma.ImagingStudyWhereInput {
  return { patient: { cases: { some: caseScope(actor) } } };
}

/** Local QIDO lists what can be retrieved: a study announced by FHIR but never imported has no instances. */
const hasStoredInstances: Prisma.ImagingStudyWhereInput = { series: { some: { instances: { some: {} } } } };

function studyWhere(actor: Actor, filter: ImagingFilter): Prisma.ImagingStudyWhereInput {
  const instanceWhere = instanceOnlyWhere(filter);
  return {
    AND: [
      visibleStudies(actor),
      hasStoredInstances,
      filter.studyUids ? { studyInstanceUid: { in: filter.studyUids } } : {},
      filter.seriesUids || filter.modalities || instanceWhere
        ? { series: { some: { ...seriesOnlyWhere(filter), ...(instanceWhere ? { instances: { some: instanceWhere } } : {}) } } }
        : {},
    ],
  };
}

function seriesOnlyWhere(filter: ImagingFilter): Prisma.ImagingSeriesWhereInput {
  return {
    ...(filter.seriesUids ? { seriesInstanceUid: { in: filter.seriesUids } } : {}),
    ...(filter.modalities ? { modality: { in: filter.modalities } } : {}),
  };
}

function instanceOnlyWhere(filter: ImagingFilter): Prisma.ImagingInstanceWhereInput | null {
  if (!filter.sopUids && !filter.sopClassUids) return null;
  return {
    ...(filter.sopUids ? { sopInstanceUid: { in: filter.sopUids } } : {}),
    ...(filter.sopClassUids ? { sopClassUid: { in: filter.sopClassUids } } : {}),
  };
}

async function isVisible(tx: Tx, actor: Actor, studyUid: string): Promise<boolean> {
  return (await tx.imagingStudy.count({ where: { AND: [visibleStudies(actor), { studyInstanceUid: studyUid }] } })) > 0;
}

function asDicomJson(value: Prisma.JsonValue | undefined): DicomJson {
  return isDicomJson(value) ? value : {};
}

async function auditReads(tx: Tx, actor: Actor, audit: ImagingReadAudit, shown: AuditedStudy[], auditEmptySearch: boolean): Promise<void> {
  const unique = [...new Map(shown.map((study) => [study.studyId, study])).values()];
  const { service, level, source, seriesInstanceUid, sopInstanceUid } = audit;
  const events = unique.map((study) => ({
    actor,
    action: 'imaging.read' as const,
    entityType: 'ImagingStudy',
    entityId: study.studyId,
    patientId: study.patientId,
    detail: { service, level, source, studyInstanceUid: study.studyInstanceUid, seriesInstanceUid, sopInstanceUid },
  }));
  // A search that showed nothing still says who searched.
  if (events.length === 0 && auditEmptySearch) {
    await writeAuditEvents(tx, [{ actor, action: 'imaging.read', detail: { service, level, source, seriesInstanceUid, sopInstanceUid } }]);
    return;
  }
  await writeAuditEvents(tx, events);
}

/**
 * The stored metadata, or only its top-level `tags` when given: searches build
 * their results from a few dozen attributes, and thousands of whole datasets
 * (each often tens of KB) would otherwise be loaded to read them.
 */
function metadataColumn(tags: readonly string[] | undefined): Prisma.Sql {
  if (!tags) return Prisma.sql`metadata`;
  return Prisma.sql`COALESCE((SELECT jsonb_object_agg(t, metadata -> t) FROM unnest(${[...tags]}::text[]) AS t WHERE metadata -> t IS NOT NULL), '{}'::jsonb)`;
}

/** First instance (by number) of each series: the dataset study- and series-level attributes are read from. */
async function sampleMetadata(tx: Tx, seriesIds: string[], tags: readonly string[] | undefined): Promise<Map<string, DicomJson>> {
  if (seriesIds.length === 0) return new Map();
  // DISTINCT ON in the database: one row per series is read, not every instance of it.
  const rows = await tx.$queryRaw<Array<{ seriesId: string; metadata: Prisma.JsonValue }>>`
    SELECT DISTINCT ON ("seriesId") "seriesId", ${metadataColumn(tags)} AS metadata
    FROM imaging_instances
    WHERE "seriesId" = ANY(${seriesIds}::text[])
    ORDER BY "seriesId" ASC, "instanceNumber" ASC NULLS LAST, "sopInstanceUid" ASC`;
  return new Map(rows.map((row) => [row.seriesId, asDicomJson(row.metadata)]));
}

export interface StudyHit extends AuditedStudy {
  accessionNumber: string | null;
  studyDate: Date | null;
  description: string | null;
  series: Array<{ modality: string; instanceCount: number }>;
  sample: DicomJson;
}

/** Which top-level tags of the stored metadata the caller reads (`sample`, `metadata`); all when undefined. */
export type MetadataTags = readonly string[] | undefined;

export async function searchStudies<T>(options: {
  actor: Actor;
  filter: ImagingFilter;
  page: Page;
  audit: ImagingReadAudit;
  metadataTags?: MetadataTags;
  pick: (hits: StudyHit[]) => Picked<T>;
}): Promise<T> {
  const { actor, filter, page, audit, metadataTags, pick } = options;
  assertCan(actor, 'imaging.read');
  return db().$transaction(async (tx) => {
    const rows = await tx.imagingStudy.findMany({
      where: studyWhere(actor, filter),
      orderBy: [{ studyDate: { sort: 'desc', nulls: 'last' } }, { studyInstanceUid: 'asc' }],
      skip: page.skip,
      take: page.take,
      select: {
        id: true,
        patientId: true,
        studyInstanceUid: true,
        accessionNumber: true,
        studyDate: true,
        description: true,
        series: {
          select: { id: true, modality: true, _count: { select: { instances: true } } },
          orderBy: [{ seriesNumber: { sort: 'asc', nulls: 'last' } }, { seriesInstanceUid: 'asc' }],
        },
      },
    });
    const samples = await sampleMetadata(tx, rows.flatMap((row) => row.series.find((s) => s._count.instances > 0)?.id ?? []), metadataTags);
    const hits = rows.map(({ id, series, ...row }) => ({
      ...row,
      studyId: id,
      series: series.filter((s) => s._count.instances > 0).map((s) => ({ modality: s.modality, instanceCount: s._count.instances })),
      sample: samples.get(series.find((s) => s._count.instances > 0)?.id ?? '') ?? {},
    }));
    const picked = pick(hits);
    await auditReads(tx, actor, audit, picked.shown, true);
    return picked.value;
  });
}

export interface SeriesHit {
  seriesInstanceUid: string;
  modality: string;
  seriesNumber: number | null;
  description: string | null;
  instanceCount: number;
  study: AuditedStudy;
  sample: DicomJson;
}

export async function searchSeries<T>(options: {
  actor: Actor;
  filter: ImagingFilter;
  /** A search under /studies/{uid}: null (not found) when that study is not visible. */
  withinStudy?: string;
  page: Page;
  audit: ImagingReadAudit;
  metadataTags?: MetadataTags;
  pick: (hits: SeriesHit[]) => Picked<T>;
}): Promise<T | null> {
  const { actor, filter, withinStudy, page, audit, metadataTags, pick } = options;
  assertCan(actor, 'imaging.read');
  const instanceWhere = instanceOnlyWhere(filter);
  return db().$transaction(async (tx) => {
    if (withinStudy && !(await isVisible(tx, actor, withinStudy))) return null;
    const rows = await tx.imagingSeries.findMany({
      where: {
        ...seriesOnlyWhere(filter),
        instances: { some: instanceWhere ?? {} },
        study: { AND: [visibleStudies(actor), filter.studyUids ? { studyInstanceUid: { in: filter.studyUids } } : {}] },
      },
      orderBy: [{ study: { studyInstanceUid: 'asc' } }, { seriesNumber: { sort: 'asc', nulls: 'last' } }, { seriesInstanceUid: 'asc' }],
      skip: page.skip,
      take: page.take,
      select: {
        id: true,
        seriesInstanceUid: true,
        modality: true,
        seriesNumber: true,
        description: true,
        _count: { select: { instances: true } },
        study: { select: { id: true, patientId: true, studyInstanceUid: true } },
      },
    });
    const samples = await sampleMetadata(tx, rows.map((row) => row.id), metadataTags);
    const hits = rows.map((row) => ({
      seriesInstanceUid: row.seriesInstanceUid,
      modality: row.modality,
      seriesNumber: row.seriesNumber,
      description: row.description,
      instanceCount: row._count.instances,
      study: { studyId: row.study.id, patientId: row.study.patientId, studyInstanceUid: row.study.studyInstanceUid },
      sample: samples.get(row.id) ?? {},
    }));
    const picked = pick(hits);
    await auditReads(tx, actor, audit, picked.shown, true);
    return picked.value;
  });
}

export interface InstanceHit {
  sopInstanceUid: string;
  sopClassUid: string;
  instanceNumber: number | null;
  rows: number | null;
  columns: number | null;
  numberOfFrames: number;
  transferSyntaxUid: string | null;
  seriesInstanceUid: string;
  study: AuditedStudy;
  metadata: DicomJson;
}

export async function searchInstances<T>(options: {
  actor: Actor;
  filter: ImagingFilter;
  /** A search under /studies/{uid}: null (not found) when that study is not visible. */
  withinStudy?: string;
  page: Page;
  audit: ImagingReadAudit;
  metadataTags?: MetadataTags;
  pick: (hits: InstanceHit[]) => Picked<T>;
}): Promise<T | null> {
  const { actor, filter, withinStudy, page, audit, metadataTags, pick } = options;
  assertCan(actor, 'imaging.read');
  return db().$transaction(async (tx) => {
    if (withinStudy && !(await isVisible(tx, actor, withinStudy))) return null;
    const rows = await tx.imagingInstance.findMany({
      where: {
        ...(instanceOnlyWhere(filter) ?? {}),
        series: {
          ...seriesOnlyWhere(filter),
          study: { AND: [visibleStudies(actor), filter.studyUids ? { studyInstanceUid: { in: filter.studyUids } } : {}] },
        },
      },
      orderBy: [{ series: { seriesInstanceUid: 'asc' } }, { instanceNumber: { sort: 'asc', nulls: 'last' } }, { sopInstanceUid: 'asc' }],
      skip: page.skip,
      take: page.take,
      select: {
        id: true,
        sopInstanceUid: true,
        sopClassUid: true,
        instanceNumber: true,
        rows: true,
        columns: true,
        numberOfFrames: true,
        transferSyntaxUid: true,
        // Only the tags asked for, in a second query (below), when the caller names them.
        metadata: !metadataTags,
        series: { select: { seriesInstanceUid: true, study: { select: { id: true, patientId: true, studyInstanceUid: true } } } },
      },
    });
    const subsets = metadataTags ? await metadataSubsets(tx, rows.map((row) => row.id), metadataTags) : null;
    const hits = rows.map(({ id, series, metadata, ...row }) => ({
      ...row,
      seriesInstanceUid: series.seriesInstanceUid,
      study: { studyId: series.study.id, patientId: series.study.patientId, studyInstanceUid: series.study.studyInstanceUid },
      metadata: subsets ? (subsets.get(id) ?? {}) : asDicomJson(metadata),
    }));
    const picked = pick(hits);
    await auditReads(tx, actor, audit, picked.shown, true);
    return picked.value;
  });
}

/** Top-level `tags` of the metadata of these instances, by instance id. */
async function metadataSubsets(tx: Tx, instanceIds: string[], tags: readonly string[]): Promise<Map<string, DicomJson>> {
  if (instanceIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<Array<{ id: string; metadata: Prisma.JsonValue }>>`
    SELECT id, ${metadataColumn(tags)} AS metadata FROM imaging_instances WHERE id = ANY(${instanceIds}::text[])`;
  return new Map(rows.map((row) => [row.id, asDicomJson(row.metadata)]));
}

export interface StoredInstance {
  sopInstanceUid: string;
  sopClassUid: string;
  seriesInstanceUid: string;
  transferSyntaxUid: string | null;
  numberOfFrames: number;
  isImage: boolean;
  fileSha256: string;
  fileSizeBytes: number;
  /** Only when asked for (metadata requests): it can be large. */
  metadata?: DicomJson;
}

/**
 * The stored objects of a study, series or instance, in series/instance order.
 * Null when the study is not visible to the actor; an empty list when the study is
 * visible but the series or instance is not in it (neither is audited: nothing is shown).
 */
export async function findStoredInstances(options: {
  actor: Actor;
  studyUid: string;
  seriesUid?: string;
  sopUid?: string;
  withMetadata: boolean;
  audit: ImagingReadAudit;
}): Promise<{ study: AuditedStudy; instances: StoredInstance[] } | null> {
  const { actor, studyUid, seriesUid, sopUid, withMetadata, audit } = options;
  assertCan(actor, 'imaging.read');
  return db().$transaction(async (tx) => {
    const study = await tx.imagingStudy.findFirst({
      where: { AND: [visibleStudies(actor), { studyInstanceUid: studyUid }] },
      select: { id: true, patientId: true, studyInstanceUid: true },
    });
    if (!study) return null;
    const rows = await tx.imagingInstance.findMany({
      where: { series: { studyId: study.id, ...(seriesUid ? { seriesInstanceUid: seriesUid } : {}) }, ...(sopUid ? { sopInstanceUid: sopUid } : {}) },
      orderBy: [{ series: { seriesNumber: { sort: 'asc', nulls: 'last' } } }, { series: { seriesInstanceUid: 'asc' } }, { instanceNumber: { sort: 'asc', nulls: 'last' } }, { sopInstanceUid: 'asc' }],
      select: {
        sopInstanceUid: true,
        sopClassUid: true,
        transferSyntaxUid: true,
        numberOfFrames: true,
        isImage: true,
        fileSha256: true,
        fileSizeBytes: true,
        metadata: withMetadata,
        series: { select: { seriesInstanceUid: true } },
      },
    });
    const audited = { studyId: study.id, patientId: study.patientId, studyInstanceUid: study.studyInstanceUid };
    if (rows.length > 0) await auditReads(tx, actor, audit, [audited], false);
    const instances = rows.map(({ series, metadata, ...row }) => ({
      ...row,
      seriesInstanceUid: series.seriesInstanceUid,
      ...(withMetadata ? { metadata: asDicomJson(metadata) } : {}),
    }));
    return { study: audited, instances };
  });
}

/**
 * PACS proxy: the study, if Konsil's index knows its UID and the actor may see it.
 * Audited when found (the PACS answer follows); null otherwise.
 */
export async function findStudyInScope(options: { actor: Actor; studyUid: string; audit: ImagingReadAudit }): Promise<AuditedStudy | null> {
  const { actor, studyUid, audit } = options;
  assertCan(actor, 'imaging.read');
  return db().$transaction(async (tx) => {
    const study = await tx.imagingStudy.findFirst({
      where: { AND: [visibleStudies(actor), { studyInstanceUid: studyUid }] },
      select: { id: true, patientId: true, studyInstanceUid: true },
    });
    if (!study) return null;
    const audited = { studyId: study.id, patientId: study.patientId, studyInstanceUid: study.studyInstanceUid };
    await auditReads(tx, actor, audit, [audited], false);
    return audited;
  });
}

/**
 * PACS proxy searches: which of the studies a PACS answered with the actor may see.
 * `pick` filters (and pages) the PACS results with that set inside the transaction,
 * so the audit names exactly the studies shown.
 */
export async function pickVisibleStudies<T>(options: {
  actor: Actor;
  studyUids: string[];
  audit: ImagingReadAudit;
  pick: (visible: ReadonlyMap<string, AuditedStudy>) => Picked<T>;
}): Promise<T> {
  const { actor, studyUids, audit, pick } = options;
  assertCan(actor, 'imaging.read');
  return db().$transaction(async (tx) => {
    const rows =
      studyUids.length === 0
        ? []
        : await tx.imagingStudy.findMany({
            where: { AND: [visibleStudies(actor), { studyInstanceUid: { in: [...new Set(studyUids)] } }] },
            select: { id: true, patientId: true, studyInstanceUid: true },
          });
    const visible = new Map(rows.map((row) => [row.studyInstanceUid, { studyId: row.id, patientId: row.patientId, studyInstanceUid: row.studyInstanceUid }]));
    const picked = pick(visible);
    await auditReads(tx, actor, audit, picked.shown, true);
    return picked.value;
  });
}

/**
 * Up to `take` study UIDs the actor may see, to narrow a PACS search to them.
 * Not audited: the UIDs only shape the query sent to the PACS; what is shown is
 * audited by pickVisibleStudies.
 */
export async function listVisibleStudyUids(options: { actor: Actor; take: number }): Promise<string[]> {
  assertCan(options.actor, 'imaging.read');
  const rows = await db().imagingStudy.findMany({
    where: visibleStudies(options.actor),
    select: { studyInstanceUid: true },
    orderBy: { studyInstanceUid: 'asc' },
    take: options.take,
  });
  return rows.map((row) => row.studyInstanceUid);
}

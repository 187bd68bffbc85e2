import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { AppError, notFound } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import {
  measurementGeometrySchema,
  measurementValuesSchema,
  type CaseKeyImageDto,
  type CaseMeasurementDto,
  type keyImageMarkSchema,
  type measurementCreateSchema,
} from '@/lib/schemas/case-annotation';
import type { z } from 'zod';
import { findCaseInScope } from './case-scope-lookup';
import { db, type Tx } from './client';

// Measurements and key images on a case's images. Each write checks that the image
// belongs to the case's patient (a UID from another patient is "not found") and is
// audited in the same transaction.

type MeasurementCreate = z.output<typeof measurementCreateSchema>;
type KeyImageMark = z.output<typeof keyImageMarkSchema>;

const userName = { select: { id: true, name: true } } as const;

type MeasurementRow = Pick<
  Prisma.CaseMeasurementGetPayload<{ include: { createdBy: typeof userName } }>,
  'id' | 'kind' | 'label' | 'studyInstanceUid' | 'seriesInstanceUid' | 'sopInstanceUid' | 'frameNumber' | 'values' | 'geometry' | 'createdAt' | 'createdBy'
>;
type KeyImageRow = Pick<
  Prisma.CaseKeyImageGetPayload<{ include: { markedBy: typeof userName } }>,
  'id' | 'studyInstanceUid' | 'seriesInstanceUid' | 'sopInstanceUid' | 'frameNumber' | 'note' | 'createdAt' | 'markedBy'
>;

export function toMeasurementDto(row: MeasurementRow): CaseMeasurementDto {
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    studyInstanceUid: row.studyInstanceUid,
    seriesInstanceUid: row.seriesInstanceUid,
    sopInstanceUid: row.sopInstanceUid,
    frameNumber: row.frameNumber,
    // Stored JSON was validated on the way in; parsing again keeps the DTO honest.
    values: measurementValuesSchema.parse(row.values),
    geometry: measurementGeometrySchema.parse(row.geometry) as CaseMeasurementDto['geometry'],
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toKeyImageDto(row: KeyImageRow): CaseKeyImageDto {
  return {
    id: row.id,
    studyInstanceUid: row.studyInstanceUid,
    seriesInstanceUid: row.seriesInstanceUid,
    sopInstanceUid: row.sopInstanceUid,
    frameNumber: row.frameNumber,
    note: row.note,
    markedBy: row.markedBy,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Measurements (not removed) and key images of a case, oldest first; used inside a caller's
 * audited read. Two statements (author names joined in SQL), as the case screen reads it.
 */
export async function readCaseAnnotations(tx: Tx, caseId: string): Promise<{ measurements: CaseMeasurementDto[]; keyImages: CaseKeyImageDto[] }> {
  const measurements = await tx.$queryRaw<MeasurementRow[]>`
    SELECT m.id, m.kind::text AS kind, m.label, m."studyInstanceUid", m."seriesInstanceUid", m."sopInstanceUid", m."frameNumber",
           m."values", m.geometry, m."createdAt", json_build_object('id', u.id, 'name', u.name) AS "createdBy"
    FROM case_measurements m JOIN users u ON u.id = m."createdById"
    WHERE m."caseId" = ${caseId} AND m."removedAt" IS NULL ORDER BY m."createdAt", m.id`;
  const keyImages = await tx.$queryRaw<KeyImageRow[]>`
    SELECT k.id, k."studyInstanceUid", k."seriesInstanceUid", k."sopInstanceUid", k."frameNumber", k.note, k."createdAt",
           json_build_object('id', u.id, 'name', u.name) AS "markedBy"
    FROM case_key_images k JOIN users u ON u.id = k."markedById"
    WHERE k."caseId" = ${caseId} ORDER BY k."createdAt", k.id`;
  return { measurements: measurements.map(toMeasurementDto), keyImages: keyImages.map(toKeyImageDto) };
}

/** The case's measurements and key images, audited as a read of the case's annotations. */
export async function listCaseAnnotations(options: { actor: Actor; caseId: string }) {
  const { actor, caseId } = options;
  assertCan(actor, 'cases.read');
  return db().$transaction(async (tx) => {
    const scoped = await findCaseInScope(tx, actor, caseId);
    const annotations = await readCaseAnnotations(tx, scoped.id);
    await writeAuditEvent(tx, {
      actor,
      action: 'case.view',
      entityType: 'Case',
      entityId: scoped.id,
      patientId: scoped.patientId,
      detail: { panel: 'annotations', count: annotations.measurements.length + annotations.keyImages.length },
    });
    return annotations;
  });
}

/** Throws NOT_FOUND unless the instance is an image of this patient in the named study and series. */
async function assertImageOfPatient(tx: Tx, patientId: string, ref: { studyInstanceUid: string; seriesInstanceUid: string; sopInstanceUid: string; frameNumber: number }) {
  const instance = await tx.imagingInstance.findFirst({
    where: {
      sopInstanceUid: ref.sopInstanceUid,
      series: { seriesInstanceUid: ref.seriesInstanceUid, study: { studyInstanceUid: ref.studyInstanceUid, patientId } },
    },
    select: { numberOfFrames: true, isImage: true },
  });
  if (!instance || !instance.isImage) throw notFound('The image');
  if (ref.frameNumber > instance.numberOfFrames) {
    throw new AppError('VALIDATION', `The image has ${instance.numberOfFrames} frame(s); frame ${ref.frameNumber} does not exist.`, { fieldErrors: { frameNumber: ['No such frame.'] } });
  }
}

export async function createCaseMeasurement(options: { actor: Actor; input: MeasurementCreate }): Promise<CaseMeasurementDto> {
  const { actor, input } = options;
  assertCan(actor, 'cases.annotate');
  return db().$transaction(async (tx) => {
    const scoped = await findCaseInScope(tx, actor, input.caseId);
    await assertImageOfPatient(tx, scoped.patientId, input);
    const row = await tx.caseMeasurement.create({
      data: {
        caseId: scoped.id,
        kind: input.kind,
        label: input.label || null,
        studyInstanceUid: input.studyInstanceUid,
        seriesInstanceUid: input.seriesInstanceUid,
        sopInstanceUid: input.sopInstanceUid,
        frameNumber: input.frameNumber,
        values: input.values,
        geometry: input.geometry,
        createdById: actor.id,
      },
      include: { createdBy: userName },
    });
    await writeAuditEvent(tx, {
      actor,
      action: 'case.measurement_create',
      entityType: 'CaseMeasurement',
      entityId: row.id,
      patientId: scoped.patientId,
      detail: { kind: row.kind, sopInstanceUid: row.sopInstanceUid, frameNumber: row.frameNumber },
    });
    return toMeasurementDto(row);
  });
}

/** Marks a measurement removed; the row stays (the database allows nothing else). */
export async function removeCaseMeasurement(options: { actor: Actor; caseId: string; measurementId: string }): Promise<{ id: string }> {
  const { actor, caseId, measurementId } = options;
  assertCan(actor, 'cases.annotate');
  return db().$transaction(async (tx) => {
    const scoped = await findCaseInScope(tx, actor, caseId);
    // removedAt: null in the WHERE makes a second, concurrent removal a no-op instead of an overwrite.
    const { count } = await tx.caseMeasurement.updateMany({
      where: { id: measurementId, caseId: scoped.id, removedAt: null },
      data: { removedAt: new Date(), removedById: actor.id },
    });
    if (count === 0) throw notFound('The measurement');
    await writeAuditEvent(tx, {
      actor,
      action: 'case.measurement_remove',
      entityType: 'CaseMeasurement',
      entityId: measurementId,
      patientId: scoped.patientId,
      detail: { measurementId },
    });
    return { id: measurementId };
  });
}

/** Marks an image as a key image; marking it again returns the existing mark. */
export async function markCaseKeyImage(options: { actor: Actor; input: KeyImageMark }): Promise<CaseKeyImageDto> {
  const { actor, input } = options;
  assertCan(actor, 'cases.annotate');
  return db().$transaction(async (tx) => {
    const scoped = await findCaseInScope(tx, actor, input.caseId);
    await assertImageOfPatient(tx, scoped.patientId, input);
    const where = { caseId_sopInstanceUid_frameNumber: { caseId: scoped.id, sopInstanceUid: input.sopInstanceUid, frameNumber: input.frameNumber } };
    const existing = await tx.caseKeyImage.findUnique({ where, include: { markedBy: userName } });
    if (existing) return toKeyImageDto(existing);
    const row = await tx.caseKeyImage.create({
      data: {
        caseId: scoped.id,
        studyInstanceUid: input.studyInstanceUid,
        seriesInstanceUid: input.seriesInstanceUid,
        sopInstanceUid: input.sopInstanceUid,
        frameNumber: input.frameNumber,
        note: input.note || null,
        markedById: actor.id,
      },
      include: { markedBy: userName },
    });
    await writeAuditEvent(tx, {
      actor,
      action: 'case.key_image_mark',
      entityType: 'CaseKeyImage',
      entityId: row.id,
      patientId: scoped.patientId,
      detail: { sopInstanceUid: row.sopInstanceUid, frameNumber: row.frameNumber },
    });
    return toKeyImageDto(row);
  });
}

export async function unmarkCaseKeyImage(options: { actor: Actor; caseId: string; keyImageId: string }): Promise<{ id: string }> {
  const { actor, caseId, keyImageId } = options;
  assertCan(actor, 'cases.annotate');
  return db().$transaction(async (tx) => {
    const scoped = await findCaseInScope(tx, actor, caseId);
    const row = await tx.caseKeyImage.findFirst({ where: { id: keyImageId, caseId: scoped.id } });
    if (!row) throw notFound('The key image');
    await tx.caseKeyImage.delete({ where: { id: row.id } });
    await writeAuditEvent(tx, {
      actor,
      action: 'case.key_image_unmark',
      entityType: 'CaseKeyImage',
      entityId: row.id,
      patientId: scoped.patientId,
      detail: { keyImageId: row.id, sopInstanceUid: row.sopInstanceUid },
    });
    return { id: row.id };
  });
}

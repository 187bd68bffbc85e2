import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { caseScope } from '@/lib/authz/scopes';
import { writeAuditEvent, writeAuditEvents } from '@/lib/audit/write-audit-event';
import { notFound } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { chooseTargetMeeting } from '@/lib/referrals/deadline';
import type { CodedValueDto } from '@/lib/schemas/case-screen';
import { db, type Tx } from '../client';
import { loadPatientStaging } from './patient-staging';

// What the referral form reads: the patients a clinician may refer (those with a case in
// their scope, i.e. patients they already see), and for the chosen one the prefilled
// staging, the material to mark relevant, and each board's meeting by the deadline rule.

export interface ReferralPatientDto {
  id: string;
  mrn: string;
  displayName: string;
  birthDate: string | null;
  isSynthetic: boolean;
}

/** Patients whose MRN or name matches every word; each one shown is audited. */
export async function searchReferralPatients(options: { actor: Actor; query: string }): Promise<ReferralPatientDto[]> {
  const { actor, query } = options;
  assertCan(actor, 'cases.refer');
  const words = query.split(/[\s,]+/).filter(Boolean).slice(0, 4);
  if (words.length === 0) return [];
  return db().$transaction(async (tx) => {
    const rows = await tx.patient.findMany({
      where: {
        AND: [
          { cases: { some: caseScope(actor) } },
          ...words.map((w) => ({
            OR: [{ mrn: { contains: w, mode: Prisma.QueryMode.insensitive } }, { familyName: { contains: w, mode: Prisma.QueryMode.insensitive } }, { givenName: { contains: w, mode: Prisma.QueryMode.insensitive } }],
          })),
        ],
      },
      orderBy: [{ familyName: 'asc' }, { givenName: 'asc' }, { id: 'asc' }],
      take: 20,
      select: { id: true, mrn: true, familyName: true, givenName: true, birthDate: true, isSynthetic: true },
    });
    await writeAuditEvents(
      tx,
      rows.map((p) => ({ actor, action: 'referral.patient_search' as const, entityType: 'Patient', entityId: p.id, patientId: p.id, detail: { query: query.slice(0, 100), count: rows.length } })),
    );
    return rows.map((p) => ({ id: p.id, mrn: p.mrn, displayName: `${p.familyName}, ${p.givenName}`, birthDate: p.birthDate?.toISOString().slice(0, 10) ?? null, isSynthetic: p.isSynthetic }));
  });
}

export interface BoardTargetDto {
  id: string;
  name: string;
  entityFocus: string[];
  submissionDeadlineHours: number;
  /** The meeting a referral submitted now would go to, and why; null when none is scheduled. */
  target: { meetingId: string; startsAt: string; deadline: string; reason: string } | null;
}

export interface ReferralFormDto {
  patient: ReferralPatientDto;
  /** From the patient's newest case in scope, to start from. */
  prefill: { entity: string | null; icd10Code: string | null; icd10Display: string | null; icdO3Morphology: string | null; icdO3Topography: string | null };
  tnm: CodedValueDto | null;
  stageGroup: CodedValueDto | null;
  ecog: CodedValueDto | null;
  imagingStudies: { id: string; date: string | null; description: string | null; modalities: string[] }[];
  reports: { id: string; type: string; title: string; issuedAt: string }[];
  labs: { id: string; display: string; value: string; unit: string | null; effectiveAt: string; interpretation: string | null }[];
  boards: BoardTargetDto[];
}

/** Active boards and, for each, the meeting the deadline rule picks for a referral made at `now`. */
export async function boardTargets(tx: Tx, now: Date, boardId?: string): Promise<BoardTargetDto[]> {
  const boards = await tx.board.findMany({
    where: { active: true, ...(boardId ? { id: boardId } : {}) },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, entityFocus: true, submissionDeadlineHours: true, meetings: { where: { startsAt: { gt: now }, status: { not: 'CANCELLED' } }, orderBy: { startsAt: 'asc' }, take: 12, select: { id: true, startsAt: true, status: true } } },
  });
  return boards.map((b) => {
    const choice = chooseTargetMeeting({ meetings: b.meetings, submissionDeadlineHours: b.submissionDeadlineHours, referredAt: now });
    return {
      id: b.id,
      name: b.name,
      entityFocus: b.entityFocus,
      submissionDeadlineHours: b.submissionDeadlineHours,
      target: choice ? { meetingId: choice.meetingId, startsAt: choice.startsAt.toISOString(), deadline: choice.deadline.toISOString(), reason: choice.reason } : null,
    };
  });
}

/** Material the form offers: imaging studies, reports, and the newest value of each lab test. */
export async function loadPatientMaterial(tx: Tx, patientId: string) {
  const imagingStudies = await tx.imagingStudy.findMany({ where: { patientId }, orderBy: [{ studyDate: 'desc' }, { id: 'asc' }], take: 50, select: { id: true, studyDate: true, description: true, modalities: true } });
  const reports = await tx.report.findMany({ where: { patientId, status: { not: 'entered-in-error' } }, orderBy: [{ issuedAt: 'desc' }, { id: 'asc' }], take: 50, select: { id: true, type: true, title: true, issuedAt: true } });
  const labs = await tx.$queryRaw<{ id: string; display: string; valueNumeric: number | null; valueText: string | null; unit: string | null; effectiveAt: Date; interpretation: string | null }[]>`
    SELECT DISTINCT ON (COALESCE(o."loincCode", o.code, o.display)) o.id, o.display, o."valueNumeric", o."valueText", o.unit, o."effectiveAt", o.interpretation
    FROM observations o WHERE o."patientId" = ${patientId} AND o.category = 'LABORATORY'
    ORDER BY COALESCE(o."loincCode", o.code, o.display), o."effectiveAt" DESC, o.id
    LIMIT 40`;
  return { imagingStudies, reports, labs };
}

export async function loadReferralForm(options: { actor: Actor; patientId: string; now?: Date }): Promise<ReferralFormDto> {
  const { actor, patientId, now = new Date() } = options;
  assertCan(actor, 'cases.refer');
  return db().$transaction(async (tx) => {
    const patient = await tx.patient.findFirst({
      where: { id: patientId, cases: { some: caseScope(actor) } },
      select: { id: true, mrn: true, familyName: true, givenName: true, birthDate: true, isSynthetic: true, cases: { where: caseScope(actor), orderBy: { createdAt: 'desc' }, take: 1 } },
    });
    if (!patient) throw notFound('The patient');
    const staging = await loadPatientStaging(tx, patient.id);
    const material = await loadPatientMaterial(tx, patient.id);
    const boards = await boardTargets(tx, now);
    await writeAuditEvent(tx, {
      actor,
      action: 'referral.prepare',
      entityType: 'Patient',
      entityId: patient.id,
      patientId: patient.id,
      detail: { imagingStudies: material.imagingStudies.length, reports: material.reports.length, labs: material.labs.length },
    });
    const last = patient.cases[0];
    return {
      patient: { id: patient.id, mrn: patient.mrn, displayName: `${patient.familyName}, ${patient.givenName}`, birthDate: patient.birthDate?.toISOString().slice(0, 10) ?? null, isSynthetic: patient.isSynthetic },
      prefill: {
        entity: last?.entity ?? null,
        icd10Code: last?.icd10Code ?? null,
        icd10Display: last?.icd10Display ?? null,
        icdO3Morphology: last?.icdO3Morphology ?? null,
        icdO3Topography: last?.icdO3Topography ?? null,
      },
      ...staging,
      imagingStudies: material.imagingStudies.map((s) => ({ id: s.id, date: s.studyDate?.toISOString() ?? null, description: s.description, modalities: s.modalities })),
      reports: material.reports.map((r) => ({ id: r.id, type: r.type, title: r.title, issuedAt: r.issuedAt.toISOString() })),
      labs: material.labs.map((l) => ({
        id: l.id,
        display: l.display,
        value: l.valueNumeric !== null ? String(l.valueNumeric) : (l.valueText ?? ''),
        unit: l.unit,
        effectiveAt: l.effectiveAt.toISOString(),
        interpretation: l.interpretation,
      })),
      boards,
    };
  });
}

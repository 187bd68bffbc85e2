import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { caseScope } from '@/lib/authz/scopes';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { AppError, notFound } from '@/lib/errors';
import type { CodedValueDto } from '@/lib/schemas/case-screen';
import type { ReferralCreateInput, ReferralRecord } from '@/lib/schemas/referral';
import { db } from '../client';
import { ecogGrade, loadPatientStaging } from './patient-staging';
import { boardTargets } from './referral-form';

export interface CreatedReferralDto {
  caseId: string;
  meeting: { id: string; startsAt: string; reason: string } | null;
}

/**
 * A value as the referrer sent it, with its source: the derived source when it is the value the
 * form prefilled from the patient's data, "referrer" when they typed another one.
 */
function sourced(sent: string | undefined, derived: CodedValueDto | null, same: (a: string, b: string) => boolean): ReferralRecord['tnm'] {
  if (!sent) return null;
  if (derived && same(sent, derived.value)) return { value: derived.value, source: derived.source };
  return { value: sent, source: { kind: 'referrer', date: null } };
}
const sameText = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Stores a referral: a new case (REFERRED, referredAt = now) for a patient the clinician may
 * see, with its referral record and the meeting the deadline rule picks, audited in the same
 * transaction. Material must belong to the patient; anything wrong changes nothing.
 */
export async function createReferral(options: { actor: Actor; input: ReferralCreateInput; now?: Date }): Promise<CreatedReferralDto> {
  const { actor, input, now = new Date() } = options;
  assertCan(actor, 'cases.refer');
  return db().$transaction(async (tx) => {
    const patient = await tx.patient.findFirst({ where: { id: input.patientId, cases: { some: caseScope(actor) } }, select: { id: true } });
    if (!patient) throw notFound('The patient');
    const [board] = await boardTargets(tx, now, input.boardId);
    if (!board) throw new AppError('VALIDATION', 'Choose an active board.', { fieldErrors: { boardId: ['Choose an active board'] } });

    // One after the other: a transaction is one connection.
    const studies = await tx.imagingStudy.count({ where: { id: { in: input.imagingStudyIds }, patientId: patient.id } });
    const reports = await tx.report.count({ where: { id: { in: input.reportIds }, patientId: patient.id } });
    const labs = await tx.observation.count({ where: { id: { in: input.observationIds }, patientId: patient.id, category: 'LABORATORY' } });
    const fieldErrors: Record<string, string[]> = {};
    if (studies !== new Set(input.imagingStudyIds).size) fieldErrors.imagingStudyIds = ['Choose imaging studies of this patient'];
    if (reports !== new Set(input.reportIds).size) fieldErrors.reportIds = ['Choose reports of this patient'];
    if (labs !== new Set(input.observationIds).size) fieldErrors.observationIds = ['Choose lab values of this patient'];
    if (Object.keys(fieldErrors).length > 0) throw new AppError('VALIDATION', 'Some of the chosen material does not belong to the patient.', { fieldErrors });

    const staging = await loadPatientStaging(tx, patient.id);
    const record: ReferralRecord = {
      tnm: sourced(input.tnm, staging.tnm, sameText),
      stageGroup: sourced(input.stageGroup, staging.stageGroup, sameText),
      ecog: sourced(input.ecog === undefined ? undefined : `ECOG ${input.ecog}`, staging.ecog, (a, b) => ecogGrade(a) === ecogGrade(b)),
      material: { imagingStudyIds: [...new Set(input.imagingStudyIds)], reportIds: [...new Set(input.reportIds)], observationIds: [...new Set(input.observationIds)] },
      rule: { meetingId: board.target?.meetingId ?? null, reason: board.target?.reason ?? 'The board has no scheduled meeting yet; the coordinator will choose one.' },
      informationRequests: [],
    };
    const created = await tx.case.create({
      data: {
        patientId: patient.id,
        boardId: board.id,
        referringUserId: actor.id,
        question: input.question,
        entity: input.entity,
        icd10Code: input.icd10Code ?? null,
        icd10Display: input.icd10Display ?? null,
        icdO3Morphology: input.icdO3Morphology ?? null,
        icdO3Topography: input.icdO3Topography ?? null,
        urgency: input.urgency,
        status: 'REFERRED',
        referredAt: now,
        referral: record,
        targetMeetingId: board.target?.meetingId ?? null,
      },
      select: { id: true },
    });
    await writeAuditEvent(tx, {
      actor,
      action: 'referral.create',
      entityType: 'Case',
      entityId: created.id,
      patientId: patient.id,
      detail: {
        boardId: board.id,
        meetingId: board.target?.meetingId ?? null,
        urgency: input.urgency,
        materialCount: record.material.imagingStudyIds.length + record.material.reportIds.length + record.material.observationIds.length,
      },
    });
    return { caseId: created.id, meeting: board.target ? { id: board.target.meetingId, startsAt: board.target.startsAt, reason: board.target.reason } : null };
  });
}

import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { caseScope } from '@/lib/authz/scopes';
import { formatOutputs } from '@/lib/decision-support/format-outputs';
import { AppError, notFound } from '@/lib/errors';
import type { DecisionExportData, ExportConsideredResult, ExportPerson } from '@/lib/fhir/export/export-input';
import { decisionContentSchema } from '@/lib/schemas/decision';
import type { Tx } from '../client';

// Everything the case protocol and the FHIR export of one decision show, read in the caller's
// transaction: the decision (only if its case is in the actor's caseScope, else NOT_FOUND), its
// newest signed version (none → CONFLICT: only signed decisions leave Konsil), the amendment
// history, patient, case, board, meeting, the attendees named in the content, the model outputs
// considered at signing with the mark copied then, and the follow-up task. No audit here: the
// callers audit what they do with it (generate, export) in the same transaction.

const personSelect = { id: true, name: true, title: true, specialty: true } as const;
const toPerson = (u: { id: string; name: string; title: string | null; specialty: string | null }): ExportPerson => ({ id: u.id, name: u.name, title: u.title, specialty: u.specialty });

export async function readDecisionExport(tx: Tx, options: { actor: Actor; decisionId: string }): Promise<DecisionExportData> {
  const decision = await tx.decision.findFirst({
    where: { id: options.decisionId, case: caseScope(options.actor) },
    select: {
      id: true,
      status: true,
      meeting: { select: { id: true, startsAt: true, durationMinutes: true, status: true, location: true } },
      case: {
        select: {
          id: true,
          question: true,
          entity: true,
          icd10Code: true,
          icd10Display: true,
          referredAt: true,
          referringUser: { select: personSelect },
          board: { select: { id: true, name: true, timeZone: true } },
          patient: { select: { id: true, mrn: true, mrnSystem: true, familyName: true, givenName: true, birthDate: true, sex: true, isSynthetic: true } },
        },
      },
      versions: {
        orderBy: { number: 'asc' },
        select: {
          id: true,
          number: true,
          content: true,
          amendmentReason: true,
          signedAt: true,
          contentSha256: true,
          signedBy: { select: personSelect },
          consideredResults: {
            orderBy: { id: 'asc' },
            select: {
              mark: true,
              reason: true,
              inferenceResult: {
                select: {
                  id: true,
                  status: true,
                  outputs: true,
                  inputHash: true,
                  modelFileSha256: true,
                  modelVersion: { select: { modelKey: true, name: true, semver: true, card: true } },
                },
              },
            },
          },
        },
      },
      followUp: { select: { dueOn: true, status: true, owner: { select: personSelect } } },
    },
  });
  if (!decision) throw notFound('The decision');
  const newest = decision.versions.at(-1);
  if (!newest) throw new AppError('CONFLICT', 'This decision is not signed yet. Only signed decisions have a protocol or an export.');
  const content = decisionContentSchema.parse(newest.content);
  const attendees = content.attendeeIds.length
    ? await tx.user.findMany({ where: { id: { in: content.attendeeIds } }, select: personSelect })
    : [];
  const attendeeOrder = new Map(content.attendeeIds.map((id, i) => [id, i]));
  const c = decision.case;
  return {
    decision: { id: decision.id, status: decision.status },
    version: {
      id: newest.id,
      number: newest.number,
      content,
      signedAt: newest.signedAt.toISOString(),
      signedBy: toPerson(newest.signedBy),
      amendmentReason: newest.amendmentReason,
      contentSha256: newest.contentSha256,
    },
    history: decision.versions.map((v) => ({
      number: v.number,
      signedAt: v.signedAt.toISOString(),
      signedBy: toPerson(v.signedBy),
      amendmentReason: v.amendmentReason,
      contentSha256: v.contentSha256,
    })),
    patient: {
      id: c.patient.id,
      mrn: c.patient.mrn,
      mrnSystem: c.patient.mrnSystem,
      familyName: c.patient.familyName,
      givenName: c.patient.givenName,
      birthDate: c.patient.birthDate ? c.patient.birthDate.toISOString().slice(0, 10) : null,
      sex: c.patient.sex,
      isSynthetic: c.patient.isSynthetic,
    },
    case: {
      id: c.id,
      question: c.question,
      entity: c.entity,
      icd10Code: c.icd10Code,
      icd10Display: c.icd10Display,
      referredAt: c.referredAt?.toISOString() ?? null,
      referrer: toPerson(c.referringUser),
    },
    board: c.board,
    meeting: decision.meeting
      ? { id: decision.meeting.id, startsAt: decision.meeting.startsAt.toISOString(), durationMinutes: decision.meeting.durationMinutes, status: decision.meeting.status, location: decision.meeting.location }
      : null,
    attendees: attendees.sort((a, b) => attendeeOrder.get(a.id)! - attendeeOrder.get(b.id)!).map(toPerson),
    considered: newest.consideredResults.map(considered),
    followUp: decision.followUp ? { owner: toPerson(decision.followUp.owner), dueOn: decision.followUp.dueOn.toISOString().slice(0, 10), status: decision.followUp.status } : null,
  };
}

function considered(row: {
  mark: 'CONSIDERED' | 'DISAGREE' | null;
  reason: string | null;
  inferenceResult: {
    id: string;
    status: string;
    outputs: unknown;
    inputHash: string;
    modelFileSha256: string;
    modelVersion: { modelKey: string; name: string; semver: string; card: unknown };
  };
}): ExportConsideredResult {
  const r = row.inferenceResult;
  const horizons = (r.modelVersion.card as { horizonsMonths?: number[] } | null)?.horizonsMonths ?? null;
  const scored = r.status === 'SCORED' || r.status === 'SCORED_WITH_FLAGS';
  return {
    resultId: r.id,
    modelKey: r.modelVersion.modelKey,
    modelName: r.modelVersion.name,
    semver: r.modelVersion.semver,
    modelFileSha256: r.modelFileSha256,
    inputHash: r.inputHash,
    summary: scored ? `${formatOutputs(r.outputs as Record<string, number[]> | null, horizons)}${r.status === 'SCORED_WITH_FLAGS' ? ' (with flags)' : ''}` : `not scored (${r.status.toLowerCase().replace('_', ' ')})`,
    mark: row.mark,
    reason: row.reason,
  };
}

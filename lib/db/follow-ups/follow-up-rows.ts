import 'server-only';
import { dayInZone, daysBetween } from '@/lib/format/date';
import { summariseRecommendation } from '@/lib/follow-ups/recommendation-summary';
import type { Prisma } from '@/lib/generated/prisma/client';
import { decisionContentSchema } from '@/lib/schemas/decision';
import type { FollowUpTaskDto } from '@/lib/schemas/follow-up';

// The one select and mapping behind every follow-up list, so the owner's list, the overdue list
// and the case screen's block show a task the same way.

export const followUpTaskSelect = {
  id: true,
  version: true,
  caseId: true,
  dueOn: true,
  status: true,
  reason: true,
  note: true,
  completedAt: true,
  owner: { select: { id: true, name: true } },
  case: { select: { patientId: true, patient: { select: { pseudonym: true } }, board: { select: { name: true, timeZone: true } } } },
  decision: { select: { versions: { orderBy: { number: 'desc' }, take: 1, select: { content: true, signedAt: true } } } },
} as const satisfies Prisma.FollowUpTaskSelect;

export type FollowUpTaskRow = Prisma.FollowUpTaskGetPayload<{ select: typeof followUpTaskSelect }>;

export function toFollowUpTaskDto(row: FollowUpTaskRow, now: Date): FollowUpTaskDto {
  const dueOn = row.dueOn.toISOString().slice(0, 10);
  const today = dayInZone(now, row.case.board.timeZone);
  const newest = row.decision.versions[0];
  const content = decisionContentSchema.safeParse(newest?.content ?? {});
  return {
    id: row.id,
    version: row.version,
    caseId: row.caseId,
    pseudonym: row.case.patient.pseudonym,
    boardName: row.case.board.name,
    dueOn,
    daysOverdue: row.status === 'OPEN' ? Math.max(0, daysBetween(dueOn, today)) : 0,
    status: row.status,
    reason: row.reason,
    note: row.note,
    completedAt: row.completedAt?.toISOString() ?? null,
    owner: row.owner,
    recommendation: content.success ? summariseRecommendation(content.data) : 'The signed recommendation could not be read.',
    signedAt: newest?.signedAt.toISOString() ?? null,
  };
}

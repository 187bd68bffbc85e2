// Run by e2e/fixtures/follow-up-world.ts (tsx --conditions=react-server, the stack's database):
// a board with two cases discussed 30 days ago and signed through the real decision path
// (saveDecisionDraft + signDecision, as lib/test/create-signed-decision.ts does), so the
// follow-up tasks, audit events and case statuses are what the app itself makes. The second
// decision asked for a follow-up 10 days ago: its task is overdue. Prints the world as JSON.
import { randomUUID } from 'node:crypto';
import { db } from '../../lib/db/client';
import { saveDecisionDraft } from '../../lib/db/decisions/save-decision-draft';
import { signDecision } from '../../lib/db/decisions/sign-decision';
import type { Actor } from '../../lib/authz/actor';
import { sampleDecisionContent } from '../../lib/test/create-signed-decision';
import { createE2eUser, type E2eUser } from '../fixtures/users';

const asActor = (u: E2eUser): Actor => ({ id: u.id, email: u.email, name: u.name, roles: u.roles, ipAddress: '127.0.0.1', userAgent: 'e2e seed' });
const MEETING_AT = new Date(Date.now() - 30 * 86_400_000);
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function main() {
  const tag = randomUUID().slice(0, 6);
  const chair = await createE2eUser({ roles: ['CLINICIAN'], name: `FU Chair ${tag}` });
  const referrer = await createE2eUser({ roles: ['CLINICIAN'], name: `FU Referrer ${tag}` });
  const colleague = await createE2eUser({ roles: ['CLINICIAN'], name: `FU Colleague ${tag}` });
  const coordinator = await createE2eUser({ roles: ['COORDINATOR'], name: `FU Coordinator ${tag}` });
  const board = await db().board.create({
    data: {
      slug: `e2e-follow-up-${tag}`,
      name: `Follow-up board ${tag}`,
      entityFocus: ['LUNG'],
      members: {
        create: [
          { userId: chair.id, role: 'CHAIR' },
          { userId: colleague.id, role: 'MEMBER' },
          { userId: coordinator.id, role: 'COORDINATOR' },
        ],
      },
    },
  });
  const meeting = await db().meeting.create({ data: { boardId: board.id, startsAt: MEETING_AT, durationMinutes: 60, status: 'CLOSED' } });
  const patients = await db().patient.findMany({ where: { isSynthetic: true }, orderBy: { mrn: 'desc' }, take: 2 });
  const cases = [];
  for (const [position, patient] of patients.entries()) {
    const kase = await db().case.create({
      data: { patientId: patient.id, boardId: board.id, referringUserId: referrer.id, question: `Follow-up question ${position + 1} (${tag})`, entity: 'LUNG', status: 'SCHEDULED', referredAt: new Date(MEETING_AT.getTime() - 8 * 86_400_000) },
    });
    await db().agendaItem.create({ data: { meetingId: meeting.id, caseId: kase.id, position, minutesAllotted: 5, status: 'DISCUSSED' } });
    const content = sampleDecisionContent({ followUpDueOn: position === 0 ? day(30) : day(-10) });
    const draft = await saveDecisionDraft({ actor: asActor(colleague), input: { caseId: kase.id, meetingId: meeting.id, content } });
    // Signed an hour after the meeting began: a follow-up cannot be due before its signature.
    const signed = await signDecision({ actor: asActor(chair), input: { decisionId: draft.decisionId, expectedVersion: draft.version }, email: false, now: new Date(MEETING_AT.getTime() + 3_600_000) });
    cases.push({ caseId: kase.id, pseudonym: patient.pseudonym, taskId: signed.followUpTaskId });
  }
  process.stdout.write(`${JSON.stringify({ boardId: board.id, boardName: board.name, referrer, colleague, coordinator, open: cases[0], overdue: cases[1] })}\n`);
  await db().$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

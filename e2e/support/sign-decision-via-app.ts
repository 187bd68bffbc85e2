// Run by e2e/fixtures/signed-decision.ts (tsx --conditions=react-server, the stack's database):
// records and signs a decision on a case through the app's own path (saveDecisionDraft +
// signDecision: the triggers, follow-up task and audit events the app makes). The author must be
// a member of the case's board; without a chair id, a fresh clinician is made the board's chair.
// Prints {"decisionId", "chairId"} as JSON.
import { db } from '../../lib/db/client';
import { saveDecisionDraft } from '../../lib/db/decisions/save-decision-draft';
import { signDecision } from '../../lib/db/decisions/sign-decision';
import type { Actor } from '../../lib/authz/actor';
import { sampleDecisionContent } from '../../lib/test/create-signed-decision';
import { createE2eUser } from '../fixtures/users';

interface Args {
  caseId: string;
  meetingId: string;
  authorId: string;
  chairId?: string;
}

async function actorOf(id: string): Promise<Actor> {
  const u = await db().user.findUniqueOrThrow({ where: { id }, select: { id: true, email: true, name: true, roles: true } });
  return { ...u, ipAddress: '127.0.0.1', userAgent: 'e2e fixture' };
}

async function main() {
  const args = JSON.parse(process.argv[2] ?? '{}') as Args;
  const kase = await db().case.findUniqueOrThrow({ where: { id: args.caseId }, select: { boardId: true } });
  let chairId = args.chairId;
  if (!chairId) {
    chairId = (await createE2eUser({ roles: ['CLINICIAN'], name: 'E2E fixture chair' })).id;
    await db().boardMembership.create({ data: { boardId: kase.boardId, userId: chairId, role: 'CHAIR' } });
  }
  const draft = await saveDecisionDraft({ actor: await actorOf(args.authorId), input: { caseId: args.caseId, meetingId: args.meetingId, content: sampleDecisionContent() } });
  await signDecision({ actor: await actorOf(chairId), input: { decisionId: draft.decisionId, expectedVersion: draft.version }, email: false });
  process.stdout.write(`${JSON.stringify({ decisionId: draft.decisionId, chairId })}\n`);
  await db().$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

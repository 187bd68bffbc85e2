'use server';
// Generating protocols: the letter to the referrer for a signed decision (case protocol) and the
// meeting protocol. Each export is built by createAction; lib/db checks permission and scope again.
import { generateCaseProtocol, generateMeetingProtocol } from '@/lib/protocols/generate-protocols';
import { generateCaseProtocolSchema, generateMeetingProtocolSchema } from '@/lib/schemas/protocol-documents';
import { createAction } from './create-action';

export const generateCaseProtocolAction = createAction({
  name: 'protocols.generateCaseProtocol',
  permission: 'decisions.export',
  input: generateCaseProtocolSchema,
  handler: async ({ actor, input }) => {
    const stored = await generateCaseProtocol({ actor, decisionId: input.decisionId });
    return { documentId: stored.documentId, sha256: stored.sha256, caseId: stored.caseId, decisionVersion: stored.decisionVersion };
  },
  revalidate: ({ result }) => [`/cases/${result.caseId}`],
  successMessage: 'Letter generated.',
});

export const generateMeetingProtocolAction = createAction({
  name: 'protocols.generateMeetingProtocol',
  permission: 'decisions.export',
  input: generateMeetingProtocolSchema,
  handler: async ({ actor, input }) => {
    const stored = await generateMeetingProtocol({ actor, meetingId: input.meetingId });
    return { documentId: stored.documentId, sha256: stored.sha256 };
  },
  revalidate: ({ input }) => [`/meetings/${input.meetingId}`],
  successMessage: 'Meeting protocol generated.',
});

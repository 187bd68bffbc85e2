'use client';
// The "Generate letter" and "Generate meeting protocol" buttons (server actions in
// lib/actions/protocols.ts). The page revalidates on success, so the new file appears in the list.
import { generateCaseProtocolAction, generateMeetingProtocolAction } from '@/lib/actions/protocols';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';

export function GenerateCaseProtocolForm({ decisionId }: { decisionId: string }) {
  return (
    <ActionForm action={generateCaseProtocolAction} label="Generate letter" className="space-y-2">
      {({ pending }) => (
        <>
          <input type="hidden" name="decisionId" value={decisionId} />
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? 'Generating…' : 'Generate letter'}
          </Button>
        </>
      )}
    </ActionForm>
  );
}

export function GenerateMeetingProtocolForm({ meetingId }: { meetingId: string }) {
  return (
    <ActionForm action={generateMeetingProtocolAction} label="Generate meeting protocol" className="space-y-2">
      {({ pending }) => (
        <>
          <input type="hidden" name="meetingId" value={meetingId} />
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? 'Generating…' : 'Generate meeting protocol'}
          </Button>
        </>
      )}
    </ActionForm>
  );
}

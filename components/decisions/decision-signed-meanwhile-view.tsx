'use client';
// Shown in place of the form when the decision was signed (or its amendment cancelled) while
// this editor still held unsaved text. The editor stays mounted so nothing typed is lost: the
// user's text is listed beside what was signed, can be copied, and is dropped only when they
// press "Discard mine". To keep it, they amend: their changed fields go into the amendment.
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { DecisionDiffTable } from './decision-diff-table';
import { diffDecisionContent } from '@/lib/decisions/decision-diff';
import { formatDateTime } from '@/lib/format/date';
import type { DecisionContent } from '@/lib/schemas/decision';
import type { DecisionDto, PersonDto } from '@/lib/schemas/decision-dto';

export function DecisionSignedMeanwhileView(props: {
  decision: DecisionDto;
  mine: DecisionContent;
  people: PersonDto[];
  timeZone: string;
  /** The amendment the user was editing was cancelled (rather than a new version signed). */
  cancelled: boolean;
  canAmend: boolean;
  busy: boolean;
  onDiscard: () => void;
  onAmend: () => void;
}) {
  const { decision, mine, people, timeZone, cancelled, canAmend, busy, onDiscard, onAmend } = props;
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? 'a former board member';
  const newest = decision.versions[0];
  const signedContent = newest?.content ?? decision.draft;
  const diffs = diffDecisionContent(signedContent, mine, nameOf);
  const myText = diffs.map((d) => `${d.label}:\n${d.mine}`).join('\n\n');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(myText);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  const what = cancelled
    ? 'The amendment you were editing was cancelled meanwhile; the signed version stays valid.'
    : `The decision was signed meanwhile${newest ? ` (by ${newest.signedBy.name}, ${formatDateTime(newest.signedAt, timeZone)})` : ''}.`;
  return (
    <section role="alertdialog" aria-labelledby="decision-signed-meanwhile-title" aria-describedby="decision-signed-meanwhile-text" className="space-y-3 rounded-md border border-amber-400 bg-amber-50 p-4" data-testid="decision-signed-meanwhile">
      <h4 id="decision-signed-meanwhile-title" className="text-base font-semibold text-amber-950">
        {cancelled ? 'The amendment was cancelled while you were editing' : 'The decision was signed while you were editing'}
      </h4>
      <p id="decision-signed-meanwhile-text" className="text-sm text-amber-950">
        {what} Your unsaved changes were not saved into it and are kept here until you discard them. Copy what you need, or amend the decision to carry them over.
      </p>
      {diffs.length > 0 ? (
        <DecisionDiffTable
          diffs={diffs}
          caption="Your unsaved changes beside the signed version"
          testId="decision-signed-meanwhile-diff"
          serverHeading={`Signed version${newest ? ` ${newest.number}` : ''}`}
          serverCellTestId="signed"
          selectMine
        />
      ) : (
        <p className="text-sm text-amber-950">Your text matches the signed version; nothing would be lost.</p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        {diffs.length > 0 && (
          <Button variant="secondary" onClick={() => void copy()}>
            Copy my changes
          </Button>
        )}
        <Button variant="secondary" onClick={onDiscard} disabled={busy}>
          Discard mine
        </Button>
        {canAmend && (
          <Button onClick={onAmend} disabled={busy}>
            {busy ? 'Amending…' : 'Amend with my changes'}
          </Button>
        )}
        {copied && (
          <span role="status" className="text-sm text-amber-950">
            {copied === 'yes' ? 'Copied to the clipboard.' : 'Copying failed; select the text in the table instead.'}
          </span>
        )}
      </div>
    </section>
  );
}

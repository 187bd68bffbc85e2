'use client';
// Shown when an autosave found that someone else saved the decision first. Autosave has
// stopped; nothing is sent until the user picks "Use theirs" (drop my changes) or "Keep mine"
// (save mine on top of their version). The fields that differ are listed side by side.
import { Button } from '@/components/ui/button';
import { DecisionDiffTable } from './decision-diff-table';
import { diffDecisionContent } from '@/lib/decisions/decision-diff';
import { formatDateTime } from '@/lib/format/date';
import type { DecisionContent } from '@/lib/schemas/decision';
import type { DecisionDto, PersonDto } from '@/lib/schemas/decision-dto';

export function DecisionConflictView(props: {
  theirs: DecisionDto | null;
  mine: DecisionContent;
  people: PersonDto[];
  timeZone: string;
  loading: boolean;
  onUseTheirs: () => void;
  onKeepMine: () => void;
}) {
  const { theirs, mine, people, timeZone, loading, onUseTheirs, onKeepMine } = props;
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? 'a former board member';
  const diffs = theirs ? diffDecisionContent(theirs.draft, mine, nameOf) : [];
  const signed = theirs?.status === 'SIGNED';
  return (
    <section role="alertdialog" aria-labelledby="decision-conflict-title" aria-describedby="decision-conflict-text" className="space-y-3 rounded-md border border-amber-400 bg-amber-50 p-4" data-testid="decision-conflict">
      <h4 id="decision-conflict-title" className="text-base font-semibold text-amber-950">
        Someone else saved this decision while you were editing
      </h4>
      <p id="decision-conflict-text" className="text-sm text-amber-950">
        {loading || !theirs
          ? 'Loading their version…'
          : signed
            ? `The decision was signed meanwhile (by ${theirs.versions[0]?.signedBy.name ?? 'the chair'}). Your unsaved changes cannot be saved into it; copy what you need, then use the signed version and amend it.`
            : `Their saved version (by ${theirs.lastEditedBy?.name ?? 'someone'}, at ${formatDateTime(theirs.updatedAt, timeZone)}) differs from your unsaved changes in ${diffs.length === 1 ? 'one field' : `${diffs.length} fields`}. Nothing has been overwritten. Choose which to keep.`}
      </p>
      {theirs && diffs.length > 0 && (
        <DecisionDiffTable
          diffs={diffs}
          caption="Fields that differ"
          testId="decision-conflict-diff"
          serverHeading={`Their saved version (${theirs.lastEditedBy?.name ?? 'someone'}, ${formatDateTime(theirs.updatedAt, timeZone)})`}
          serverCellTestId="theirs"
        />
      )}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={onUseTheirs} disabled={loading || !theirs}>
          Use theirs (discard mine)
        </Button>
        {!signed && (
          <Button onClick={onKeepMine} disabled={loading || !theirs}>
            Keep mine (save over theirs)
          </Button>
        )}
      </div>
    </section>
  );
}

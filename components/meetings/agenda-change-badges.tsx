import { Badge } from '@/components/ui/badge';
import type { AgendaChange } from '@/lib/preparation/publication-diff';

/** What changed for one case since the agenda was published, in words. */
export function AgendaChangeBadges({ change }: { change: AgendaChange | null }) {
  if (!change || change.kinds.length === 0) return null;
  return (
    <span className="flex flex-wrap gap-1" data-testid="agenda-change">
      {change.kinds.map((kind) => (
        <Badge key={kind} tone={kind === 'removed' || kind === 'postponed' ? 'danger' : 'warning'}>
          {kind === 'added' && 'Added since publication'}
          {kind === 'removed' && 'Removed since publication'}
          {kind === 'moved' && `Moved from place ${change.fromPlace} to ${change.toPlace}`}
          {kind === 'minutes' && `Time changed: ${change.fromMinutes} → ${change.toMinutes} min`}
          {kind === 'postponed' && 'Postponed since publication'}
        </Badge>
      ))}
    </span>
  );
}

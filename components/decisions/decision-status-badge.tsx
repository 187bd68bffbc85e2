import { Badge } from '@/components/ui/badge';
import type { DecisionDto } from '@/lib/schemas/decision-dto';

/** Draft / Signed · version N / Amending (version N stays valid until the amendment is signed). */
export function DecisionStatusBadge({ decision }: { decision: Pick<DecisionDto, 'status' | 'versions'> }) {
  const newest = decision.versions[0]?.number;
  const text = decision.status === 'DRAFT' ? 'Draft' : decision.status === 'SIGNED' ? `Signed · version ${newest}` : `Amending · version ${newest} valid`;
  const tone = decision.status === 'SIGNED' ? 'success' : decision.status === 'AMENDING' ? 'warning' : 'neutral';
  return (
    <span data-testid="decision-status" data-status={decision.status}>
      <Badge tone={tone}>{text}</Badge>
    </span>
  );
}

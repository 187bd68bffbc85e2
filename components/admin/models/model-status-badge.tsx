import { Badge } from '@/components/ui/badge';
import { modelStatusLabels, modelStatusTones } from '@/lib/decision-support/model-lifecycle';
import type { ModelVersionStatus } from '@/lib/schemas/inference';

export function ModelStatusBadge({ status }: { status: ModelVersionStatus }) {
  return (
    <Badge tone={modelStatusTones[status]} className="uppercase tracking-wide">
      <span data-testid="model-status">{modelStatusLabels[status]}</span>
    </Badge>
  );
}

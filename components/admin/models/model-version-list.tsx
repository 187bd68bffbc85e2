// The registry, grouped by model: per model what it is (its active or newest card), then
// every version, newest first, with status, statistics and the lifecycle buttons.
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { shortHash } from '@/lib/decision-support/format';
import { formatDateTime } from '@/lib/format/date';
import type { ModelCard } from '@/lib/models/model-card';
import type { ModelVersionDto } from '@/lib/schemas/inference';
import { ModelCardOverview } from './model-card-overview';
import { ModelLifecycleForm } from './model-lifecycle-form';
import { ModelStatusBadge } from './model-status-badge';
import { ModelVersionStats } from './model-version-stats';

export interface ModelGroup {
  modelKey: string;
  name: string;
  /** The card of the active version, else of the newest. */
  card: ModelCard | null;
  versions: ModelVersionDto[];
}

export function ModelVersionList({ groups, timeZone }: { groups: ModelGroup[]; timeZone: string }) {
  return (
    <div className="space-y-6">
      {groups.map((group) => (
        <Card key={group.modelKey} title={group.name}>
          <div className="space-y-4" data-testid="model-group" data-model-key={group.modelKey}>
            <p className="font-mono text-xs text-slate-600">{group.modelKey}</p>
            {group.card && <ModelCardOverview card={group.card} />}
            <ol className="space-y-3" aria-label={`Versions of ${group.modelKey}`}>
              {group.versions.map((v) => (
                <li key={v.id} className="space-y-2 rounded-md border border-slate-200 p-3" data-testid="model-version" data-semver={v.semver} data-status={v.status}>
                  <div className="flex flex-wrap items-center gap-3">
                    <h3 className="text-base font-semibold text-slate-900">Version {v.semver}</h3>
                    <ModelStatusBadge status={v.status} />
                    <span className="text-sm text-slate-600">
                      registered {formatDateTime(v.createdAt, timeZone)}
                      {v.uploadedBy ? ` by ${v.uploadedBy.name}` : ' with Konsil'} · file <code title={v.fileSha256}>{shortHash(v.fileSha256)}…</code>
                    </span>
                    <Link href={`/admin/models/${v.id}`} className="text-sm text-brand-700 underline hover:text-brand-800">
                      {v.status === 'SHADOW' ? 'Shadow comparison and details' : 'Details'}
                      <span className="sr-only"> of {group.modelKey} {v.semver}</span>
                    </Link>
                  </div>
                  {v.statusReason && <p className="text-sm text-slate-700">Last change: {v.statusReason}</p>}
                  <ModelVersionStats stats={v.stats} timeZone={timeZone} />
                  <details>
                    <summary className="cursor-pointer text-sm font-medium text-brand-700 hover:text-brand-800">
                      Change status<span className="sr-only"> of {group.modelKey} {v.semver}</span>…
                    </summary>
                    <div className="mt-2">
                      <ModelLifecycleForm version={v} />
                    </div>
                  </details>
                </li>
              ))}
            </ol>
          </div>
        </Card>
      ))}
    </div>
  );
}

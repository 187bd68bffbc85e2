import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ModelCardOverview } from '@/components/admin/models/model-card-overview';
import { ModelLifecycleForm } from '@/components/admin/models/model-lifecycle-form';
import { ModelStatusBadge } from '@/components/admin/models/model-status-badge';
import { ModelVersionStats } from '@/components/admin/models/model-version-stats';
import { ShadowComparisonTable } from '@/components/admin/models/shadow-comparison-table';
import { ValidationReportView } from '@/components/admin/models/validation-report-view';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { guardPage } from '@/lib/authz/guard-page';
import { listShadowComparisons } from '@/lib/db/inference/shadow-comparisons';
import { getModelVersion } from '@/lib/db/model-versions';
import { getEnv } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format/date';
import { storedModelCardSchema } from '@/lib/models/model-card';

export const metadata = { title: 'Model version' };

/** One model version: card, validation report, statistics, lifecycle, and its shadow results beside the active version's. */
export default async function ModelVersionPage({ params }: { params: Promise<{ versionId: string }> }) {
  const actor = await guardPage('/admin/models/[versionId]');
  const { versionId } = await params;
  const version = await getModelVersion({ actor, versionId }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const card = storedModelCardSchema.safeParse(version.card);
  const comparisons = await listShadowComparisons({ actor, modelVersionId: version.id });
  const timeZone = getEnv().KONSIL_TIME_ZONE;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/models" className="text-brand-700 underline hover:text-brand-800">
          ← All models
        </Link>
      </p>
      <PageHeader title={`${version.name} — version ${version.semver}`} description={`${version.modelKey}, registered ${formatDateTime(version.createdAt, timeZone)}${version.uploadedBy ? ` by ${version.uploadedBy.name}` : ' with Konsil'}.`} />
      <Card title="Status">
        <div className="space-y-3">
          <p className="flex flex-wrap items-center gap-3 text-sm">
            <ModelStatusBadge status={version.status} />
            {version.statusReason && <span className="text-slate-700">Last change: {version.statusReason}</span>}
          </p>
          <ModelVersionStats stats={version.stats} timeZone={timeZone} />
          <ModelLifecycleForm version={version} />
        </div>
      </Card>
      <Card title="Shadow comparison">
        <p className="mb-3 text-sm text-slate-600">
          The newest result of this version per case, beside the result the model&apos;s non-shadow version gave in the same run. Cases are named by their id only:
          no patient identity or inputs are shown here.
        </p>
        <ShadowComparisonTable comparisons={comparisons} semver={version.semver} inShadow={version.status === 'SHADOW'} horizonsMonths={card.success ? (card.data.horizonsMonths ?? null) : null} timeZone={timeZone} />
      </Card>
      <Card title="Model card">{card.success ? <ModelCardOverview card={card.data} detailed /> : <p className="text-sm text-red-700">The stored card no longer parses.</p>}</Card>
      <Card title="Validation report">
        <ValidationReportView report={version.validationReport} fileSha256={version.fileSha256} fileSizeBytes={version.fileSizeBytes} timeZone={timeZone} />
      </Card>
    </div>
  );
}

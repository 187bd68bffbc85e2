import { ModelUploadForm } from '@/components/admin/models/model-upload-form';
import { ModelVersionList, type ModelGroup } from '@/components/admin/models/model-version-list';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { guardPage } from '@/lib/authz/guard-page';
import { getModelVersion, listModelVersions } from '@/lib/db/model-versions';
import { getEnv } from '@/lib/env';
import { storedModelCardSchema } from '@/lib/models/model-card';
import type { ModelVersionDto } from '@/lib/schemas/inference';

export const metadata = { title: 'Models' };

/** Versions by model (the list comes newest first per model), with the card of the active or newest version. */
async function groupVersions(actor: Parameters<typeof listModelVersions>[0]['actor'], versions: ModelVersionDto[]): Promise<ModelGroup[]> {
  const byKey = new Map<string, ModelVersionDto[]>();
  for (const v of versions) byKey.set(v.modelKey, [...(byKey.get(v.modelKey) ?? []), v]);
  return Promise.all(
    [...byKey].map(async ([modelKey, list]) => {
      const shown = list.find((v) => v.status === 'ACTIVE') ?? list[0]!;
      const detail = await getModelVersion({ actor, versionId: shown.id });
      const card = storedModelCardSchema.safeParse(detail.card);
      return { modelKey, name: shown.name, card: card.success ? card.data : null, versions: list };
    }),
  );
}

export default async function ModelsPage() {
  const actor = await guardPage('/admin/models');
  const versions = await listModelVersions({ actor });
  const groups = await groupVersions(actor, versions);
  const timeZone = getEnv().KONSIL_TIME_ZONE;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Decision-support models"
        description="Registered ONNX model versions, their run statistics and their lifecycle: validated → shadow → active → retired. Research use only; not a medical device."
      />
      {groups.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-600">No model versions are registered yet.</p>
        </Card>
      ) : (
        <ModelVersionList groups={groups} timeZone={timeZone} />
      )}
      <Card title="Register a model version">
        <p className="mb-4 text-sm text-slate-600">
          The file and its card are validated before anything is stored: the ONNX policy, the inputs and outputs against the card, the card inside the file, and
          every test vector on the runtime. A new version starts as validated and runs nowhere until you put it in shadow mode or activate it.
        </p>
        <ModelUploadForm />
      </Card>
    </div>
  );
}

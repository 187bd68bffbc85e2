import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { guardPage } from '@/lib/authz/guard-page';
import { listModelVersions } from '@/lib/db/model-versions';
import { formatDateTime } from '@/lib/format/date';
import { getEnv } from '@/lib/env';

export const metadata = { title: 'Models' };

export default async function ModelsPage() {
  const actor = await guardPage('/admin/models');
  const versions = await listModelVersions({ actor });
  const timeZone = getEnv().KONSIL_TIME_ZONE;
  return (
    <div className="space-y-6">
      <PageHeader title="Decision-support models" description="Registered ONNX model versions. Research use only; not a medical device." />
      <Card>
        {versions.length === 0 ? (
          <p className="text-sm text-slate-600">No model versions are registered yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Model versions</caption>
            <thead className="border-b border-slate-200 text-xs uppercase text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4">Model</th>
                <th scope="col" className="py-2 pr-4">Version</th>
                <th scope="col" className="py-2 pr-4">Status</th>
                <th scope="col" className="py-2 pr-4">File sha256</th>
                <th scope="col" className="py-2">Registered</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {versions.map((v) => (
                <tr key={v.id}>
                  <td className="py-2 pr-4">{v.name}<div className="text-xs text-slate-600">{v.modelKey}</div></td>
                  <td className="py-2 pr-4">{v.semver}</td>
                  <td className="py-2 pr-4"><Badge tone={v.status === 'ACTIVE' ? 'success' : 'neutral'}>{v.status.toLowerCase()}</Badge></td>
                  <td className="py-2 pr-4 font-mono text-xs">{v.fileSha256.slice(0, 16)}…</td>
                  <td className="py-2">{formatDateTime(v.createdAt, timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}

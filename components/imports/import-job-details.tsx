'use client';
// The outcome of one import: every problem with the file (and, for FHIR, the
// entry and element) it concerns. Messages are shown as text, never as HTML.
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '@/lib/queries/keys';
import type { ImportJobDto } from '@/lib/schemas/import-job';

interface Issue {
  severity?: string;
  code?: string;
  details?: { text?: string };
  diagnostics?: string;
  expression?: string[];
}
interface FileOutcome {
  name: string;
  status: string;
  reason?: string;
  warnings?: string[];
  issues?: Issue[];
}

export function ImportJobDetails({ jobId, status }: { jobId: string; status: ImportJobDto['status'] }) {
  const { data, error, isPending } = useQuery({
    queryKey: [...queryKeys.importJob(jobId), status],
    queryFn: async () => {
      const response = await fetch(`/api/imports/${jobId}`, { cache: 'no-store' });
      if (!response.ok) throw new Error(`Could not load the import (${response.status})`);
      return (await response.json()) as ImportJobDto;
    },
  });
  if (isPending) return <p className="text-sm text-slate-600">Loading…</p>;
  if (error) return <p className="text-sm text-red-700">{error.message}</p>;
  const files = ((data.outcome as { files?: FileOutcome[] } | null)?.files ?? []).filter(
    (f) => f.status !== 'stored' && f.status !== 'SUCCEEDED' && f.status !== 'unchanged' || (f.issues?.length ?? 0) > 0 || (f.warnings?.length ?? 0) > 0,
  );
  if (files.length === 0) return <p className="text-sm text-slate-700">{data.finishedAt ? 'No problems reported.' : 'Still running.'}</p>;
  return (
    <ul className="space-y-2 text-sm" aria-label="Problems by file">
      {files.map((file, i) => (
        <li key={`${file.name}-${i}`}>
          <span className="font-medium">{file.name}</span> <span className="text-slate-600">({file.status})</span>
          {file.reason && <div className="text-red-800">{file.reason}</div>}
          {file.warnings?.map((w, j) => (
            <div key={j} className="text-amber-800">
              warning: {w}
            </div>
          ))}
          {file.issues && file.issues.length > 0 && (
            <ul className="ml-4 list-disc">
              {file.issues.map((issue, j) => (
                <li key={j} className={issue.severity === 'error' || issue.severity === 'fatal' ? 'text-red-800' : 'text-slate-700'}>
                  {issue.severity}: {issue.expression?.length ? <code className="text-xs">{issue.expression.join(', ')}</code> : null}{' '}
                  {issue.details?.text ?? issue.diagnostics ?? issue.code}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

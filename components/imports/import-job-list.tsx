'use client';
// Recent imports with live progress: polls while any job is queued or running,
// stops polling when all are finished. Details (per-file problems) load on demand.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/lib/format/date';
import { queryKeys } from '@/lib/queries/keys';
import { finishedStatuses, type ImportJobDto } from '@/lib/schemas/import-job';
import { ImportJobDetails } from './import-job-details';

const tone = { QUEUED: 'neutral', RUNNING: 'brand', SUCCEEDED: 'success', PARTIAL: 'warning', FAILED: 'danger' } as const;
const label = { QUEUED: 'Queued', RUNNING: 'Running', SUCCEEDED: 'Done', PARTIAL: 'Done with problems', FAILED: 'Failed' } as const;

async function fetchJobs(): Promise<ImportJobDto[]> {
  const response = await fetch('/api/imports', { cache: 'no-store' });
  if (!response.ok) throw new Error(`Could not load imports (${response.status})`);
  return ((await response.json()) as { jobs: ImportJobDto[] }).jobs;
}

export function ImportJobList({ initialJobs, timeZone }: { initialJobs: ImportJobDto[]; timeZone: string }) {
  const [open, setOpen] = useState<string | null>(null);
  const { data: jobs = initialJobs, error } = useQuery({
    queryKey: queryKeys.importJobs(),
    queryFn: fetchJobs,
    initialData: initialJobs,
    refetchInterval: (query) => ((query.state.data ?? []).some((j) => !finishedStatuses.has(j.status)) ? 1000 : false),
  });
  if (jobs.length === 0) return <p className="text-sm text-slate-600">No imports yet.</p>;
  return (
    <div className="space-y-2">
      {error && <p className="text-sm text-red-700">{(error as Error).message}</p>}
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-slate-600">
          <tr>
            <th className="py-2">Started</th>
            <th>By</th>
            <th>What</th>
            <th>Status</th>
            <th>Progress</th>
            <th>Result</th>
            <th>
              <span className="sr-only">Details</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <ImportJobRow key={job.id} job={job} timeZone={timeZone} open={open === job.id} onToggle={() => setOpen(open === job.id ? null : job.id)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ImportJobRow({ job, timeZone, open, onToggle }: { job: ImportJobDto; timeZone: string; open: boolean; onToggle: () => void }) {
  const percent = job.totalItems > 0 ? Math.round((100 * job.processedItems) / job.totalItems) : finishedStatuses.has(job.status) ? 100 : 0;
  return (
    <>
      <tr className="border-t border-slate-200 align-top" data-testid="import-job" data-status={job.status}>
        <td className="py-2 whitespace-nowrap">{formatDateTime(job.createdAt, timeZone)}</td>
        <td>{job.requestedBy}</td>
        <td>
          <span className="font-medium">{job.kind}</span> <span className="text-slate-600">via {job.channel}</span>
          <div className="max-w-xs truncate text-xs text-slate-600" title={job.sourceName}>
            {job.sourceName}
          </div>
        </td>
        <td>
          <Badge tone={tone[job.status]}>{label[job.status]}</Badge>
        </td>
        <td className="min-w-32">
          <progress className="w-28" max={100} value={percent} aria-label={`Progress of import ${job.sourceName}`}>
            {percent}%
          </progress>
          <div className="text-xs text-slate-600">
            {job.processedItems} / {job.totalItems || '?'} files
          </div>
        </td>
        <td className="text-xs">
          {job.createdCount} new · {job.updatedCount} updated · {job.unchangedCount} unchanged · {job.failedCount} failed
          {job.error && <div className="text-red-700">{job.error}</div>}
        </td>
        <td>
          <button type="button" className="text-sm font-medium text-brand-700 underline" aria-expanded={open} onClick={onToggle}>
            {open ? 'Hide' : 'Details'}
          </button>
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={7} className="bg-slate-50 p-3">
            <ImportJobDetails jobId={job.id} status={job.status} />
          </td>
        </tr>
      )}
    </>
  );
}

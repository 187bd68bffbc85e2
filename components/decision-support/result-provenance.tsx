'use client';
// Where a result came from: the exact model file (sha256) and inputs (hash of the input
// vector), when it ran, how long it took, who or what started it. Enough to find the run
// again in the audit trail and to re-run the same file on the same inputs.
import { useState } from 'react';
import { shortHash } from '@/lib/decision-support/format';
import { formatDateTime } from '@/lib/format/date';
import type { InferenceResultDto } from '@/lib/schemas/inference';

const triggerLabels: Record<InferenceResultDto['trigger'], string> = {
  ON_DEMAND: 'on demand (“Run models now”)',
  AUTO_PREPARE: 'automatically, when the case was prepared for its meeting',
};

/** A hash shortened for reading, full on hover and in the copy; copying falls back to a selected field. */
function HashValue({ label, hash }: { label: string; hash: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(hash);
      setState('copied');
    } catch {
      // No clipboard (plain http on another host, or denied): show the full value, selected, for Ctrl+C.
      setState('manual');
    }
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <code title={hash} className="rounded bg-slate-100 px-1 font-mono text-xs" data-full-hash={hash}>
        {shortHash(hash)}…
      </code>
      <button type="button" onClick={copy} className="text-xs text-brand-700 underline hover:text-brand-800" aria-label={`Copy the full ${label}`}>
        {state === 'copied' ? 'Copied' : 'Copy'}
      </button>
      {state === 'manual' && (
        <input readOnly value={hash} aria-label={`Full ${label}`} className="w-full rounded border border-slate-300 px-1 font-mono text-xs" autoFocus onFocus={(e) => e.currentTarget.select()} />
      )}
    </span>
  );
}

export function ResultProvenance({ result, timeZone }: { result: InferenceResultDto; timeZone: string }) {
  return (
    <details className="text-sm" data-testid="result-provenance">
      <summary className="cursor-pointer font-medium text-brand-700 hover:text-brand-800">Provenance</summary>
      <dl className="mt-2 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-slate-700">
        <dt className="text-slate-600">Model version</dt>
        <dd>{result.semver}</dd>
        <dt className="text-slate-600">Model file sha256</dt>
        <dd>
          <HashValue label="model file sha256" hash={result.modelFileSha256} />
        </dd>
        <dt className="text-slate-600">Input hash</dt>
        <dd>
          <HashValue label="input hash" hash={result.inputHash} />
        </dd>
        <dt className="text-slate-600">Run</dt>
        <dd>
          <time dateTime={result.createdAt}>{formatDateTime(result.createdAt, timeZone)}</time>
          {result.durationMs !== null && <> · {result.durationMs < 1 ? result.durationMs.toFixed(3) : result.durationMs.toFixed(1)} ms</>}
        </dd>
        <dt className="text-slate-600">Started</dt>
        <dd data-testid="result-trigger">
          {triggerLabels[result.trigger]}
          {result.triggeredBy ? `, by ${result.triggeredBy.name}` : ''}
        </dd>
      </dl>
    </details>
  );
}

// A shadow version beside the active one, case by case (listShadowComparisons): statuses,
// outputs and flags of both from the same run, and the largest difference. Admins hold no
// clinical permission, so a case is named by its id only; no patient, no inputs.
import { Badge } from '@/components/ui/badge';
import { formatNumber, resultStatusLabels } from '@/lib/decision-support/format';
import { formatOutputs } from '@/lib/decision-support/format-outputs';
import { formatDateTime } from '@/lib/format/date';
import type { ShadowComparisonDto } from '@/lib/schemas/inference';

export function ShadowComparisonTable({
  comparisons,
  semver,
  inShadow,
  horizonsMonths,
  timeZone,
}: {
  comparisons: ShadowComparisonDto[];
  semver: string;
  /** The version is in shadow mode now (an empty table then means "not run yet"). */
  inShadow: boolean;
  horizonsMonths: number[] | null;
  timeZone: string;
}) {
  if (comparisons.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        {inShadow
          ? 'No shadow results yet: this version runs beside the active one whenever a case’s models run.'
          : 'This version has no shadow results: it has not run in shadow mode.'}
      </p>
    );
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="shadow-comparisons">
        <caption className="sr-only">Shadow version {semver} beside the active version, newest run first</caption>
        <thead className="text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4">Case</th>
            <th scope="col" className="py-2 pr-4">Run</th>
            <th scope="col" className="py-2 pr-4">Shadow ({semver})</th>
            <th scope="col" className="py-2 pr-4">Active version</th>
            <th scope="col" className="py-2 text-right">Largest |Δ|</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {comparisons.map((c) => (
            <tr key={c.shadow.resultId} className="align-top" data-testid="shadow-comparison" data-case-id={c.caseId}>
              <td className="py-2 pr-4 font-mono text-xs">{c.caseId}</td>
              <td className="py-2 pr-4">{formatDateTime(c.shadow.createdAt, timeZone)}</td>
              <td className="py-2 pr-4" data-testid="shadow-side">
                <Badge>{resultStatusLabels[c.shadow.status]}</Badge>
                <span className="block tabular-nums">{formatOutputs(c.shadow.outputs, horizonsMonths)}</span>
                {c.shadow.flagCodes.length > 0 && <span className="block text-xs text-slate-600">flags: {c.shadow.flagCodes.join(', ')}</span>}
              </td>
              <td className="py-2 pr-4" data-testid="active-side">
                {c.active ? (
                  <>
                    <span className="block text-xs text-slate-600">version {c.active.semver}</span>
                    <Badge>{resultStatusLabels[c.active.status]}</Badge>
                    <span className="block tabular-nums">{formatOutputs(c.active.outputs, horizonsMonths)}</span>
                    {c.active.flagCodes.length > 0 && <span className="block text-xs text-slate-600">flags: {c.active.flagCodes.join(', ')}</span>}
                  </>
                ) : (
                  <span className="text-slate-600">no result of the active version in that run</span>
                )}
              </td>
              <td className="py-2 text-right tabular-nums" data-testid="max-difference">
                {c.maxAbsDifference === null ? '—' : formatNumber(c.maxAbsDifference)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

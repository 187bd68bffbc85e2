// Every input the model asked for: its status, what the case held (value and unit as
// recorded), the value fed to the model (in the model's unit), and where it came from,
// exactly as stored with the result.
import { Badge } from '@/components/ui/badge';
import { featureStatusLabels, featureStatusTones, formatFeatureValue } from '@/lib/decision-support/format';
import { formatDate } from '@/lib/format/date';
import type { InferenceInputDto } from '@/lib/schemas/inference';

export function InputCompleteness({ inputs, timeZone, openByDefault }: { inputs: InferenceInputDto[]; timeZone: string; openByDefault: boolean }) {
  const usable = inputs.filter((i) => i.status === 'ok').length;
  const imputed = inputs.filter((i) => i.status === 'imputed').length;
  return (
    <details open={openByDefault} data-testid="model-inputs" className="text-sm">
      <summary className="cursor-pointer font-medium text-brand-700 hover:text-brand-800">
        Inputs: {usable} of {inputs.length} found{imputed > 0 ? `, ${imputed} imputed` : ''}
      </summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Every input of the model, with its status, value and source</caption>
          <thead className="text-xs uppercase text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3">Input</th>
              <th scope="col" className="py-1 pr-3">Status</th>
              <th scope="col" className="py-1 pr-3">Recorded</th>
              <th scope="col" className="py-1 pr-3">Used by the model</th>
              <th scope="col" className="py-1">Source</th>
            </tr>
          </thead>
          <tbody>
            {inputs.map((input) => (
              <tr key={input.name} className="border-t border-slate-200 align-top" data-testid="model-input" data-input={input.name} data-status={input.status}>
                <th scope="row" className="py-1 pr-3 font-normal text-slate-900">{input.label}</th>
                <td className="py-1 pr-3">
                  <Badge tone={featureStatusTones[input.status]}>{featureStatusLabels[input.status]}</Badge>
                </td>
                <td className="py-1 pr-3 tabular-nums">{formatFeatureValue(input.rawValue, input.rawUnit)}</td>
                <td className="py-1 pr-3 tabular-nums">{input.value === null ? '—' : formatFeatureValue(input.value, input.unit)}</td>
                <td className="py-1 text-slate-700">
                  {input.source}
                  {input.observedAt && (
                    <>
                      {' · '}
                      <time dateTime={input.observedAt}>{formatDate(input.observedAt, timeZone)}</time>
                    </>
                  )}
                  {input.note && <span className="block text-xs text-slate-600">{input.note}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

// The model card, summarised: limitations, what it was trained and validated on, and its
// metrics with 95 % confidence intervals. Closed by default; the disclaimer and intended use
// stay visible above it.
import { formatMetric } from '@/lib/decision-support/format';
import type { ModelCardSummary } from '@/lib/schemas/inference';

function DataDescription({ title, data }: { title: string; data: NonNullable<ModelCardSummary['externalData']> }) {
  return (
    <div>
      <h5 className="font-medium text-slate-900">
        {title} <span className="font-normal text-slate-600">(n = {data.n})</span>
      </h5>
      <p>{data.description}</p>
      <p className="text-xs text-slate-600">
        {data.citation} Licence: {data.licence}.
      </p>
    </div>
  );
}

export function ModelCardDetails({ card }: { card: ModelCardSummary }) {
  return (
    <details data-testid="model-card" className="text-sm">
      <summary className="cursor-pointer font-medium text-brand-700 hover:text-brand-800">Model card</summary>
      <div className="mt-2 space-y-3 text-slate-700">
        <div>
          <h5 className="font-medium text-slate-900">Limitations</h5>
          <ul className="list-disc space-y-1 pl-5">
            {card.limitations.map((limitation) => (
              <li key={limitation}>{limitation}</li>
            ))}
          </ul>
        </div>
        <DataDescription title="Training data" data={card.trainingData} />
        {card.externalData && <DataDescription title="External validation data" data={card.externalData} />}
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="model-metrics">
            <caption className="text-left font-medium text-slate-900">Performance (95 % confidence intervals)</caption>
            <thead className="text-xs uppercase text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3">Metric</th>
                <th scope="col" className="py-1 pr-3">Cohort</th>
                <th scope="col" className="py-1 pr-3 text-right">n</th>
                <th scope="col" className="py-1 pr-3 text-right">Value</th>
                <th scope="col" className="py-1 text-right">95 % CI</th>
              </tr>
            </thead>
            <tbody>
              {card.metrics.map((metric) => (
                <tr key={`${metric.name}-${metric.cohort}`} className="border-t border-slate-200">
                  <th scope="row" className="py-1 pr-3 font-normal">{metric.name}</th>
                  <td className="py-1 pr-3">{metric.cohort}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{metric.n}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{formatMetric(metric.value)}</td>
                  <td className="py-1 text-right tabular-nums whitespace-nowrap">
                    {formatMetric(metric.ci95[0])} – {formatMetric(metric.ci95[1])}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="text-xs text-slate-600">
          {card.modelKey} {card.version}, card of {card.date} by {card.author}.
        </p>
      </div>
    </details>
  );
}

// What a model is, from its card, for the admin deciding about it: kind, entities, intended
// use, disclaimer, data, metrics with 95 % confidence intervals, limitations.
import { formatMetric } from '@/lib/decision-support/format';
import type { ModelCard } from '@/lib/models/model-card';

export function ModelCardOverview({ card, detailed = false }: { card: ModelCard; detailed?: boolean }) {
  const metrics = detailed ? card.metrics : card.metrics.slice(0, 2);
  return (
    <div className="space-y-2 text-sm text-slate-700" data-testid="model-card-overview">
      <p>
        <span className="font-medium text-slate-900">{card.kind === 'classifier' ? 'Classifier' : 'Survival model'}</span> for {card.entities.join(', ')} ·{' '}
        {card.features.length} inputs{card.horizonsMonths ? ` · horizons ${card.horizonsMonths.join(' / ')} months` : ''} · trained on n = {card.trainingData.n}
        {card.externalData ? `, externally validated on n = ${card.externalData.n}` : ''}
      </p>
      <p>{card.intendedUse}</p>
      <p className="text-amber-900">{card.regulatoryStatus}</p>
      <table className="text-left text-sm">
        <caption className="sr-only">Metrics of {card.modelKey} {card.version}</caption>
        <thead className="text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-4">Metric</th>
            <th scope="col" className="py-1 pr-4">Cohort</th>
            <th scope="col" className="py-1 pr-4 text-right">Value</th>
            <th scope="col" className="py-1 text-right">95 % CI</th>
          </tr>
        </thead>
        <tbody>
          {metrics.map((m) => (
            <tr key={`${m.name}-${m.cohort}`} className="border-t border-slate-200">
              <th scope="row" className="py-1 pr-4 font-normal">{m.name}</th>
              <td className="py-1 pr-4">{m.cohort} (n = {m.n})</td>
              <td className="py-1 pr-4 text-right tabular-nums">{formatMetric(m.value)}</td>
              <td className="py-1 text-right tabular-nums whitespace-nowrap">
                {formatMetric(m.ci95[0])} – {formatMetric(m.ci95[1])}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {detailed ? (
        <div>
          <h3 className="font-medium text-slate-900">Limitations</h3>
          <ul className="list-disc space-y-1 pl-5">
            {card.limitations.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
          <h3 className="mt-2 font-medium text-slate-900">Training data</h3>
          <p>{card.trainingData.description}</p>
          <p className="text-xs text-slate-600">{card.trainingData.citation} Licence: {card.trainingData.licence}.</p>
          {card.externalData && (
            <>
              <h3 className="mt-2 font-medium text-slate-900">External validation data</h3>
              <p>{card.externalData.description}</p>
            </>
          )}
          <h3 className="mt-2 font-medium text-slate-900">Method</h3>
          <p>{card.method}</p>
        </div>
      ) : (
        <p className="text-xs text-slate-600">
          {card.limitations.length} limitations, all metrics and the method on the version&apos;s page.
        </p>
      )}
    </div>
  );
}

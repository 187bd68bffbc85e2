import { Check, Minus, X } from 'lucide-react';
import type { Completeness } from '@/lib/preparation/completeness';

const stateText = { ok: 'OK', missing: 'Missing', 'not-applicable': 'Not applicable' } as const;

/** The checklist of one case: each item with its state as a word (never colour alone) and its reason. */
export function ReadinessChecklist({ completeness, caseId }: { completeness: Completeness; caseId: string }) {
  return (
    <ul className="space-y-1 text-sm" data-testid={`checklist-${caseId}`}>
      {completeness.items.map((item) => (
        <li key={item.id} className="flex items-start gap-2" data-item={item.id} data-state={item.state}>
          {item.state === 'ok' ? (
            <Check aria-hidden className="mt-0.5 size-4 text-green-700" />
          ) : item.state === 'missing' ? (
            <X aria-hidden className="mt-0.5 size-4 text-red-700" />
          ) : (
            <Minus aria-hidden className="mt-0.5 size-4 text-slate-500" />
          )}
          <span>
            <span className="font-medium">{item.label}</span> — <span className="sr-only">{stateText[item.state]}: </span>
            <span className={item.state === 'missing' ? 'text-red-800' : 'text-slate-700'}>{item.reason}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function ReadinessScore({ completeness }: { completeness: Completeness }) {
  const tone = completeness.ready ? 'bg-green-100 text-green-800' : completeness.score >= 0.5 ? 'bg-amber-100 text-amber-900' : 'bg-red-100 text-red-800';
  return (
    <span className={`inline-flex items-center rounded px-2 py-0.5 text-xs font-medium ${tone}`} data-testid="readiness-score">
      {completeness.ready ? 'Ready' : 'Not ready'} · {completeness.ok}/{completeness.applicable}
    </span>
  );
}

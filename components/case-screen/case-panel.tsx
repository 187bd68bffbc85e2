import { Suspense, type ReactNode } from 'react';
import { PanelBoundary } from '@/components/ui/panel-boundary';
import { PanelSkeleton } from '@/components/ui/panel-skeleton';
import { cn } from '@/components/ui/cn';

/**
 * One panel of the case screen: its own heading, its own loading state and its own
 * error boundary, so a slow or failing panel (a PACS that is down) never holds up or
 * blanks the others. `id` is what the timeline scrolls to.
 */
export function CasePanel({ id, title, children, className }: { id: string; title: string; children: ReactNode; className?: string }) {
  return (
    <section id={`panel-${id}`} tabIndex={-1} aria-labelledby={`panel-${id}-title`} className={cn('min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm', className)}>
      <h2 id={`panel-${id}-title`} className="mb-3 text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <PanelBoundary title={title}>
        <Suspense fallback={<PanelSkeleton label={title.toLowerCase()} />}>{children}</Suspense>
      </PanelBoundary>
    </section>
  );
}

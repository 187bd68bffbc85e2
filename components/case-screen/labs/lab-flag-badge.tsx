import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import type { LabFlag } from '@/lib/case-screen/lab-values';

/** A lab flag in words with an arrow (never colour alone); "Normal" in muted text when unflagged. */
export function LabFlagBadge({ flag, className }: { flag: LabFlag | null; className?: string }) {
  if (!flag) return <span className={cn('text-xs text-slate-600', className)}>Normal</span>;
  return (
    <span title={flag.derived ? 'Flag worked out from the reference range; the laboratory sent none.' : undefined}>
      <Badge tone={flag.tone} className={cn(flag.tone === 'danger' && 'font-semibold', className)}>
        <span aria-hidden="true" className="mr-1">{flag.symbol} </span>
        {flag.label}
        {flag.derived && <span className="sr-only"> (from the reference range)</span>}
      </Badge>
    </span>
  );
}

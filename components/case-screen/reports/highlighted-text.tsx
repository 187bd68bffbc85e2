'use client';
import { Fragment, useMemo } from 'react';
import { cn } from '@/components/ui/cn';
import { buildHighlightTree, type HighlightNode } from '@/lib/case-screen/highlight-segments';
import type { ReportFact } from '@/lib/case-screen/report-facts-view';

const assertionStyles: Record<ReportFact['assertion'], string> = {
  present: 'bg-yellow-100',
  negated: 'bg-slate-200',
  possible: 'bg-orange-100 underline decoration-orange-500 decoration-dashed underline-offset-2',
};

/**
 * The report text as React text nodes, with the extracted facts' spans as
 * <mark> elements. Nothing in the text is ever parsed as HTML.
 */
export function HighlightedText({
  text,
  facts,
  activeKey,
  onActivate,
}: {
  text: string;
  facts: readonly ReportFact[];
  activeKey: string | null;
  onActivate: (key: string | null) => void;
}) {
  const tree = useMemo(() => buildHighlightTree(text, facts.map((f) => ({ key: f.key, kind: f.kind, start: f.span.start, end: f.span.end }))), [text, facts]);
  const byKey = useMemo(() => new Map(facts.map((f) => [f.key, f])), [facts]);

  function render(nodes: HighlightNode[]) {
    return nodes.map((node) => {
      if (node.type === 'text') return <Fragment key={`t${node.start}`}>{node.text}</Fragment>;
      const fact = byKey.get(node.key);
      const active = activeKey === node.key;
      return (
        <mark
          key={`m${node.start}-${node.end}-${node.key}`}
          data-fact-kind={node.kind}
          data-fact-key={node.key}
          data-active={active ? 'true' : undefined}
          // One tab stop per fact: the continuation of a cut span is not focusable.
          tabIndex={node.continued ? undefined : 0}
          title={fact ? `${fact.label}: ${fact.value} (${fact.assertion})` : undefined}
          // over/out bubble (enter/leave do not), so the innermost of nested marks wins.
          onMouseOver={(event) => {
            event.stopPropagation();
            onActivate(node.key);
          }}
          onMouseOut={(event) => {
            event.stopPropagation();
            onActivate(null);
          }}
          onFocus={(event) => {
            event.stopPropagation();
            onActivate(node.key);
          }}
          onBlur={() => onActivate(null)}
          className={cn(
            'rounded-sm text-inherit',
            fact ? assertionStyles[fact.assertion] : 'bg-yellow-100',
            active && 'bg-brand-100 outline-2 outline-brand-600',
          )}
        >
          {render(node.children)}
        </mark>
      );
    });
  }

  return <>{render(tree)}</>;
}

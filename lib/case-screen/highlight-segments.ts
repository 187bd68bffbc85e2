// Splits a report's text into plain runs and highlighted runs for the spans of
// extracted facts, so the text is rendered as React text nodes inside <mark>
// elements (never as HTML). Spans may overlap: a span inside another becomes a
// nested mark; a span that crosses another's end is cut at that end into two
// pieces (both belonging to the same fact), so marks always nest properly.

export interface HighlightSpan {
  /** The fact the span belongs to (ExtractedFact.key). */
  key: string;
  kind: string;
  start: number;
  end: number;
}

export type HighlightNode =
  | { type: 'text'; start: number; end: number; text: string }
  | {
      type: 'mark';
      start: number;
      end: number;
      key: string;
      kind: string;
      /** This piece is the continuation of a span cut at an enclosing span's end. */
      continued: boolean;
      children: HighlightNode[];
    };

interface Piece extends HighlightSpan {
  continued: boolean;
}

/** Earliest first; of two starting together, the longer first (it encloses the other). */
function byStartThenLength(a: Piece, b: Piece): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * Builds the highlight tree for `text`. Spans are clamped to the text; empty
 * spans are dropped. The concatenated text of the tree is always `text`.
 */
export function buildHighlightTree(text: string, spans: readonly HighlightSpan[]): HighlightNode[] {
  const pieces: Piece[] = [];
  for (const span of spans) {
    const start = Math.max(0, Math.min(text.length, Math.floor(span.start)));
    const end = Math.max(0, Math.min(text.length, Math.floor(span.end)));
    if (end > start) pieces.push({ ...span, start, end, continued: false });
  }
  return build(text, 0, text.length, pieces.sort(byStartThenLength));
}

function build(text: string, from: number, to: number, sorted: Piece[]): HighlightNode[] {
  const nodes: HighlightNode[] = [];
  let cursor = from;
  let remaining = sorted;
  while (remaining.length > 0) {
    const [outer, ...others] = remaining as [Piece, ...Piece[]];
    if (outer.start > cursor) nodes.push({ type: 'text', start: cursor, end: outer.start, text: text.slice(cursor, outer.start) });
    const inner: Piece[] = [];
    const rest: Piece[] = [];
    for (const piece of others) {
      if (piece.start >= outer.end) rest.push(piece);
      else if (piece.end <= outer.end) inner.push(piece);
      else {
        // Crosses outer's end: the part inside nests, the part after continues.
        inner.push({ ...piece, end: outer.end });
        rest.push({ ...piece, start: outer.end, continued: true });
      }
    }
    nodes.push({
      type: 'mark',
      start: outer.start,
      end: outer.end,
      key: outer.key,
      kind: outer.kind,
      continued: outer.continued,
      children: build(text, outer.start, outer.end, inner),
    });
    cursor = outer.end;
    remaining = rest.sort(byStartThenLength);
  }
  if (cursor < to) nodes.push({ type: 'text', start: cursor, end: to, text: text.slice(cursor, to) });
  return nodes;
}

/** The text a node covers (for tests and for labels). */
export function nodeText(node: HighlightNode): string {
  return node.type === 'text' ? node.text : node.children.map(nodeText).join('');
}

import { describe, expect, it } from 'vitest';
import { buildHighlightTree, nodeText, type HighlightNode, type HighlightSpan } from './highlight-segments';

const span = (key: string, start: number, end: number, kind = key.toUpperCase()): HighlightSpan => ({ key, kind, start, end });

/** A compact picture of the tree: text as is, marks as {key:…} (not brackets: Tailwind scans sources for [property:value]). */
function show(nodes: HighlightNode[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : `{${n.key}${n.continued ? '+' : ''}:${show(n.children)}}`)).join('');
}

describe('buildHighlightTree', () => {
  const text = 'pT2 pN1a G2 R0';

  it('returns the text as one run without spans', () => {
    expect(buildHighlightTree(text, [])).toEqual([{ type: 'text', start: 0, end: text.length, text }]);
    expect(buildHighlightTree('', [])).toEqual([]);
  });

  it('marks separate spans in text order, whatever order they come in', () => {
    const tree = buildHighlightTree(text, [span('grade', 9, 11), span('tnm', 0, 8)]);
    expect(show(tree)).toBe('{tnm:pT2 pN1a} {grade:G2} R0');
    const marks = tree.filter((n) => n.type === 'mark');
    expect(marks.map((m) => [m.kind, m.start, m.end])).toEqual([['TNM', 0, 8], ['GRADE', 9, 11]]);
  });

  it('nests a span inside another, so the outer mark keeps its whole text', () => {
    const tree = buildHighlightTree(text, [span('n', 4, 8), span('tnm', 0, 14)]);
    expect(show(tree)).toBe('{tnm:pT2 {n:pN1a} G2 R0}');
    expect(nodeText(tree[0]!)).toBe(text);
  });

  it('cuts a span that crosses another at the end of the first, keeping both pieces on the same fact', () => {
    // "pN1a G2" (4–11) crosses "pT2 pN1a" (0–8).
    const tree = buildHighlightTree(text, [span('a', 0, 8), span('b', 4, 11)]);
    expect(show(tree)).toBe('{a:pT2 {b:pN1a}}{b+: G2} R0');
  });

  it('handles identical spans and spans starting together (longer one outside)', () => {
    expect(show(buildHighlightTree(text, [span('a', 0, 3), span('b', 0, 3)]))).toBe('{a:{b:pT2}} pN1a G2 R0');
    expect(show(buildHighlightTree(text, [span('short', 0, 3), span('long', 0, 8)]))).toBe('{long:{short:pT2} pN1a} G2 R0');
  });

  it('handles three levels and a crossing inside a nested span', () => {
    const tree = buildHighlightTree(text, [span('all', 0, 14), span('x', 0, 8), span('y', 4, 11)]);
    expect(show(tree)).toBe('{all:{x:pT2 {y:pN1a}}{y+: G2} R0}');
  });

  it('clamps spans to the text and drops empty or inverted ones', () => {
    const tree = buildHighlightTree('abc', [span('a', -5, 1), span('b', 2, 99), span('empty', 1, 1), span('inverted', 2, 1)]);
    expect(show(tree)).toBe('{a:a}b{b:c}');
  });

  it('always reproduces the text exactly, including HTML-like characters and line breaks', () => {
    const html = 'ER <b>positive</b>\n<script>alert(1)</script> & HER2 1+';
    const spans = [span('er', 0, 17), span('tag', 3, 6), span('script', 19, 27), span('her2', 41, 48), span('cross', 10, 22)];
    const tree = buildHighlightTree(html, spans);
    expect(tree.map(nodeText).join('')).toBe(html);
    // Marks carry the raw characters as text; nothing is parsed.
    expect(show(tree)).toContain('{tag:<b>}');
  });

  it('covers random span sets without losing or duplicating text', () => {
    const sample = 'Invasive carcinoma NST, G2; ER positive (90%), PR positive (40%), HER2 negative (IHC 1+), Ki-67 20%.';
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 200; round++) {
      const spans = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, i) => {
        const a = Math.floor(random() * sample.length);
        const b = Math.floor(random() * sample.length);
        return span(`f${i}`, Math.min(a, b), Math.max(a, b));
      });
      const tree = buildHighlightTree(sample, spans);
      expect(tree.map(nodeText).join('')).toBe(sample);
      // Every character of each span is inside a mark of that fact.
      const covered = new Map<string, number>();
      const walk = (nodes: HighlightNode[]) => {
        for (const n of nodes) {
          if (n.type !== 'mark') continue;
          const own = n.end - n.start;
          covered.set(n.key, (covered.get(n.key) ?? 0) + own);
          walk(n.children);
        }
      };
      walk(tree);
      for (const s of spans) expect(covered.get(s.key) ?? 0).toBe(s.end - s.start);
    }
  });
});

// The text of a PDF that @react-pdf/renderer made, for tests: inflates its content streams and
// reads the strings of the text operators (Tj/TJ, hex or literal), one line per operator.
// Enough for the standard fonts react-pdf embeds by name (WinAnsi, one byte per glyph); not a
// general PDF parser.
import { inflateSync } from 'node:zlib';

export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  const stream = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (let m = stream.exec(raw); m; m = stream.exec(raw)) {
    let body: string;
    try {
      body = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      body = m[1]!;
    }
    const ops = /\[((?:[^\]\\]|\\.)*)\]\s*TJ|(<[0-9a-fA-F]*>|\((?:[^)\\]|\\.)*\))\s*Tj/g;
    for (let op = ops.exec(body); op; op = ops.exec(body)) {
      const parts = op[1] !== undefined ? op[1].match(/<[0-9a-fA-F]*>|\((?:[^)\\]|\\.)*\)/g) ?? [] : [op[2]!];
      out.push(parts.map(decode).join(''));
    }
  }
  return out.join('\n');
}

function decode(part: string): string {
  if (part.startsWith('<')) return Buffer.from(part.slice(1, -1), 'hex').toString('latin1');
  return part.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) => {
    const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
    return map[e] ?? String.fromCharCode(parseInt(e, 8));
  });
}

// The text of a PDF that @react-pdf/renderer made, for tests: inflates its content streams and
// reads the strings of the text operators (Tj/TJ, hex or literal), one line per operator.
// Embedded fonts (lib/pdf/fonts.ts) write glyph ids, two bytes each; they are mapped back to
// Unicode through the font's /ToUnicode CMap, as a PDF reader's copy-and-paste would. Strings in
// a font without one are read as one byte per character (the standard fonts' WinAnsi).
// Not a general PDF parser: enough for what react-pdf (pdfkit) writes.
import { inflateSync } from 'node:zlib';

type CMap = Map<number, string>;

export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const objects = readObjects(raw);
  const fonts = fontCMaps(objects);
  const out: string[] = [];
  for (const { stream } of objects.values()) {
    if (stream === null) continue;
    let font: CMap | undefined;
    const ops = /\/([^\s/<>[\]()]+)\s+[\d.]+\s+Tf|\[((?:[^\]\\]|\\.)*)\]\s*TJ|(<[0-9a-fA-F]*>|\((?:[^)\\]|\\.)*\))\s*Tj/g;
    for (let op = ops.exec(stream); op; op = ops.exec(stream)) {
      if (op[1] !== undefined) {
        font = fonts.get(op[1]);
        continue;
      }
      const parts = op[2] !== undefined ? op[2].match(/<[0-9a-fA-F]*>|\((?:[^)\\]|\\.)*\)/g) ?? [] : [op[3]!];
      out.push(parts.map((p) => decode(bytesOf(p), font)).join(''));
    }
  }
  return out.join('\n');
}

/** Object number → its dictionary text and, where it has one, its (inflated) stream. */
function readObjects(raw: string): Map<string, { dict: string; stream: string | null }> {
  const objects = new Map<string, { dict: string; stream: string | null }>();
  const obj = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = obj.exec(raw); m; m = obj.exec(raw)) {
    const body = m[2]!;
    const s = /stream\r?\n([\s\S]*?)\r?\nendstream/.exec(body);
    let stream: string | null = null;
    if (s) {
      try {
        stream = inflateSync(Buffer.from(s[1]!, 'latin1')).toString('latin1');
      } catch {
        stream = s[1]!;
      }
    }
    objects.set(m[1]!, { dict: s ? body.slice(0, s.index) : body, stream });
  }
  return objects;
}

/** Font resource name (F1, F2…; pdfkit numbers them per document) → the font's ToUnicode map. */
function fontCMaps(objects: Map<string, { dict: string; stream: string | null }>): Map<string, CMap> {
  const byName = new Map<string, CMap>();
  for (const { dict } of objects.values()) {
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(dict);
    if (!fontDict) continue;
    const entry = /\/([^\s/<>[\]()]+)\s+(\d+) 0 R/g;
    for (let e = entry.exec(fontDict[1]!); e; e = entry.exec(fontDict[1]!)) {
      const toUnicode = /\/ToUnicode\s+(\d+) 0 R/.exec(objects.get(e[2]!)?.dict ?? '');
      const cmap = toUnicode ? objects.get(toUnicode[1]!)?.stream : null;
      if (cmap) byName.set(e[1]!, parseCMap(cmap));
    }
  }
  return byName;
}

function parseCMap(text: string): CMap {
  const map: CMap = new Map();
  const hex = (h: string) => parseInt(h, 16);
  const utf16 = (h: string) => Buffer.from(h.replace(/\s/g, ''), 'hex').swap16().toString('utf16le');
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, uni] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(hex(code!), utf16(uni!));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const start = hex(lo!);
      if (dst!.startsWith('[')) {
        [...dst!.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach(([, uni], i) => map.set(start + i, utf16(uni!)));
      } else {
        const first = hex(dst!.slice(1, -1));
        for (let code = start; code <= hex(hi!); code++) map.set(code, String.fromCodePoint(first + code - start));
      }
    }
  }
  return map;
}

function bytesOf(part: string): Buffer {
  if (part.startsWith('<')) return Buffer.from(part.slice(1, -1), 'hex');
  const text = part.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) => {
    const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
    return map[e] ?? String.fromCharCode(parseInt(e, 8));
  });
  return Buffer.from(text, 'latin1');
}

function decode(bytes: Buffer, font: CMap | undefined): string {
  if (!font) return bytes.toString('latin1');
  let text = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) text += font.get(bytes.readUInt16BE(i)) ?? '\uFFFD';
  return text;
}

// Writes small DICOM data sets for tests (explicit VR little endian unless
// asked otherwise), so each test states exactly which attributes a file has.
import { buildFileMeta } from '../file-meta';

export type ElementSpec =
  | [tag: number, vr: 'SQ', items: ElementSpec[][]]
  | [tag: number, vr: string, value: string | number[] | Uint8Array];

const LONG = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

export function encodeDataset(elements: ElementSpec[], options: { implicit?: boolean; undefinedLengthSequences?: boolean } = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (const [tag, vr, value] of elements) {
    let body: Uint8Array;
    let undefinedLength = false;
    if (vr === 'SQ') {
      const items = (value as ElementSpec[][]).map((item) => {
        const content = encodeDataset(item, options);
        return options.undefinedLengthSequences
          ? concat([itemHeader(0xe000, 0xffffffff), content, itemHeader(0xe00d, 0)])
          : concat([itemHeader(0xe000, content.length), content]);
      });
      undefinedLength = !!options.undefinedLengthSequences;
      body = concat(undefinedLength ? [...items, itemHeader(0xe0dd, 0)] : items);
    } else {
      body = encodeValue(vr, value as string | number[] | Uint8Array);
    }
    chunks.push(header(tag, vr, undefinedLength ? 0xffffffff : body.length, !!options.implicit), body);
  }
  return concat(chunks);
}

/** A Part 10 file: File Meta Information + the data set. */
export function part10(dataset: Uint8Array, options: { transferSyntaxUid?: string; sopClassUid?: string; sopInstanceUid?: string } = {}): Uint8Array {
  const meta = buildFileMeta({
    sopClassUid: options.sopClassUid ?? '1.2.840.10008.5.1.4.1.1.2',
    sopInstanceUid: options.sopInstanceUid ?? '1.2.3.4',
    transferSyntaxUid: options.transferSyntaxUid ?? '1.2.840.10008.1.2.1',
  });
  return concat([meta, dataset]);
}

export function tag(group: number, element: number): number {
  return ((group << 16) | element) >>> 0;
}

function encodeValue(vr: string, value: string | number[] | Uint8Array): Uint8Array {
  if (value instanceof Uint8Array) return value.length % 2 ? concat([value, Uint8Array.of(0)]) : value;
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'latin1');
    return bytes.length % 2 ? concat([bytes, Uint8Array.of(vr === 'UI' ? 0 : 0x20)]) : new Uint8Array(bytes);
  }
  const size = { US: 2, SS: 2, UL: 4, SL: 4, FL: 4, FD: 8, AT: 4 }[vr];
  if (!size) throw new Error(`encodeValue: no numeric encoding for ${vr}`);
  const out = new Uint8Array(value.length * size);
  const view = new DataView(out.buffer);
  value.forEach((n, i) => {
    const at = i * size;
    if (vr === 'US') view.setUint16(at, n, true);
    else if (vr === 'SS') view.setInt16(at, n, true);
    else if (vr === 'UL') view.setUint32(at, n, true);
    else if (vr === 'SL') view.setInt32(at, n, true);
    else if (vr === 'FL') view.setFloat32(at, n, true);
    else if (vr === 'FD') view.setFloat64(at, n, true);
    else {
      view.setUint16(at, n >>> 16, true);
      view.setUint16(at + 2, n & 0xffff, true);
    }
  });
  return out;
}

function header(tagNumber: number, vr: string, length: number, implicit: boolean): Uint8Array {
  const long = implicit || LONG.has(vr);
  const out = new Uint8Array(implicit ? 8 : long ? 12 : 8);
  const view = new DataView(out.buffer);
  view.setUint16(0, tagNumber >>> 16, true);
  view.setUint16(2, tagNumber & 0xffff, true);
  if (implicit) {
    view.setUint32(4, length, true);
    return out;
  }
  out[4] = vr.charCodeAt(0);
  out[5] = vr.charCodeAt(1);
  if (long) view.setUint32(8, length, true);
  else view.setUint16(6, length, true);
  return out;
}

function itemHeader(element: number, length: number): Uint8Array {
  const out = new Uint8Array(8);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfffe, true);
  view.setUint16(2, element, true);
  view.setUint32(4, length, true);
  return out;
}

export function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let pos = 0;
  for (const chunk of chunks) {
    out.set(chunk, pos);
    pos += chunk.length;
  }
  return out;
}

/** The attributes every importable object needs, plus a 2×2 16-bit image unless `pixels: false`. */
export function minimalImage(overrides: ElementSpec[] = [], options: { pixels?: boolean; patientId?: string; sop?: string; series?: string; study?: string; omit?: number[] } = {}): ElementSpec[] {
  const base: ElementSpec[] = [
    [tag(0x0008, 0x0016), 'UI', '1.2.840.10008.5.1.4.1.1.2'],
    [tag(0x0008, 0x0018), 'UI', options.sop ?? '1.2.826.0.1.3680043.99.1.1'],
    [tag(0x0008, 0x0020), 'DA', '20240131'],
    [tag(0x0008, 0x0030), 'TM', '101500'],
    [tag(0x0008, 0x0060), 'CS', 'CT'],
    [tag(0x0010, 0x0010), 'PN', 'Doe^Jane'],
    [tag(0x0010, 0x0020), 'LO', options.patientId ?? 'PID-1'],
    [tag(0x0020, 0x000d), 'UI', options.study ?? '1.2.826.0.1.3680043.99.2'],
    [tag(0x0020, 0x000e), 'UI', options.series ?? '1.2.826.0.1.3680043.99.3'],
  ];
  if (options.pixels !== false) {
    base.push(
      [tag(0x0028, 0x0002), 'US', [1]],
      [tag(0x0028, 0x0004), 'CS', 'MONOCHROME2'],
      [tag(0x0028, 0x0010), 'US', [2]],
      [tag(0x0028, 0x0011), 'US', [2]],
      [tag(0x0028, 0x0100), 'US', [16]],
      [tag(0x0028, 0x0101), 'US', [12]],
      [tag(0x0028, 0x0102), 'US', [11]],
      [tag(0x0028, 0x0103), 'US', [0]],
      [tag(0x7fe0, 0x0010), 'OW', new Uint8Array(8)],
    );
  }
  const byTag = new Map<number, ElementSpec>(base.map((e) => [e[0], e]));
  for (const e of overrides) byTag.set(e[0], e);
  for (const t of options.omit ?? []) byTag.delete(t);
  return [...byTag.values()].sort((a, b) => a[0] - b[0]);
}

// Walks the element structure of a data set without decoding values: every
// header, every sequence item, every pixel data fragment, checking that each
// declared length fits. dcmjs happily reads a file whose pixel data is cut
// short (it just returns fewer bytes), so this walk is what tells a truncated
// file from a complete one, and it says where ("file is truncated at byte N").
// It also returns the byte offsets of the top-level elements, which is how the
// pixel data is kept out of the metadata without copying it.
import { describeTag } from './dictionary';
import { dictionaryVr } from './dictionary';
import { DicomReadError, truncatedAt } from './dicom-read-error';
import { formatTag } from './tags';
import type { Encoding } from './transfer-syntax';

export interface ScannedElement {
  tag: number;
  /** The VR as written (explicit VR syntaxes); undefined in implicit VR. */
  vr: string | undefined;
  headerOffset: number;
  valueOffset: number;
  /** Declared value length; for undefined-length elements, the bytes up to the end of the delimiter. */
  valueLength: number;
  undefinedLength: boolean;
  /** First byte after the element. */
  end: number;
  /** Encapsulated pixel data only: fragments after the Basic Offset Table, and entries in that table. */
  fragments?: number;
  offsetTableEntries?: number;
}

export interface ScanResult {
  /** Top-level elements in file order. */
  elements: ScannedElement[];
  warnings: string[];
  /** Top-level tags that did not ascend (a hint that guessed data is not DICOM). */
  outOfOrder: number;
  /** First byte after the last element (trailing zero padding excluded). */
  end: number;
}

const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
const SHORT_VRS = ['AE', 'AS', 'AT', 'CS', 'DA', 'DS', 'DT', 'FD', 'FL', 'IS', 'LO', 'LT', 'PN', 'SH', 'SL', 'SS', 'ST', 'TM', 'UI', 'UL', 'US'];
export const VALID_VRS: ReadonlySet<string> = new Set([...LONG_VRS, ...SHORT_VRS]);

const ITEM = 0xfffee000;
const ITEM_DELIMITER = 0xfffee00d;
const SEQUENCE_DELIMITER = 0xfffee0dd;
const PIXEL_DATA = 0x7fe00010;
const UNDEFINED_LENGTH = 0xffffffff;
const MAX_DEPTH = 64;
const IMPLICIT_LE: Encoding = { explicitVr: false, littleEndian: true };

interface Header {
  tag: number;
  vr: string | undefined;
  headerLength: number;
  length: number;
}

/** Scans `bytes[start..]` as a data set in the given encoding; throws DicomReadError when it is damaged. */
export function scanDataset(bytes: Uint8Array, start: number, encoding: Encoding): ScanResult {
  return new Walker(bytes).top(start, encoding);
}

class Walker {
  private readonly view: DataView;
  private readonly end: number;
  /** Index of the last non-zero byte (-1 when there is none): trailing zero padding starts after it. */
  private readonly lastNonZero: number;
  private readonly warnings: string[] = [];
  /** Complete elements read so far, at any depth. */
  private count = 0;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.end = bytes.byteLength;
    let last = this.end - 1;
    while (last >= 0 && bytes[last] === 0) last--;
    this.lastNonZero = last;
  }

  top(start: number, encoding: Encoding): ScanResult {
    const elements: ScannedElement[] = [];
    let outOfOrder = 0;
    let previous = -1;
    let pos = start;
    while (pos < this.end) {
      // Computed once: asking "only zeros from here?" before every element made a file of
      // zero-length (0000,0000) elements (8 zero bytes each) quadratic in its size.
      if (pos > this.lastNonZero) {
        this.warnings.push(`ignored ${this.end - pos} zero bytes after the data set`);
        break;
      }
      const element = this.element(pos, this.end, encoding, 0);
      if (element.tag <= previous) outOfOrder++;
      previous = element.tag;
      elements.push(element);
      pos = element.end;
    }
    return { elements, warnings: this.warnings, outOfOrder, end: pos };
  }

  private fail(message: string): never {
    throw new DicomReadError(message, this.count);
  }

  private truncated(detail: string): never {
    throw truncatedAt(this.end, detail, this.count);
  }

  /** Runs past `limit`: truncation when the limit is the end of the data, a broken length otherwise. */
  private overrun(limit: number, what: string, needEnd: number): never {
    if (limit === this.end) this.truncated(`${what} needs bytes up to ${needEnd}`);
    this.fail(`the file is damaged: ${what} runs past the end of its enclosing item (byte ${limit})`);
  }

  private header(pos: number, limit: number, encoding: Encoding): Header {
    const le = encoding.littleEndian;
    if (pos + 8 > limit) this.overrun(limit, `the element header at byte ${pos}`, pos + 8);
    const tag = ((this.view.getUint16(pos, le) << 16) | this.view.getUint16(pos + 2, le)) >>> 0;
    // Items and delimiters never carry a VR, even in explicit VR syntaxes.
    if (tag >>> 16 === 0xfffe || !encoding.explicitVr) {
      return { tag, vr: undefined, headerLength: 8, length: this.view.getUint32(pos + 4, le) };
    }
    const vr = String.fromCharCode(this.bytes[pos + 4]!, this.bytes[pos + 5]!);
    if (!VALID_VRS.has(vr)) {
      this.fail(`the file is damaged: element ${formatTag(tag)} at byte ${pos} has no valid value representation (found bytes ${hex(this.bytes[pos + 4]!)} ${hex(this.bytes[pos + 5]!)})`);
    }
    if (!LONG_VRS.has(vr)) return { tag, vr, headerLength: 8, length: this.view.getUint16(pos + 6, le) };
    if (pos + 12 > limit) this.overrun(limit, `the element header at byte ${pos}`, pos + 12);
    return { tag, vr, headerLength: 12, length: this.view.getUint32(pos + 8, le) };
  }

  private element(pos: number, limit: number, encoding: Encoding, depth: number): ScannedElement {
    const h = this.header(pos, limit, encoding);
    if (h.tag >>> 16 === 0xfffe) this.fail(`the file is damaged: unexpected ${formatTag(h.tag)} item tag at byte ${pos}`);
    const valueOffset = pos + h.headerLength;
    const element: ScannedElement = {
      tag: h.tag,
      vr: h.vr,
      headerOffset: pos,
      valueOffset,
      valueLength: h.length,
      undefinedLength: h.length === UNDEFINED_LENGTH,
      end: 0,
    };
    if (h.length === UNDEFINED_LENGTH) {
      if (h.tag === PIXEL_DATA && encoding.explicitVr && (h.vr === 'OB' || h.vr === 'OW')) {
        const { end, fragments, offsetTableEntries } = this.fragments(valueOffset, encoding);
        Object.assign(element, { end, fragments, offsetTableEntries });
      } else if (h.vr === 'SQ' || h.vr === 'UN' || h.vr === undefined) {
        // An undefined-length UN is a sequence in implicit VR little endian (PS3.5 6.2.2, CP-246).
        element.end = this.sequence(valueOffset, undefined, h.vr === 'UN' ? IMPLICIT_LE : encoding, depth + 1);
      } else {
        this.fail(`the file is damaged: ${describeTag(h.tag)} (VR ${h.vr}) at byte ${pos} has an undefined length`);
      }
      element.valueLength = element.end - valueOffset;
    } else {
      element.end = valueOffset + h.length;
      if (element.end > limit) {
        if (limit === this.end) {
          this.truncated(`${describeTag(h.tag)} declares ${h.length} bytes starting at byte ${valueOffset}, but the file ends at byte ${this.end}`);
        }
        this.overrun(limit, `${describeTag(h.tag)} at byte ${pos}`, element.end);
      }
      const isSequence = h.vr === 'SQ' || (h.vr === undefined && dictionaryVr(h.tag) === 'SQ');
      if (isSequence) this.sequence(valueOffset, element.end, encoding, depth + 1);
    }
    this.count++;
    return element;
  }

  /** Items of a sequence; `definedEnd` undefined means "until the sequence delimiter". Returns the end offset. */
  private sequence(start: number, definedEnd: number | undefined, encoding: Encoding, depth: number): number {
    if (depth > MAX_DEPTH) this.fail(`the file is damaged: sequences nested deeper than ${MAX_DEPTH} levels at byte ${start}`);
    const limit = definedEnd ?? this.end;
    let pos = start;
    while (pos < limit) {
      const h = this.header(pos, limit, encoding);
      if (h.tag === SEQUENCE_DELIMITER) return pos + 8;
      if (h.tag !== ITEM) this.fail(`the file is damaged: expected a sequence item at byte ${pos}, found ${formatTag(h.tag)}`);
      if (h.length === UNDEFINED_LENGTH) {
        pos = this.itemUntilDelimiter(pos + 8, limit, encoding, depth);
      } else {
        const itemEnd = pos + 8 + h.length;
        if (itemEnd > limit) this.overrun(limit, `the sequence item at byte ${pos}`, itemEnd);
        for (let p = pos + 8; p < itemEnd; ) p = this.element(p, itemEnd, encoding, depth).end;
        pos = itemEnd;
      }
    }
    if (definedEnd === undefined) this.truncated(`the sequence that starts at byte ${start} has no end (no sequence delimiter)`);
    return pos;
  }

  private itemUntilDelimiter(start: number, limit: number, encoding: Encoding, depth: number): number {
    let pos = start;
    while (pos < limit) {
      if (pos + 4 <= limit) {
        const le = encoding.littleEndian;
        const tag = ((this.view.getUint16(pos, le) << 16) | this.view.getUint16(pos + 2, le)) >>> 0;
        if (tag === ITEM_DELIMITER) {
          if (pos + 8 > limit) this.overrun(limit, `the item delimiter at byte ${pos}`, pos + 8);
          return pos + 8;
        }
      }
      pos = this.element(pos, limit, encoding, depth).end;
    }
    if (limit === this.end) this.truncated(`the sequence item that starts at byte ${start - 8} has no end (no item delimiter)`);
    return this.fail(`the file is damaged: the sequence item at byte ${start - 8} runs past the end of its sequence`);
  }

  /** Encapsulated pixel data: Basic Offset Table, fragments, sequence delimiter (PS3.5 A.4). */
  private fragments(start: number, encoding: Encoding): { end: number; fragments: number; offsetTableEntries: number } {
    let pos = start;
    let items = 0;
    let offsetTableEntries = 0;
    while (pos < this.end) {
      if (pos + 8 > this.end) break;
      const le = encoding.littleEndian;
      const tag = ((this.view.getUint16(pos, le) << 16) | this.view.getUint16(pos + 2, le)) >>> 0;
      const length = this.view.getUint32(pos + 4, le);
      if (tag === SEQUENCE_DELIMITER) return { end: pos + 8, fragments: Math.max(0, items - 1), offsetTableEntries };
      if (tag !== ITEM || length === UNDEFINED_LENGTH) {
        this.fail(`the file is damaged: encapsulated Pixel Data has ${formatTag(tag)} at byte ${pos} where a fragment should be`);
      }
      if (pos + 8 + length > this.end) {
        this.truncated(
          items === 0
            ? `the Basic Offset Table of the Pixel Data declares ${length} bytes starting at byte ${pos + 8}, but the file ends at byte ${this.end}`
            : `Pixel Data fragment ${items} declares ${length} bytes starting at byte ${pos + 8}, but the file ends at byte ${this.end}`,
        );
      }
      if (items === 0) offsetTableEntries = length / 4;
      items++;
      pos += 8 + length;
    }
    return this.truncated(`the encapsulated Pixel Data has no end (no sequence delimiter after ${Math.max(0, items - 1)} fragments)`);
  }
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

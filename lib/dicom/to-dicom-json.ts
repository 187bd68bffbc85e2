// dcmjs's reading of a data set → the DICOM JSON model (PS3.18 F.2) without
// bulk data. dcmjs already shapes most values the JSON way (PN objects,
// sequences of datasets); what changes here:
// - DS/IS are parsed from the raw text, so "1.0" stays a number and garbage is
//   dropped with a warning instead of becoming NaN;
// - AT becomes "GGGGEEEE", 64-bit integers become numbers or (beyond 2^53) strings;
// - binary values (OB, OW, OF, OD, OL, OV, UN) up to 1 KiB are InlineBinary;
//   larger ones and all pixel data are left as `{ vr }` with no value, which
//   is how the DICOMweb side knows to add a BulkDataURI (see README.md);
// - empty values follow F.2.5 (no "Value" for an empty element, null inside a
//   multi-valued one); NUL characters are removed (PostgreSQL's jsonb refuses them);
// - group lengths (gggg,0000), the File Meta group and trailing padding are dropped.
import type { DcmjsDict } from 'dcmjs';
import { describeTag } from './dictionary';
import type { DicomJsonDataset, DicomJsonElement, DicomJsonValue, PersonNameValue } from './dicom-json';
import { PIXEL_DATA_TAGS } from './tags';

export const INLINE_BINARY_LIMIT = 1024;

const BINARY_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'UN']);
const WORD_BINARY_VRS = new Set(['OD', 'OF', 'OL', 'OV', 'OW']);
const SINGLE_VALUED_TEXT = new Set(['LT', 'ST', 'UT', 'UR']);
const NUMERIC_VRS = new Set(['FL', 'FD', 'SL', 'SS', 'UL', 'US', 'SV', 'UV']);
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

export interface ToDicomJsonOptions {
  /** Big endian word data would need swapping to be valid InlineBinary; such values are left to the bulk data path. */
  littleEndian: boolean;
}

export function toDicomJson(dict: DcmjsDict, options: ToDicomJsonOptions, warnings: string[]): DicomJsonDataset {
  const out: DicomJsonDataset = {};
  for (const [rawKey, element] of Object.entries(dict)) {
    const key = rawKey.toUpperCase();
    if (key.endsWith('0000') || key.startsWith('0002') || key === 'FFFCFFFC') continue;
    const values = Array.isArray(element.Value) ? element.Value : element.Value === undefined ? [] : [element.Value];
    out[key] = convertElement(key, element.vr, values, element._rawValue, options, warnings);
  }
  return out;
}

function convertElement(
  key: string,
  rawVr: string,
  values: unknown[],
  raw: unknown,
  options: ToDicomJsonOptions,
  warnings: string[],
): DicomJsonElement {
  const vr = normaliseVr(rawVr);
  const element: DicomJsonElement = { vr };
  if (BINARY_VRS.has(vr) || PIXEL_DATA_TAGS.has(key)) {
    const inline = inlineBinary(key, vr, values, options);
    if (inline !== undefined) element.InlineBinary = inline;
    return element;
  }
  let converted: DicomJsonValue[];
  if (vr === 'SQ') {
    converted = values.filter(isDict).map((item) => toDicomJson(item, options, warnings));
  } else if (vr === 'PN') {
    converted = values.map(personName);
  } else if (vr === 'DS' || vr === 'IS') {
    converted = numberStrings(key, vr, Array.isArray(raw) ? raw : values, warnings);
  } else if (vr === 'AT') {
    converted = values.map(attributeTag);
  } else if (NUMERIC_VRS.has(vr)) {
    converted = values.map((v) => binaryNumber(key, v, warnings));
  } else {
    converted = values.map(text);
    if (SINGLE_VALUED_TEXT.has(vr) && converted.length > 1) converted = [text(values.map((v) => (typeof v === 'string' ? v : '')).join('\\'))];
  }
  if (converted.some((v) => v !== null)) element.Value = converted;
  return element;
}

function normaliseVr(vr: string): string {
  // dcmjs reports dictionary placeholders for context-dependent VRs.
  if (vr === 'ox') return 'OW';
  if (vr === 'xs') return 'US';
  return /^[A-Z]{2}$/.test(vr) ? vr : 'UN';
}

function isDict(value: unknown): value is DcmjsDict {
  return !!value && typeof value === 'object' && !(value instanceof ArrayBuffer) && !ArrayBuffer.isView(value);
}

function text(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const cleaned = value.replace(/\0/g, '').replace(/\s+$/, '');
  return cleaned === '' ? null : cleaned;
}

function personName(value: unknown): PersonNameValue | null {
  if (typeof value === 'string') {
    const alphabetic = text(value);
    return alphabetic ? { Alphabetic: alphabetic } : null;
  }
  if (!value || typeof value !== 'object') return null;
  const out: PersonNameValue = {};
  for (const group of ['Alphabetic', 'Ideographic', 'Phonetic'] as const) {
    const part = text((value as Record<string, unknown>)[group]);
    if (part) out[group] = part;
  }
  return Object.keys(out).length ? out : null;
}

function numberStrings(key: string, vr: 'DS' | 'IS', values: unknown[], warnings: string[]): (number | null)[] {
  return values.map((value) => {
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    const trimmed = typeof value === 'string' ? value.replace(/\0/g, '').trim() : '';
    if (trimmed === '') return null;
    const valid = vr === 'IS' ? INTEGER.test(trimmed) || DECIMAL.test(trimmed) : DECIMAL.test(trimmed);
    const parsed = Number(trimmed);
    if (!valid || !Number.isFinite(parsed)) {
      warnings.push(`${describeTag(parseInt(key, 16))}: "${trimmed.slice(0, 40)}" is not a ${vr === 'IS' ? 'whole number' : 'number'}; left out of the metadata`);
      return null;
    }
    return parsed;
  });
}

function attributeTag(value: unknown): string | null {
  if (typeof value === 'number') return (value >>> 0).toString(16).toUpperCase().padStart(8, '0');
  if (typeof value === 'string' && /^[0-9A-Fa-f]{8}$/.test(value)) return value.toUpperCase();
  return null;
}

function binaryNumber(key: string, value: unknown, warnings: string[]): number | string | null {
  if (typeof value === 'bigint') return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  if (typeof value !== 'number') return null;
  if (!Number.isFinite(value)) {
    warnings.push(`${describeTag(parseInt(key, 16))}: ${String(value)} cannot be represented in DICOM JSON; left out of the metadata`);
    return null;
  }
  return value;
}

function inlineBinary(key: string, vr: string, values: unknown[], options: ToDicomJsonOptions): string | undefined {
  if (PIXEL_DATA_TAGS.has(key)) return undefined;
  if (!options.littleEndian && WORD_BINARY_VRS.has(vr)) return undefined;
  const chunks = values.map(asBytes).filter((chunk): chunk is Uint8Array => chunk !== null);
  const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  if (total === 0 || total > INLINE_BINARY_LIMIT) return undefined;
  return Buffer.concat(chunks).toString('base64');
}

function asBytes(value: unknown): Uint8Array | null {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return null;
}

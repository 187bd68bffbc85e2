// Gives a real DICOM file new Study/Series/SOP Instance UIDs, so every test run
// imports objects nobody else has imported into the shared test database (SOP
// Instance UIDs are unique in the index). Each UID is overwritten in place by
// another of the same length (File Meta and data set), which keeps every element
// length, and so the file, valid. Not for deflated files (offsets are inflated ones).
import { randomInt } from 'node:crypto';
import dicomParser from '../dicom-parser';

const encoder = new TextEncoder();
const UID_TAGS = ['x00020003', 'x0020000d', 'x0020000e', 'x00080018'];

export function freshUid(length: number): string {
  if (length < 8) throw new Error(`UID too short to replace: ${length}`);
  let digits = String(randomInt(1, 10));
  while (digits.length < length - 5) digits += String(randomInt(0, 10));
  return `2.25.${digits}`;
}

/** `uidMap` is shared between files of one study, so they stay one study after the change. */
export function withFreshUids(bytes: Uint8Array, uidMap: Map<string, string>): Uint8Array {
  const dataSet = dicomParser.parseDicom(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { untilTag: 'x7fe00010' });
  const out = new Uint8Array(bytes);
  for (const tag of UID_TAGS) {
    const element = dataSet.elements[tag];
    const uid = dataSet.string(tag)?.replace(/\0/g, '').trim();
    if (!element || !uid) continue;
    if (!uidMap.has(uid)) uidMap.set(uid, freshUid(uid.length));
    out.set(encoder.encode(uidMap.get(uid)!), element.dataOffset);
  }
  return out;
}

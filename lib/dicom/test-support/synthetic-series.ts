// Generated CT series for tests and the import benchmark: real geometry,
// 16-bit pixels, fresh UIDs (2.25.<random>) so every call is a new study.
import { randomBytes } from 'node:crypto';
import type { DicomSource } from '../import-types';
import { encodeDataset, minimalImage, part10, tag, type ElementSpec } from './dataset-builder';

export function randomUid(): string {
  return `2.25.${BigInt(`0x${randomBytes(16).toString('hex')}`).toString()}`;
}

export interface SeriesSpec {
  slices: number;
  size?: number;
  patientId?: string;
  /** Issuer of Patient ID (0010,0021); none unless given. */
  issuer?: string;
  patientName?: string;
  patientComments?: string;
  birthDate?: string;
  sex?: string;
  studyUid?: string;
  seriesUid?: string;
  modality?: string;
  /** Names are "<prefix>/IM0001"… */
  prefix?: string;
}

export function syntheticSeries(spec: SeriesSpec): DicomSource[] {
  const size = spec.size ?? 256;
  const studyUid = spec.studyUid ?? randomUid();
  const seriesUid = spec.seriesUid ?? randomUid();
  const pixels = new Uint8Array(size * size * 2);
  for (let i = 0; i < pixels.length; i += 2) pixels[i] = i & 0xff;
  return Array.from({ length: spec.slices }, (_, i) => {
    const sop = `${seriesUid}.${i + 1}`;
    const extra: ElementSpec[] = [
      [tag(0x0008, 0x0060), 'CS', spec.modality ?? 'CT'],
      [tag(0x0010, 0x0010), 'PN', spec.patientName ?? 'Synthetic^Series'],
      [tag(0x0010, 0x0030), 'DA', spec.birthDate ?? '19650412'],
      [tag(0x0010, 0x0040), 'CS', spec.sex ?? 'F'],
      [tag(0x0018, 0x0050), 'DS', '2.5'],
      [tag(0x0020, 0x0011), 'IS', '3'],
      [tag(0x0020, 0x0013), 'IS', String(i + 1)],
      [tag(0x0020, 0x0032), 'DS', `-160\\-160\\${(i * 2.5).toFixed(1)}`],
      [tag(0x0020, 0x0037), 'DS', '1\\0\\0\\0\\1\\0'],
      [tag(0x0020, 0x0052), 'UI', `${studyUid}.9`],
      [tag(0x0028, 0x0010), 'US', [size]],
      [tag(0x0028, 0x0011), 'US', [size]],
      [tag(0x0028, 0x0030), 'DS', '0.7\\0.7'],
      [tag(0x0028, 0x1050), 'DS', '40'],
      [tag(0x0028, 0x1051), 'DS', '400'],
      [tag(0x0028, 0x1052), 'DS', '-1024'],
      [tag(0x0028, 0x1053), 'DS', '1'],
      [tag(0x7fe0, 0x0010), 'OW', pixels],
    ];
    if (spec.issuer) extra.push([tag(0x0010, 0x0021), 'LO', spec.issuer]);
    if (spec.patientComments) extra.push([tag(0x0010, 0x4000), 'LT', spec.patientComments]);
    const dataset = encodeDataset(minimalImage(extra, { patientId: spec.patientId ?? 'SYN-PID', sop, series: seriesUid, study: studyUid }));
    return { name: `${spec.prefix ?? 'series'}/IM${String(i + 1).padStart(4, '0')}`, bytes: part10(dataset, { sopInstanceUid: sop }) };
  });
}

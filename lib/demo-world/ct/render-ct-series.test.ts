import { createHash } from 'node:crypto';
import type { Patient } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { generateDemoWorld, renderCtSeries, renderCtSlice, SYNTHETIC_BANNER, type DemoCtLesion, type DemoCtSeriesSpec } from '../index';
import { parseDicom, resourcesOf } from '../test-helpers';
import { HU } from './anatomy';
import { LESION_SITES } from './lesion-sites';

const referenceDate = new Date('2026-11-15T00:00:00Z');
const small = { slices: 12, size: 64 };
const seriesHash = (spec: DemoCtSeriesSpec) => {
  const h = createHash('sha256');
  for (const file of renderCtSeries(spec)) h.update(file.name).update(file.bytes);
  return h.digest('hex');
};
const firstSpec = (seed: number, ct = small) => generateDemoWorld({ seed, referenceDate, patients: 1, ct }).patients[0]!.ctSeries[0]!;

/** Slice index whose centre is the lesion's z (the generator snaps lesion centres to slices). */
const sliceThrough = (spec: DemoCtSeriesSpec, l: DemoCtLesion) => Math.round((spec.firstPositionMm[2] - l.centreMm[2]) / spec.sliceSpacingMm);

/** Mean HU of the pixels inside a fraction of the lesion's in-plane ellipse. */
function meanInside(spec: DemoCtSeriesSpec, hu: ArrayLike<number>, l: DemoCtLesion, fraction: number, outside = false) {
  let sum = 0;
  let n = 0;
  for (let r = 0; r < spec.rows; r += 1) {
    for (let c = 0; c < spec.columns; c += 1) {
      const x = spec.firstPositionMm[0] + c * spec.pixelSpacingMm;
      const y = spec.firstPositionMm[1] + r * spec.pixelSpacingMm;
      const d = ((x - l.centreMm[0]) / (l.diametersMm[0] / 2)) ** 2 + ((y - l.centreMm[1]) / (l.diametersMm[1] / 2)) ** 2;
      if (outside ? d > 1.6 ** 2 && d < 2 ** 2 : d <= fraction ** 2) {
        sum += hu[r * spec.columns + c]!;
        n += 1;
      }
    }
  }
  return { mean: sum / n, n };
}

describe('CT series', () => {
  it('renders byte-identical DICOM for the same seed and different bytes for another', () => {
    const spec = firstSpec(7);
    expect(seriesHash(spec)).toBe(seriesHash(firstSpec(7)));
    expect(seriesHash(firstSpec(8))).not.toBe(seriesHash(spec));
  });

  it('writes consistent geometry: monotonic positions, constant spacing, one frame of reference', () => {
    const spec = firstSpec(7);
    const slices = [...renderCtSeries(spec)].map((f) => parseDicom(f.bytes).tags);
    expect(slices).toHaveLength(spec.slices);
    const z = slices.map((t) => Number((t.ImagePositionPatient as string[])[2]));
    for (let i = 1; i < z.length; i += 1) {
      expect(z[i]!).toBeLessThan(z[i - 1]!);
      expect(z[i - 1]! - z[i]!).toBeCloseTo(spec.sliceSpacingMm, 3);
    }
    for (const [i, t] of slices.entries()) {
      expect((t.ImagePositionPatient as string[]).slice(0, 2).map(Number)).toEqual(spec.firstPositionMm.slice(0, 2));
      expect((t.ImageOrientationPatient as string[]).map(Number)).toEqual([1, 0, 0, 0, 1, 0]);
      expect((t.PixelSpacing as string[]).map(Number)).toEqual([spec.pixelSpacingMm, spec.pixelSpacingMm]);
      expect(Number(t.SliceThickness)).toBeCloseTo(spec.sliceSpacingMm, 3);
      expect(Number(t.SliceLocation)).toBeCloseTo(z[i]!, 3);
      expect(Number(t.InstanceNumber)).toBe(i + 1);
      expect(t.SOPInstanceUID).toBe(spec.sopInstanceUids[i]);
      expect(t.FrameOfReferenceUID).toBe(spec.frameOfReferenceUid);
      expect(t.SeriesInstanceUID).toBe(spec.seriesInstanceUid);
      expect(t).toMatchObject({ Rows: spec.rows, Columns: spec.columns, BitsAllocated: 16, BitsStored: 12, HighBit: 11, PixelRepresentation: 0 });
      expect(Number(t.RescaleIntercept)).toBe(-1024);
      expect(Number(t.RescaleSlope)).toBe(1);
    }
  });

  it('puts the lesions of the spec into the pixels at their stated HU (default 64 × 256² geometry)', () => {
    const world = generateDemoWorld({ seed: 11, referenceDate, patients: 6 });
    const specs = world.patients.flatMap((p) => p.ctSeries);
    expect(specs[0]!.slices).toBe(64);
    let checked = 0;
    for (const spec of specs.slice(0, 6)) {
      for (const l of spec.lesions) {
        const { bytes } = renderCtSlice(spec, sliceThrough(spec, l));
        const { tags, stored } = parseDicom(bytes);
        const hu = Array.from(stored, (v) => v + Number(tags.RescaleIntercept));
        const core = meanInside(spec, hu, l, 0.7);
        expect(core.n).toBeGreaterThanOrEqual(3);
        // Noise sd 12 HU: the mean of n voxels is within 4 standard errors.
        expect(Math.abs(core.mean - l.meanHu), `${spec.mrn} ${l.id} ${l.site}`).toBeLessThan(4 * (spec.noiseSdHu / Math.sqrt(core.n)) + 1);
        // The spec's contract: 40–60 HU above the soft tissue of the host organ.
        const tissue = LESION_SITES[l.site as keyof typeof LESION_SITES].tissueHu;
        expect(l.meanHu - tissue).toBeGreaterThanOrEqual(40);
        expect(l.meanHu - tissue).toBeLessThanOrEqual(60);
        // Around the lesion the tissue is clearly different (lesions are 40–60 HU above tissue).
        const ring = meanInside(spec, hu, l, 0, true);
        expect(Math.abs(ring.mean - l.meanHu), `${spec.mrn} ${l.id} ring`).toBeGreaterThan(20);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  it('draws air outside the body and lung in the chest', () => {
    const spec = firstSpec(7, { slices: 64, size: 256 });
    const { hu } = renderCtSlice(spec, 16);
    expect(Math.abs(hu[0]! - HU.air)).toBeLessThan(60);
    // 72 mm to the patient's right, 8 mm posterior: inside the right lung at z = 77.5 mm.
    const col = Math.round((-72 - spec.firstPositionMm[0]) / spec.pixelSpacingMm);
    const row = Math.round((8 - spec.firstPositionMm[1]) / spec.pixelSpacingMm);
    const lungLesion = spec.lesions.some((l) => Math.abs(l.centreMm[0] + 72) < l.diametersMm[0] && Math.abs(l.centreMm[2] - 77.5) < l.diametersMm[2]);
    if (!lungLesion) expect(Math.abs(hu[row * spec.columns + col]! - HU.lung)).toBeLessThan(60);
  });

  it('marks the files synthetic and carries the FHIR patient identity', () => {
    const patient = generateDemoWorld({ seed: 7, referenceDate, patients: 1, ct: small }).patients[0]!;
    const fhir = resourcesOf(patient.bundle).find((r): r is Patient => r.resourceType === 'Patient')!;
    const { tags, meta } = parseDicom(renderCtSlice(patient.ctSeries[0]!, 0).bytes);
    expect(tags.PatientIdentityRemoved).toBe('YES');
    expect(tags.DeidentificationMethod).toMatch(/synthetic/i);
    expect(tags.PatientComments).toBe(SYNTHETIC_BANNER);
    expect(tags.PatientID).toBe(fhir.identifier![0]!.value);
    expect((tags.PatientName as { Alphabetic: string }[])[0]!.Alphabetic).toBe(`${fhir.name![0]!.family}^${fhir.name![0]!.given![0]}`);
    expect(tags.PatientBirthDate).toBe(fhir.birthDate!.replaceAll('-', ''));
    expect(tags.PatientSex).toBe(fhir.gender === 'female' ? 'F' : 'M');
    expect(tags.StudyInstanceUID).toBe(patient.ctSeries[0]!.studyInstanceUid);
    expect(meta.TransferSyntaxUID).toBe('1.2.840.10008.1.2.1');
    expect(String(tags.StudyInstanceUID)).toMatch(/^2\.25\.[1-9]\d*$/);
    expect(String(tags.StudyInstanceUID).length).toBeLessThanOrEqual(64);
  });
});

// Turns a story's CT plans into render specs: fixes the scan geometry for the
// requested size, places each lesion once per patient (so the prior and the
// current study show it at the same spot, larger or smaller) and derives every
// UID from the world seed.
import { atTime, dicomDate, dicomTime } from '../dates';
import { dicomUidFor } from '../ids';
import type { Rng } from '../prng';
import type { CtPlan } from '../clinical/story';
import type { DemoCtLesion, DemoCtSeriesSpec } from '../types';
import { FIELD_OF_VIEW_MM, SCAN_LENGTH_MM, SCAN_TOP_Z_MM } from './anatomy';
import { ds } from './dicom-writer';
import { LESION_SITES } from './lesion-sites';

export interface CtGeometry {
  rows: number;
  columns: number;
  slices: number;
  pixelSpacingMm: number;
  sliceSpacingMm: number;
  firstPositionMm: [number, number, number];
}

export function ctGeometry(size: number, slices: number): CtGeometry {
  if (!Number.isInteger(size) || size < 16) throw new Error(`CT size must be an integer ≥ 16, got ${size}`);
  if (!Number.isInteger(slices) || slices < 2) throw new Error(`CT slices must be an integer ≥ 2, got ${slices}`);
  const pixelSpacingMm = Number(ds(FIELD_OF_VIEW_MM / size));
  const sliceSpacingMm = SCAN_LENGTH_MM / slices;
  const corner = Number(ds(-((size - 1) * pixelSpacingMm) / 2));
  return { rows: size, columns: size, slices, pixelSpacingMm, sliceSpacingMm, firstPositionMm: [corner, corner, Number(ds(SCAN_TOP_Z_MM - sliceSpacingMm / 2))] };
}

/** The z of the slice centre nearest to `z` (as written to the files). */
function snapToSlice(geometry: CtGeometry, z: number): number {
  const k = Math.min(geometry.slices - 1, Math.max(0, Math.round((geometry.firstPositionMm[2] - z) / geometry.sliceSpacingMm)));
  return Number(ds(geometry.firstPositionMm[2] - k * geometry.sliceSpacingMm));
}

export interface PlacedLesionCentres {
  centres: Map<string, [number, number, number]>;
  contrast: Map<string, number>;
}

/** One centre and one contrast per lesion id, shared by all of the patient's studies. */
export function placeLesions(plans: readonly CtPlan[], geometry: CtGeometry, rng: Rng): PlacedLesionCentres {
  const centres = new Map<string, [number, number, number]>();
  const contrast = new Map<string, number>();
  for (const plan of plans) {
    for (const lesion of plan.lesions) {
      if (centres.has(lesion.id)) continue;
      const site = LESION_SITES[lesion.site];
      const x = rng.round(site.box.x[0], site.box.x[1], 1);
      const y = rng.round(site.box.y[0], site.box.y[1], 1);
      const z = snapToSlice(geometry, rng.float(site.box.z[0], site.box.z[1]));
      centres.set(lesion.id, [x, y, z]);
      contrast.set(lesion.id, rng.int(40, 60));
    }
  }
  return { centres, contrast };
}

export interface SeriesSpecInput {
  seed: number;
  mrn: string;
  patient: DemoCtSeriesSpec['patient'];
  plan: CtPlan;
  role: DemoCtSeriesSpec['role'];
  studyIndex: number;
  geometry: CtGeometry;
  placed: PlacedLesionCentres;
  anatomy: DemoCtSeriesSpec['anatomy'];
  rng: Rng;
}

export function buildCtSeriesSpec(input: SeriesSpecInput): DemoCtSeriesSpec {
  const { seed, mrn, plan, geometry, placed } = input;
  const uidPath = [seed, mrn, 'ct', input.studyIndex] as const;
  const studyInstanceUid = dicomUidFor(...uidPath, 'study');
  const seriesInstanceUid = dicomUidFor(...uidPath, 'series');
  const when = atTime(plan.date, input.rng.int(8, 16), input.rng.pick([0, 10, 20, 30, 40, 50]));
  const lesions: DemoCtLesion[] = plan.lesions.map((l) => {
    const site = LESION_SITES[l.site];
    const centre = placed.centres.get(l.id)!;
    const clamp = (d: number) => Math.min(Math.max(Math.round(d), 4), site.maxDiameterMm);
    return {
      id: l.id,
      label: site.label,
      site: l.site,
      centreMm: centre,
      diametersMm: [clamp(l.diametersMm[0]), clamp(l.diametersMm[1]), clamp(l.diametersMm[2])],
      meanHu: site.tissueHu + placed.contrast.get(l.id)!,
      backgroundHu: site.backgroundHu,
    };
  });
  const accession = `SYNA${String(BigInt(studyInstanceUid.slice(5)) % 10_000_000n).padStart(7, '0')}`;
  return {
    mrn,
    patient: input.patient,
    role: input.role,
    studyInstanceUid,
    seriesInstanceUid,
    frameOfReferenceUid: dicomUidFor(...uidPath, 'frame-of-reference'),
    sopInstanceUids: Array.from({ length: geometry.slices }, (_, i) => dicomUidFor(...uidPath, 'instance', i + 1)),
    accessionNumber: accession,
    studyId: String(input.studyIndex + 1),
    studyDate: dicomDate(when),
    studyTime: dicomTime(when),
    studyDescription: 'CT chest/abdomen/pelvis',
    seriesNumber: 2,
    seriesDescription: `Axial ${ds(geometry.sliceSpacingMm)} mm soft tissue (synthetic phantom)`,
    studyKey: `${dicomDate(when)}-ct-${input.role}`,
    seriesKey: 'series-2-axial',
    rows: geometry.rows,
    columns: geometry.columns,
    slices: geometry.slices,
    pixelSpacingMm: geometry.pixelSpacingMm,
    sliceThicknessMm: geometry.sliceSpacingMm,
    sliceSpacingMm: geometry.sliceSpacingMm,
    firstPositionMm: geometry.firstPositionMm,
    anatomy: input.anatomy,
    noiseSdHu: 12,
    noiseKey: `${seed}/${mrn}/ct/${input.studyIndex}/noise`,
    lesions,
  };
}

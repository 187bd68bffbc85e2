// Draws one axial slice of the body phantom in Hounsfield units: air, body
// outline with subcutaneous fat and muscle wall, ribs, lungs, heart, aorta,
// liver, spleen, kidneys, pancreas, spine, pelvis, breasts or prostate, the
// lesions of the spec, then PRNG noise. Slices are independent (each has its own
// noise stream), so a series can be rendered lazily and in any order.
import { createRng } from '../prng';
import type { DemoCtSeriesSpec } from '../types';
import { AORTA, BODY, CHEST_FLOOR_Z, HU, ILIAC, ORGANS, RECTUM, RIBS, SPINE, lungScale, type Ellipsoid } from './anatomy';

interface Disc {
  cx: number;
  cy: number;
  /** 1 / semi-axis², so the inside test is (dx²·ix + dy²·iy) ≤ 1. */
  ix: number;
  iy: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  hu: number;
}

function disc(cx: number, cy: number, ax: number, ay: number, hu: number): Disc {
  return { cx, cy, ix: 1 / (ax * ax), iy: 1 / (ay * ay), xMin: cx - ax, xMax: cx + ax, yMin: cy - ay, yMax: cy + ay, hu };
}

/** The cross-section of an ellipsoid at height z, or undefined when the plane misses it. */
function section(e: Ellipsoid, z: number, hu: number): Disc | undefined {
  const dz = (z - e.centre[2]) / e.semi[2];
  const k = 1 - dz * dz;
  if (k <= 0) return undefined;
  const s = Math.sqrt(k);
  return disc(e.centre[0], e.centre[1], e.semi[0] * s, e.semi[1] * s, hu);
}

/** The x-intervals [x0, x1, hu, …] where the row at height y crosses each ellipse, in priority order. */
function rowSpans(discs: readonly Disc[], y: number): number[] {
  const spans: number[] = [];
  for (const d of discs) {
    if (y < d.yMin || y > d.yMax) continue;
    const k = 1 - (y - d.cy) * (y - d.cy) * d.iy;
    if (k < 0) continue;
    const w = Math.sqrt(k / d.ix);
    spans.push(d.cx - w, d.cx + w, d.hu);
  }
  return spans;
}

/** HU of the first interval containing x, else the fallback. */
function spanHu(spans: readonly number[], x: number, fallback: number): number {
  for (let i = 0; i < spans.length; i += 3) if (x >= spans[i]! && x <= spans[i + 1]!) return spans[i + 2]!;
  return fallback;
}

/** Interior organs present at height z, topmost first (the first that contains a point wins). */
function organsAt(spec: DemoCtSeriesSpec, z: number): Disc[] {
  const list: (Disc | undefined)[] = [];
  list.push(disc(SPINE.canalCentre[0], SPINE.canalCentre[1], SPINE.canalRadius, SPINE.canalRadius, HU.csf));
  list.push(disc(SPINE.centre[0], SPINE.centre[1], SPINE.radius - SPINE.cortex, SPINE.radius - SPINE.cortex, HU.cancellousBone));
  list.push(disc(SPINE.centre[0], SPINE.centre[1], SPINE.radius, SPINE.radius, HU.corticalBone));
  // Spinous process: a narrow bar behind the canal.
  list.push({ cx: 0, cy: 108, ix: 1 / 16, iy: 1 / 25, xMin: -4, xMax: 4, yMin: 103, yMax: 113, hu: HU.corticalBone });
  if (z >= AORTA.z[0] && z <= AORTA.z[1]) list.push(disc(AORTA.centre[0], AORTA.centre[1], AORTA.radius, AORTA.radius, HU.blood));
  list.push(section(ORGANS.heart, z, HU.blood));
  const s = lungScale(z);
  if (s > 0) {
    for (const lung of [ORGANS.rightLung, ORGANS.leftLung]) list.push(disc(lung.centre[0], lung.centre[1], lung.semi[0] * s, lung.semi[1] * s, HU.lung));
  }
  list.push(section(ORGANS.pancreas, z, HU.pancreas));
  list.push(section(ORGANS.liver, z, HU.liver));
  list.push(section(ORGANS.spleen, z, HU.spleen));
  list.push(section(ORGANS.rightKidney, z, HU.kidney));
  list.push(section(ORGANS.leftKidney, z, HU.kidney));
  if (z >= RECTUM.z[0] && z <= RECTUM.z[1]) {
    list.push(disc(RECTUM.centre[0], RECTUM.centre[1], RECTUM.lumenRadius, RECTUM.lumenRadius, HU.air + 100));
    list.push(disc(RECTUM.centre[0], RECTUM.centre[1], RECTUM.radius, RECTUM.radius, HU.rectalWall));
  }
  if (spec.anatomy.prostate) list.push(section(ORGANS.prostate, z, HU.prostate));
  list.push(section(ORGANS.bladder, z, HU.water));
  if (z >= ILIAC.z[0] && z <= ILIAC.z[1]) {
    for (const [cx, cy] of ILIAC.centres) {
      list.push(disc(cx, cy, ILIAC.semi[0] * 0.75, ILIAC.semi[1] * 0.75, HU.cancellousBone));
      list.push(disc(cx, cy, ILIAC.semi[0], ILIAC.semi[1], HU.corticalBone));
    }
  }
  return list.filter((d): d is Disc => d !== undefined);
}

/**
 * 4,096 standard-normal draws made once: per-voxel noise is one uniform number
 * indexing this table, a quarter of the PRNG calls of drawing a normal per voxel
 * (the noise is most of the rendering time).
 */
const NORMAL_TABLE = (() => {
  const rng = createRng('demo-world/ct/normal-table');
  return Float32Array.from({ length: 4096 }, () => rng.normal(0, 1));
})();

/** Fat between the bowel loops: a fixed smooth pattern, so the abdomen is not a flat grey. */
function abdomenHu(x: number, y: number, z: number): number {
  return Math.sin(x * 0.11) + Math.sin(y * 0.13 + z * 0.05) + Math.sin(z * 0.07 + x * 0.05) > 1.3 ? HU.fat + 10 : HU.bowel;
}

/** Writes the noiseless-then-noisy HU of slice `index` into `out` (rows × columns, row-major). */
export function renderSliceHu(spec: DemoCtSeriesSpec, index: number, out: Int16Array): void {
  const { rows, columns, pixelSpacingMm: ps } = spec;
  if (out.length !== rows * columns) throw new Error(`slice buffer has ${out.length} voxels, expected ${rows * columns}`);
  const z = spec.firstPositionMm[2] - index * spec.sliceSpacingMm;
  const organs = organsAt(spec, z);
  const chest = z > CHEST_FLOOR_Z;
  const ribs = z >= RIBS.z[0] && z <= RIBS.z[1] && ((z % RIBS.pitch) + RIBS.pitch) % RIBS.pitch < RIBS.width;
  const breasts = spec.anatomy.breasts
    ? [section(ORGANS.rightGland, z, HU.breastGland), section(ORGANS.leftGland, z, HU.breastGland), section(ORGANS.rightBreast, z, HU.fat), section(ORGANS.leftBreast, z, HU.fat)].filter((d): d is Disc => d !== undefined)
    : [];
  const lesions = spec.lesions
    .map((l) => {
      const rz = l.diametersMm[2] / 2;
      const dz = (z - l.centreMm[2]) / rz;
      const k = 1 - dz * dz;
      return k < 0 ? undefined : disc(l.centreMm[0], l.centreMm[1], (l.diametersMm[0] / 2) * Math.sqrt(k), (l.diametersMm[1] / 2) * Math.sqrt(k), l.meanHu);
    })
    .filter((d): d is Disc => d !== undefined);
  const noise = createRng(`${spec.noiseKey}/slice/${index}`);
  const fatR2 = BODY.fatFrom * BODY.fatFrom;
  const muscleR2 = BODY.muscleFrom * BODY.muscleFrom;
  const ribFrom2 = RIBS.ringFrom * RIBS.ringFrom;
  const ribTo2 = RIBS.ringTo * RIBS.ringTo;
  const sd = spec.noiseSdHu;
  const x0 = spec.firstPositionMm[0];
  const y0 = spec.firstPositionMm[1];
  const spine = organs.slice(0, 4);
  const glands = breasts.filter((b) => b.hu === HU.breastGland);

  for (let r = 0; r < rows; r += 1) {
    const y = y0 + r * ps;
    // Per row, each ellipse is an x-interval: the pixel loop only compares numbers.
    const organSpans = rowSpans(organs, y);
    const spineSpans = rowSpans(spine, y);
    const breastSpans = rowSpans(breasts, y);
    const glandSpans = rowSpans(glands, y);
    const lesionSpans = rowSpans(lesions, y);
    const ny = y / BODY.semiY;
    for (let c = 0; c < columns; c += 1) {
      const x = x0 + c * ps;
      const nx = x / BODY.semiX;
      const r2 = nx * nx + ny * ny;
      let hu: number;
      if (r2 > 1) {
        hu = spanHu(breastSpans, x, HU.air);
      } else if (r2 > fatR2) {
        hu = spanHu(spineSpans, x, spanHu(glandSpans, x, HU.fat));
      } else if (r2 > muscleR2) {
        hu = spanHu(spineSpans, x, chest && ribs && r2 >= ribFrom2 && r2 <= ribTo2 && Math.abs(x) > 35 && y > -60 ? HU.corticalBone : HU.muscle);
      } else {
        hu = spanHu(organSpans, x, chest ? HU.mediastinalFat : abdomenHu(x, y, z));
      }
      hu = spanHu(lesionSpans, x, hu);
      out[r * columns + c] = Math.round(hu + NORMAL_TABLE[(noise.next() * 4096) | 0]! * sd);
    }
  }
}

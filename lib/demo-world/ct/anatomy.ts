// The body the phantom draws, in DICOM patient coordinates (LPS, mm): x towards
// the patient's left, y towards the back, z towards the head. The scan always
// covers z from +160 (lung apices) to -160 (prostate) and a 380 mm field of
// view, whatever the number of slices or pixels, so lesion positions mean the
// same thing at 64 × 256² and in a tiny test series.
export const SCAN_TOP_Z_MM = 160;
export const SCAN_LENGTH_MM = 320;
export const FIELD_OF_VIEW_MM = 380;

/** Attenuation of the tissues (Hounsfield units, non-contrast). */
export const HU = {
  air: -1000,
  lung: -850,
  fat: -100,
  mediastinalFat: -70,
  water: 8,
  softTissue: 40,
  muscle: 50,
  bowel: 25,
  liver: 60,
  spleen: 50,
  kidney: 32,
  pancreas: 42,
  blood: 42,
  breastGland: 35,
  prostate: 40,
  rectalWall: 40,
  cancellousBone: 250,
  corticalBone: 700,
  csf: 15,
} as const;

/** Body outline: an elliptic cylinder; subcutaneous fat and a muscle wall as rings of it. */
export const BODY = { semiX: 160, semiY: 115, fatFrom: 0.88, muscleFrom: 0.8 } as const;

export interface Ellipsoid {
  centre: [number, number, number];
  semi: [number, number, number];
}

/** Organs as axis-aligned ellipsoids (cylinders have a huge z semi-axis and z limits). */
export const ORGANS = {
  rightLung: { centre: [-72, 8, 0], semi: [52, 78, 0] },
  leftLung: { centre: [72, 8, 0], semi: [52, 78, 0] },
  heart: { centre: [18, -35, 25], semi: [52, 42, 35] },
  liver: { centre: [-58, 0, -45], semi: [88, 78, 62] },
  spleen: { centre: [85, 40, -40], semi: [28, 40, 38] },
  rightKidney: { centre: [-65, 58, -95], semi: [24, 30, 42] },
  leftKidney: { centre: [65, 58, -95], semi: [24, 30, 42] },
  pancreas: { centre: [25, 12, -68], semi: [55, 12, 13] },
  bladder: { centre: [0, -45, -140], semi: [42, 32, 28] },
  prostate: { centre: [0, -12, -152], semi: [20, 16, 16] },
  rightBreast: { centre: [-75, -112, 60], semi: [52, 40, 42] },
  leftBreast: { centre: [75, -112, 60], semi: [52, 40, 42] },
  rightGland: { centre: [-75, -122, 60], semi: [32, 22, 26] },
  leftGland: { centre: [75, -122, 60], semi: [32, 22, 26] },
} as const satisfies Record<string, Ellipsoid>;

/** Lungs taper towards the apex (z 150) and the diaphragm domes (z -20). */
export function lungScale(z: number): number {
  if (z > 150 || z < -20) return 0;
  if (z > 100) return 0.35 + (0.65 * (150 - z)) / 50;
  if (z >= 10) return 1;
  return 1 - (0.6 * (10 - z)) / 30;
}

export const SPINE = { centre: [0, 70] as const, radius: 17, cortex: 3, canalCentre: [0, 95] as const, canalRadius: 8 };
export const AORTA = { centre: [18, 45] as const, radius: 12, z: [-110, 100] as const };
export const RECTUM = { centre: [0, 32] as const, radius: 16, lumenRadius: 7, z: [-160, -105] as const };
export const ILIAC = { centres: [[-100, 30], [100, 30]] as const, semi: [22, 48] as const, z: [-160, -100] as const };
/** Ribs: arcs in the muscle wall of the chest, 9 mm of every 24 mm of z (not in front, where cartilage is). */
export const RIBS = { z: [-20, 140] as const, pitch: 24, width: 9, ringFrom: 0.81, ringTo: 0.86 };
export const CHEST_FLOOR_Z = -15;

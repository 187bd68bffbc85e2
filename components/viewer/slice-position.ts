// Where each image of a stack lies along its slice normal, and which image of another
// stack is nearest to a given one. Used to scroll two series together (prior and
// current) by anatomy rather than by image number. Pure: no cornerstone import.

export type Vec3 = [number, number, number];

export interface PlaneGeometry {
  /** ImagePositionPatient (0020,0032): the centre of the first voxel, LPS mm. */
  position: Vec3;
  /** ImageOrientationPatient (0020,0037): row direction then column direction. */
  orientation: [number, number, number, number, number, number];
}

export function sliceNormal(orientation: PlaneGeometry['orientation']): Vec3 {
  const [rx, ry, rz, cx, cy, cz] = orientation;
  const n: Vec3 = [ry * cz - rz * cy, rz * cx - rx * cz, rx * cy - ry * cx];
  const length = Math.hypot(...n);
  return length > 0 ? [n[0] / length, n[1] / length, n[2] / length] : [0, 0, 1];
}

function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/**
 * The position of each image along the stack's normal (taken from the first image
 * with geometry), or null for an image without geometry. A stack with no geometry
 * at all (e.g. a secondary capture) yields nulls throughout.
 */
export function positionsAlongNormal(planes: (PlaneGeometry | null)[]): { normal: Vec3 | null; positions: (number | null)[] } {
  const first = planes.find((p): p is PlaneGeometry => p !== null);
  if (!first) return { normal: null, positions: planes.map(() => null) };
  const normal = sliceNormal(first.orientation);
  return { normal, positions: planes.map((p) => (p ? dot(p.position, normal) : null)) };
}

/**
 * The index of the target image nearest to `source` along the target's normal, or
 * null when either side has no geometry or the two stacks are not parallel (an axial
 * and a sagittal series have no "same slice"). Ties go to the lower index.
 */
export function nearestSliceIndex(source: PlaneGeometry | null, target: { normal: Vec3 | null; positions: (number | null)[] }): number | null {
  if (!source || !target.normal) return null;
  const sourceNormal = sliceNormal(source.orientation);
  // Parallel within ~8°: good enough for tilted-gantry priors, refuses orthogonal planes.
  if (Math.abs(dot(sourceNormal, target.normal)) < 0.99) return null;
  const along = dot(source.position, target.normal);
  let best: number | null = null;
  let bestDistance = Infinity;
  target.positions.forEach((position, index) => {
    if (position === null) return;
    const distance = Math.abs(position - along);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = index;
    }
  });
  return best;
}

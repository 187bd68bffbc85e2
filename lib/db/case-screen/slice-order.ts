// Display order of a series' images. Instance numbers are not reliable (some scanners
// restart them, some exports drop them), so slices of one orientation are ordered by
// their position along the slice normal (ImagePositionPatient · (row × column)),
// the way viewers stack them. Without geometry, instance number then UID decide.

export interface PositionedInstance<T> {
  instance: T;
  instanceNumber: number | null;
  /** ImagePositionPatient (0020,0032), mm. */
  position: number[] | null;
  /** ImageOrientationPatient (0020,0037): row and column direction cosines. */
  orientation: number[] | null;
}

function normalOf(orientation: number[]): [number, number, number] {
  const [r0, r1, r2, c0, c1, c2] = orientation as [number, number, number, number, number, number];
  return [r1 * c2 - r2 * c1, r2 * c0 - r0 * c2, r0 * c1 - r1 * c0];
}

const byInstanceNumber = <T>(a: PositionedInstance<T>, b: PositionedInstance<T>) =>
  (a.instanceNumber ?? Number.MAX_SAFE_INTEGER) - (b.instanceNumber ?? Number.MAX_SAFE_INTEGER);

export function orderBySlicePosition<T>(items: PositionedInstance<T>[]): PositionedInstance<T>[] {
  const first = items.find((i) => i.orientation);
  const sameGeometry = first?.orientation && items.every((i) => i.position && i.orientation && i.orientation.every((v, k) => Math.abs(v - first.orientation![k]!) < 1e-3));
  if (!sameGeometry) return [...items].sort(byInstanceNumber);
  const normal = normalOf(first.orientation!);
  const along = (i: PositionedInstance<T>) => i.position![0]! * normal[0] + i.position![1]! * normal[1] + i.position![2]! * normal[2];
  // Head first: for axial CT (normal +z in LPS) the most superior slice comes first, as radiologists scroll.
  return [...items].sort((a, b) => along(b) - along(a) || byInstanceNumber(a, b));
}

import { describe, expect, it } from 'vitest';
import { nearestSliceIndex, positionsAlongNormal, sliceNormal, type PlaneGeometry } from './slice-position';

const axial = [1, 0, 0, 0, 1, 0] as PlaneGeometry['orientation'];
const sagittal = [0, 1, 0, 0, 0, -1] as PlaneGeometry['orientation'];
const stack = (zs: number[], orientation = axial): PlaneGeometry[] => zs.map((z) => ({ position: [-100, -100, z], orientation }));

describe('slice positions', () => {
  it('takes the normal from the orientation (row × column)', () => {
    expect(sliceNormal(axial)).toEqual([0, 0, 1]);
    expect(sliceNormal(sagittal)).toEqual([-1, 0, 0]);
  });

  it('projects positions on the normal; images without geometry are null', () => {
    const planes = [...stack([10, 5]), null];
    expect(positionsAlongNormal(planes)).toEqual({ normal: [0, 0, 1], positions: [10, 5, null] });
    expect(positionsAlongNormal([null, null])).toEqual({ normal: null, positions: [null, null] });
  });

  it('finds the nearest slice of another series by position, whatever its order and origin', () => {
    const prior = positionsAlongNormal(stack([-20, -15, -10, -5, 0, 5].reverse()));
    expect(nearestSliceIndex({ position: [0, 0, -9], orientation: axial }, prior)).toBe(3); // z -10
    expect(nearestSliceIndex({ position: [50, 30, 100], orientation: axial }, prior)).toBe(0); // beyond the top: the top slice
    // A slightly tilted prior still matches.
    const tilted = [1, 0, 0, 0, Math.cos(0.05), Math.sin(0.05)] as PlaneGeometry['orientation'];
    expect(nearestSliceIndex({ position: [0, 0, 1], orientation: tilted }, prior)).toBe(1); // z ≈ 0
  });

  it('refuses planes that are not parallel, and stacks without geometry', () => {
    const axialStack = positionsAlongNormal(stack([0, 5, 10]));
    expect(nearestSliceIndex({ position: [0, 0, 5], orientation: sagittal }, axialStack)).toBeNull();
    expect(nearestSliceIndex(null, axialStack)).toBeNull();
    expect(nearestSliceIndex({ position: [0, 0, 5], orientation: axial }, { normal: null, positions: [null] })).toBeNull();
  });
});

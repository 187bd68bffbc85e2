// The only source of randomness in the demo world. Every stream is derived from
// a string key (seed + purpose), so a patient, a lab series or a CT slice is the
// same whatever else was generated before it: patient 7 of a 40-patient world
// equals patient 7 of a 1,000-patient world with the same seed, and slices can
// be rendered in any order.
import { createHash } from 'node:crypto';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  float(min: number, max: number): number;
  /** Rounded to `digits` decimals, uniform in [min, max). */
  round(min: number, max: number, digits: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** Approximately normal (sum of uniforms; cheap enough for per-voxel noise). */
  normal(mean: number, sd: number): number;
  /** An independent stream named `label`, derived from this stream's key (not its state). */
  fork(label: string): Rng;
}

/** Seeds a stream from a key such as `"42/patient/3"`. */
export function createRng(key: string): Rng {
  const digest = createHash('sha256').update(key).digest();
  // sfc32: small, fast, passes PractRand to 2^40; plenty for demo data.
  let a = digest.readUInt32LE(0);
  let b = digest.readUInt32LE(4);
  let c = digest.readUInt32LE(8);
  let d = digest.readUInt32LE(12);
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i += 1) next();

  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    float: (min, max) => min + next() * (max - min),
    round: (min, max, digits) => {
      const f = 10 ** digits;
      return Math.round((min + next() * (max - min)) * f) / f;
    },
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    chance: (p) => next() < p,
    // Irwin–Hall with n = 4: variance 4/12, so scale by sqrt(3).
    normal: (mean, sd) => mean + (next() + next() + next() + next() - 2) * Math.sqrt(3) * sd,
    fork: (label) => createRng(`${key}/${label}`),
  };
  return rng;
}

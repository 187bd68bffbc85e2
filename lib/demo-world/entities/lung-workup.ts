// What a thoracic clinic records besides the ECOG grade: the Karnofsky score at the same
// visits (consistent with the grade), and at the latest visit the weight lost over the
// last six months, in kg as a European hospital sends it (the NCCTG model reads pounds
// and converts). Drawn from a stream of its own, so the course's other values do not move.
import type { Rng } from '../prng';
import { SYSTEM } from '../clinical/code-systems';
import type { MeasurementSpec, Story, StoryContext } from '../clinical/story';

/** The Karnofsky scores usually taken as equivalent to each ECOG grade. */
const KARNOFSKY_FOR_ECOG: readonly (readonly number[])[] = [[100, 90], [80, 70], [60, 50], [40, 30], [20, 10]];

export function karnofskyFor(ecog: number, rng: Rng): number {
  const scores = KARNOFSKY_FOR_ECOG[ecog];
  if (!scores) throw new Error(`ECOG ${ecog} has no Karnofsky equivalent here`);
  return rng.pick(scores);
}

/**
 * The course with Karnofsky scores beside its ECOG grades and the weight loss of the last six
 * months (`lossKg`, the course's usual range; a gain for the `weight-gain` exception).
 */
export function withLungWorkup(ctx: StoryContext, story: Story, lossKg: readonly [number, number]): Story {
  const rng = ctx.rng.fork('workup');
  const ecog = story.ecog.map((e) => ({
    ...e,
    // The exception's ECOG 3 visit is the 40 of the documented out-of-range case (30 would be too).
    karnofsky: e.value === 3 && ctx.exceptions.has('karnofsky-below-range') ? 40 : karnofskyFor(e.value, rng),
  }));
  const latest = ecog.reduce((a, b) => (b.date > a.date ? b : a));
  const loss = ctx.exceptions.has('weight-gain') ? -rng.round(1.5, 4, 1) : rng.round(lossKg[0], lossKg[1], 1);
  const weight: MeasurementSpec = {
    key: 'weight-loss-6-months', date: latest.date, category: 'exam', aboutTumor: false,
    code: { system: SYSTEM.konsilClinical, code: 'weight-loss-6-months', display: 'Weight loss in the last 6 months' },
    value: loss, unit: { ucum: 'kg', text: 'kg' },
  };
  return { ...story, ecog, measurements: [...(story.measurements ?? []), weight] };
}

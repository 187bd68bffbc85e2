// Small pieces the entity files share: a timeline anchored on the diagnosis,
// lesion sizes that stay plausible, drugs, and the report authors (the demo
// world's pathologist and radiologist).
import { addDays } from '../dates';
import type { Rng } from '../prng';
import type { Coding } from '../clinical/code-systems';
import type { DrugSpec, PlannedLesion, StoryContext } from '../clinical/story';
import type { LesionSiteKey } from '../ct/lesion-sites';

export const AUTHOR = {
  pathology: 'Dr. Ewa Nowak, Institute of Pathology',
  molecular: 'Dr. Ewa Nowak, Molecular Pathology',
  radiology: 'Dr. Deniz Yilmaz, Radiology',
  nuclear: 'Dr. Deniz Yilmaz, Nuclear Medicine',
} as const;

/**
 * The course runs from the diagnosis (1–3 years ago) to today. `at(f)` is the day
 * a fraction f of the way along it, so entity files describe courses by proportion
 * and any span gives a consistent order of events. `minSpanDays` leaves room for
 * courses whose fixed-length treatments must end before today's findings.
 */
export function timeline(ctx: StoryContext, minSpanDays = 420) {
  const span = ctx.rng.int(Math.max(420, minSpanDays), 1040);
  const diagnosis = addDays(ctx.today, -span);
  return {
    span,
    diagnosis,
    at: (fraction: number) => addDays(diagnosis, Math.round(span * fraction)),
    days: (n: number) => addDays(diagnosis, n),
    beforeToday: (min: number, max: number) => addDays(ctx.today, -ctx.rng.int(min, max)),
  };
}

export const drug = (atc: Coding, dose: string): DrugSpec => ({ atc, dose });

/** A lesion with a long axis of `size` mm and slightly smaller other axes. */
export function lesion(rng: Rng, id: string, site: LesionSiteKey, size: number, noun: string, reading: string): PlannedLesion {
  return { id, site, noun, reading, diametersMm: [size, Math.round(size * rng.float(0.72, 0.92)), Math.round(size * rng.float(0.8, 1))] };
}

/** The same lesion at another time, every axis scaled (response or growth). */
export function resized(l: PlannedLesion, factor: number, reading = l.reading): PlannedLesion {
  return { ...l, reading, diametersMm: [Math.max(4, Math.round(l.diametersMm[0] * factor)), Math.max(4, Math.round(l.diametersMm[1] * factor)), Math.max(4, Math.round(l.diametersMm[2] * factor))] };
}

export const pct = (rng: Rng, values: readonly number[]) => rng.pick(values);

/** "14 months" between two days, for questions and report text. */
export function monthsBetween(from: Date, to: Date): number {
  return Math.max(1, Math.round((to.getTime() - from.getTime()) / (30.44 * 86_400_000)));
}

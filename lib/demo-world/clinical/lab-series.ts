// Lab results over the course: a visit schedule that follows treatment (every
// cycle during chemotherapy, every few months in follow-up) and values that move
// the way they do in the clinic: tumor markers with tumor burden, blood counts
// dipping under cytotoxic therapy, the liver panel rising with liver metastases,
// testosterone at castrate levels under androgen deprivation.
import { addDays, atTime } from '../dates';
import type { Rng } from '../prng';
import { LABS, ROUTINE_PANEL, type LabKey } from './lab-catalog';
import { burdenAt, type Story } from './story';

export interface LabResult {
  lab: LabKey;
  date: Date;
  value: number;
}

function activeTherapies(story: Story, date: Date) {
  return story.therapies.filter((t) => t.start <= date && (t.end === undefined || date <= t.end));
}

/** Visit days from a week before diagnosis to a few days before today. */
export function labVisitDates(story: Story, today: Date, rng: Rng): Date[] {
  const dates: Date[] = [];
  let date = addDays(story.diagnosis.date, -rng.int(3, 10));
  const last = addDays(today, -rng.int(2, 9));
  while (date < last) {
    dates.push(atTime(date, rng.int(7, 10), rng.pick([0, 15, 30, 45])));
    const active = activeTherapies(story, date);
    const step = active.some((t) => t.myelosuppressive) ? rng.int(21, 28) : active.length > 0 ? rng.int(42, 63) : rng.int(84, 120);
    date = addDays(date, step);
  }
  // The latest values before the board meets, unless a draw was only just taken.
  const previous = dates[dates.length - 1];
  if (previous === undefined || last.getTime() - previous.getTime() > 14 * 86_400_000) dates.push(atTime(last, rng.int(7, 10), rng.pick([0, 15, 30, 45])));
  return dates;
}

export function buildLabSeries(story: Story, sex: 'FEMALE' | 'MALE', today: Date, rng: Rng): LabResult[] {
  const labs: LabKey[] = [...ROUTINE_PANEL];
  for (const marker of story.markers) if (!labs.includes(marker.lab)) labs.push(marker.lab);
  if (story.therapies.some((t) => t.androgenDeprivation)) labs.push('testosterone');

  // Each patient's own healthy level, within the interval.
  const personal = new Map<LabKey, number>(labs.map((lab) => [lab, LABS[lab].typical[sex] * rng.float(0.88, 1.12)]));
  const results: LabResult[] = [];
  for (const date of labVisitDates(story, today, rng)) {
    const burden = burdenAt(story, date);
    const active = activeTherapies(story, date);
    const chemo = active.some((t) => t.myelosuppressive);
    const adt = active.some((t) => t.androgenDeprivation);
    const liver = story.liverInvolvement !== undefined && date >= story.liverInvolvement ? Math.min(burden, 4) : 0;
    for (const lab of labs) {
      const base = personal.get(lab)!;
      const marker = story.markers.find((m) => m.lab === lab);
      let value: number;
      switch (lab) {
        case 'hemoglobin':
          value = base - (chemo ? rng.float(1.0, 2.0) : 0) - 0.4 * Math.min(burden, 3);
          break;
        case 'leukocytes':
          value = base * (chemo ? rng.float(0.45, 0.8) : 1);
          break;
        case 'neutrophils':
          value = base * (chemo ? rng.float(0.3, 0.75) : 1);
          break;
        case 'platelets':
          value = base * (chemo ? rng.float(0.55, 0.9) : 1) + 15 * Math.min(burden, 3);
          break;
        case 'alt':
        case 'ast':
          value = base + 14 * liver;
          break;
        case 'alkalinePhosphatase':
          value = base + 55 * liver;
          break;
        case 'bilirubin':
          value = base + 0.25 * liver;
          break;
        case 'testosterone':
          value = adt ? rng.float(8, 35) : base;
          break;
        default:
          value = marker ? marker.floor + marker.perBurden * burden : base + (lab === 'ldh' ? 35 * burden : 0);
      }
      // Assay and biological variation: a few percent, never below zero.
      const noisy = Math.max(value * rng.normal(1, 0.04), 0);
      const f = 10 ** LABS[lab].decimals;
      results.push({ lab, date, value: Math.max(Math.round(noisy * f) / f, 1 / f) });
    }
  }
  return results;
}

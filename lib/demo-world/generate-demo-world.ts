// The demo world: N synthetic patients with FHIR bundles and CT specs. Cheap:
// no pixel is rendered here (see renderCtSeries), so the 1,000-patient
// benchmark can generate bundles first and stream images later.
import { startOfUtcDay } from './dates';
import { ctGeometry } from './ct/series-spec';
import { generateDemoPatient } from './generate-patient';
import type { DemoPatient, DemoWorld, DemoWorldOptions } from './types';

export const DEFAULT_PATIENTS = 40;
export const DEFAULT_CT = { slices: 64, size: 256 } as const;

export function generateDemoWorld(options: DemoWorldOptions): DemoWorld {
  const patients = [...generateDemoPatients(options)];
  return { seed: options.seed, referenceDate: startOfUtcDay(options.referenceDate).toISOString().slice(0, 10), patients };
}

/**
 * The same patients one at a time: a 1,000-patient world is a few hundred MB of
 * FHIR JSON, so the CLI and the benchmark stream it instead of holding it.
 */
export function* generateDemoPatients(options: DemoWorldOptions): Generator<DemoPatient> {
  const { seed } = options;
  const count = options.patients ?? DEFAULT_PATIENTS;
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(count) || count < 1 || count > 99_999) throw new Error(`patients must be 1–99999, got ${count}`);
  if (!(options.referenceDate instanceof Date) || Number.isNaN(options.referenceDate.getTime())) throw new Error('referenceDate must be a valid Date');
  const today = startOfUtcDay(options.referenceDate);
  const ct = options.ct ?? DEFAULT_CT;
  const geometry = ctGeometry(ct.size, ct.slices);
  for (let index = 0; index < count; index += 1) yield generateDemoPatient({ seed, index, today, geometry });
}

// A deliberate minority of patients whose decision-support inputs are incomplete or
// outside a model's valid range, as in any hospital's data, so the demo shows "missing"
// and "out of range" on real cases. Keyed by patient index (MRN SYN-2 + index + 1, the
// same for every seed) and documented in docs/ARCHITECTURE.md. The lung ones are among the
// first four cases of their board, which the demo seed puts on the agenda and runs the
// models on, and among the e2e stack's first 12 patients (beside SYN-200001, complete).

export type ModelInputException =
  /** Breast: no progesterone receptor ligand-binding assay (not measured): Rotterdam's PR is missing. */
  | 'pr-not-measured'
  /** Breast: straight to core biopsy, no fine-needle aspirate: the WDBC morphometry is missing. */
  | 'no-fna'
  /** Breast: an aspirate whose nuclei look only suspicious (C4), between the WDBC classes. */
  | 'borderline-fna'
  /** Lung: gained weight in the last six months (a negative weight loss, in range). */
  | 'weight-gain'
  /** Lung: ECOG 3 with Karnofsky 40, below the NCCTG model's valid range (50–100). */
  | 'karnofsky-below-range';

/** Which patient has which exception; the entity of each index is checked by a test. */
export const MODEL_INPUT_EXCEPTIONS: Readonly<Record<number, readonly ModelInputException[]>> = {
  5: ['karnofsky-below-range'], // SYN-200006, lung, KRAS G12C course
  10: ['weight-gain'], // SYN-200011, lung, resected squamous cell carcinoma
  16: ['pr-not-measured'], // SYN-200017, breast, HR+/HER2- course
  31: ['borderline-fna'], // SYN-200032, breast, HR+/HER2- course
  36: ['no-fna'], // SYN-200037, breast, HER2+ course
};

export function modelInputExceptionsOf(index: number): ReadonlySet<ModelInputException> {
  return new Set(MODEL_INPUT_EXCEPTIONS[index] ?? []);
}

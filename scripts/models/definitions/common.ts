// Wording and settings shared by the cards of all Konsil models.
export const CARD_AUTHOR = 'Konsil contributors';
export const CARD_DATE = '2026-11-26';
export const REGULATORY_STATUS =
  'Research use only. Not a medical device: not CE-marked, not FDA-cleared, not validated for clinical use. ' +
  'It must not be used to diagnose, to choose a treatment or to inform a patient.';
/** Bootstrap resamples for every 95 % CI. */
export const BOOTSTRAP_REPLICATES = 1000;
/** How close a re-training must come to the card's metrics (it is deterministic: 0 here). */
export const METRIC_TOLERANCE = 0.005;
/** ONNX (float32) vs the float64 training code. */
export const TEST_VECTOR_TOLERANCE = 1e-5;
/** Days per month for the survival time scale (365.25 / 12). */
export const DAYS_PER_MONTH = 30.4375;
export const LOCAL_CLINICAL_SYSTEM = 'urn:konsil:clinical';

// The model card: the one contract between a model's training script, its .onnx file
// (the same JSON is stored in the file's metadata_props under "konsil.card"), the
// registry's upload validation, the input mapping and the Decision support panel.
// Pure (no server imports) so the training scripts, the server and the UI share it.
import { z } from 'zod';

const nonEmpty = z.string().trim().min(1);

/** A closed numeric interval; values outside it are flagged and the model is not scored. */
export const validRangeSchema = z
  .object({ min: z.number(), max: z.number() })
  .refine((r) => r.min <= r.max, { message: 'validRange.min must be ≤ validRange.max' });

/**
 * Where a feature's value comes from in a case's data. Only these kinds exist, so a
 * model cannot ask for anything the input mapper does not know how to read.
 */
export const featureSourceSchema = z.discriminatedUnion('kind', [
  // Demographics on the Patient row, computed at the case's reference date.
  z.object({ kind: z.literal('patient'), field: z.enum(['ageYears', 'sexFemale']) }),
  // Latest numeric Observation with this LOINC code (labs, vitals, scores).
  z.object({ kind: z.literal('observation'), loinc: nonEmpty, display: nonEmpty }),
  // Observation coded outside LOINC (system|code), e.g. a local morphometry code system.
  z.object({ kind: z.literal('codedObservation'), system: nonEmpty, code: nonEmpty, display: nonEmpty }),
  // A report fact a clinician CONFIRMED on the case screen (never an unconfirmed extraction).
  z.object({
    kind: z.literal('reportFact'),
    fact: z.enum(['ECOG', 'ER', 'PR', 'GRADE', 'TUMOR_SIZE', 'NODES', 'KI67']),
    /** Which structured part of the fact, e.g. NODES → "positive", TUMOR_SIZE → "mm". */
    detail: nonEmpty,
  }),
  // 1 when a medication of this ATC prefix was given (MedicationStatement) before the reference date.
  z.object({ kind: z.literal('therapy'), atcPrefixes: z.array(nonEmpty).min(1), display: nonEmpty }),
  // 1 when the patient has a condition whose ICD-10 code starts with one of the prefixes.
  z.object({ kind: z.literal('condition'), icd10Prefixes: z.array(nonEmpty).min(1), display: nonEmpty }),
]);

/** Conversion from a unit the hospital may send to the model's unit: value_model = value · factor + offset. */
export const unitConversionSchema = z.object({ from: nonEmpty, factor: z.number(), offset: z.number().default(0) });

export const featureSchema = z.object({
  /** Position in the ONNX float input vector = index in the card's features array. */
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'feature names are snake_case'),
  label: nonEmpty,
  /** The model's unit (UCUM where one exists; "1" for dimensionless, "{bool}" for 0/1). */
  unit: nonEmpty,
  source: featureSourceSchema,
  conversions: z.array(unitConversionSchema).default([]),
  validRange: validRangeSchema,
  /** "block": missing → not scored. "impute": missing → the training mean, result flagged. */
  missing: z.discriminatedUnion('policy', [
    z.object({ policy: z.literal('block') }),
    z.object({ policy: z.literal('impute'), value: z.number() }),
  ]),
  /** Training-set mean, used by the explanation (contribution = (x − mean)·β). */
  trainingMean: z.number(),
});

/** The loosest test-vector tolerance a card may set at upload (absolute). */
export const MAX_TEST_VECTOR_TOLERANCE = 1e-3;

/** An estimate with its 95 % confidence interval (bootstrap, seed stated in the card). */
export const metricSchema = z.object({
  name: nonEmpty, // "AUC", "C-index", "Brier@60m", "Calibration slope@24m", …
  cohort: nonEmpty, // "held-out (Rotterdam 30 %)", "external (GBSG)"
  n: z.number().int().positive(),
  value: z.number(),
  ci95: z.tuple([z.number(), z.number()]),
});

export const outputSchema = z.object({
  /** The ONNX graph output name. */
  name: nonEmpty,
  description: nonEmpty,
  /** e.g. [1] probability, [3] survival at horizons, [n_features] contributions. */
  shape: z.array(z.number().int().positive()),
});

export const testVectorSchema = z.object({
  /** Feature name → value, in the model's units. */
  inputs: z.record(z.string(), z.number()),
  /** Output name → expected values (flattened). */
  expected: z.record(z.string(), z.array(z.number())),
});

const modelCardFields = z.object({
  /** Stable id, also the folder name in models/, e.g. "breast-malignancy-wdbc". */
  modelKey: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version is semver x.y.z'),
  name: nonEmpty,
  kind: z.enum(['classifier', 'survival']),
  /** Tumor entities (Prisma TumorEntity values) the model applies to. */
  entities: z.array(nonEmpty).min(1),
  intendedUse: nonEmpty,
  /** Must say "research use only" and "not a medical device". */
  regulatoryStatus: nonEmpty.refine(
    (s) => /research use only/i.test(s) && /not a medical device/i.test(s),
    'regulatoryStatus must say "research use only" and "not a medical device"',
  ),
  trainingData: z.object({ description: nonEmpty, citation: nonEmpty, licence: nonEmpty, n: z.number().int().positive() }),
  externalData: z.object({ description: nonEmpty, citation: nonEmpty, licence: nonEmpty, n: z.number().int().positive() }).optional(),
  method: nonEmpty,
  features: z.array(featureSchema).min(1),
  /** The single ONNX input: float32 [1, features.length]. */
  input: z.object({ name: nonEmpty }),
  outputs: z.array(outputSchema).min(1),
  /** Survival models: horizons in months of the survival output, e.g. [12, 24, 60]. */
  horizonsMonths: z.array(z.number().positive()).optional(),
  metrics: z.array(metricSchema).min(1),
  /** How close a re-training must come to the metrics above, e.g. 0.005 absolute. */
  metricTolerance: z.number().positive(),
  limitations: z.array(nonEmpty).min(1),
  author: nonEmpty,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  testVectors: z.array(testVectorSchema).min(1),
  /** Absolute tolerance for test vectors (ONNX vs training code), e.g. 1e-5; at most 1e-3 at upload. */
  testVectorTolerance: z.number().positive(),
});

const valueCount = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/**
 * What makes a card complete for its kind, beyond each field's own shape: the outputs the case
 * screen draws (a classifier's probability; a survival model's hazard ratio and one survival
 * value per horizon), contributions with one value per feature, imputed values inside the
 * feature's valid range, a metric at every horizon
 * ("Brier@12m", "O/E@12m": calibration where the survival curve is drawn), and test vectors
 * that check every output (a vector that expects nothing would pass any file).
 */
function checkCardConsistency(card: z.infer<typeof modelCardFields>, ctx: z.RefinementCtx) {
  const outputs = new Map(card.outputs.map((o) => [o.name, o]));
  const need = (name: string, values: number, why: string) => {
    const output = outputs.get(name);
    if (!output) ctx.addIssue({ code: 'custom', path: ['outputs'], message: `a ${card.kind} card declares an output "${name}" (${why})` });
    else if (valueCount(output.shape) !== values) ctx.addIssue({ code: 'custom', path: ['outputs', card.outputs.indexOf(output), 'shape'], message: `output "${name}" has ${valueCount(output.shape)} values; ${why} needs ${values}` });
  };
  if (card.kind === 'classifier') need('probability', 1, 'the probability');
  else {
    const horizons = card.horizonsMonths ?? [];
    if (horizons.length === 0) ctx.addIssue({ code: 'custom', path: ['horizonsMonths'], message: 'a survival card lists its horizons in months, e.g. [12, 24, 60]' });
    need('hazard_ratio', 1, 'the hazard ratio');
    if (horizons.length > 0) need('survival', horizons.length, `survival at ${horizons.length} horizons`);
    for (const h of horizons) {
      if (!card.metrics.some((m) => m.name.endsWith(`@${h}m`))) ctx.addIssue({ code: 'custom', path: ['metrics'], message: `no metric at the ${h}-month horizon (name it "…@${h}m", e.g. "Brier@${h}m" or "O/E@${h}m")` });
    }
  }
  if (outputs.has('contributions')) need('contributions', card.features.length, 'one contribution per feature');
  // An imputed value is fed to the model as if measured: it must be a value the model was trained on.
  for (const [i, f] of card.features.entries()) {
    if (f.missing.policy === 'impute' && !(f.missing.value >= f.validRange.min && f.missing.value <= f.validRange.max)) {
      ctx.addIssue({ code: 'custom', path: ['features', i, 'missing', 'value'], message: `the value imputed for ${f.name} (${f.missing.value}) is outside its validRange ${f.validRange.min}–${f.validRange.max}` });
    }
  }
  if (card.testVectorTolerance > MAX_TEST_VECTOR_TOLERANCE) {
    ctx.addIssue({ code: 'custom', path: ['testVectorTolerance'], message: `testVectorTolerance is at most ${MAX_TEST_VECTOR_TOLERANCE}: a test vector must pin the model down` });
  }
  for (const [i, vector] of card.testVectors.entries()) {
    const unchecked = card.outputs.filter((o) => vector.expected[o.name] === undefined).map((o) => o.name);
    if (unchecked.length > 0) ctx.addIssue({ code: 'custom', path: ['testVectors', i, 'expected'], message: `test vector ${i + 1} expects nothing for ${unchecked.map((n) => `"${n}"`).join(', ')}: every output is checked` });
  }
}

/** A card as an upload must give it: every field, and complete for its kind. */
export const modelCardSchema = modelCardFields.superRefine(checkCardConsistency);

/**
 * A card already in the registry (model_versions.card, fixed at upload): it passed the upload
 * rules of its day, so reading it back checks its fields only. A completeness rule added later
 * must not make a stored version, or the results that point to it, unreadable.
 */
export const storedModelCardSchema = modelCardFields;

export type ModelCard = z.infer<typeof modelCardSchema>;
export type ModelFeature = z.infer<typeof featureSchema>;
export type FeatureSource = z.infer<typeof featureSourceSchema>;

/** The metadata_props key that holds the card JSON inside the .onnx file. */
export const CARD_METADATA_KEY = 'konsil.card';

/**
 * The card file beside the model (`card.json`) also records the file's sha256, which
 * cannot live inside the file it hashes.
 */
export const cardFileSchema = modelCardFields.extend({ fileSha256: z.string().regex(/^[0-9a-f]{64}$/) }).superRefine(checkCardConsistency);
export type CardFile = z.infer<typeof cardFileSchema>;

// The model terms of Konsil's linear and Cox models: each term is one transform of one card
// feature (a raw clinical value in the card's unit). The ONNX graph computes exactly these
// transforms, so a clinician's value (tumour size in mm, a node count) goes in unchanged and
// the category or log scale the model was fitted on is derived inside the model.

export type TermTransform =
  /** z = x */
  | { kind: 'identity' }
  /** z = ln(x + 1): receptor levels spanning four decades, 0 allowed */
  | { kind: 'log1p' }
  /** z = 1 when x > threshold, else 0: categories such as tumour size > 20 mm */
  | { kind: 'indicatorAbove'; threshold: number }
  /** z = exp(rate·x): a saturating transform such as exp(−0.12·nodes) */
  | { kind: 'exp'; rate: number };

export type TermSpec = {
  /** snake_case, unique within the model; names the graph nodes. */
  name: string;
  /** Index of the card feature the term is computed from. */
  feature: number;
  transform: TermTransform;
};

/** A fitted term: the spec plus its training mean (on the transformed scale) and coefficient. */
export type FittedTerm = TermSpec & { mean: number; beta: number };

export function applyTransform(transform: TermTransform, x: number): number {
  switch (transform.kind) {
    case 'identity':
      return x;
    case 'log1p':
      return Math.log(x + 1);
    case 'indicatorAbove':
      return x > transform.threshold ? 1 : 0;
    case 'exp':
      return Math.exp(transform.rate * x);
  }
}

/** The design row: one value per term, from one row of raw feature values. */
export function termRow(terms: readonly TermSpec[], features: readonly number[]): number[] {
  return terms.map((t) => {
    const x = features[t.feature];
    if (x === undefined) throw new Error(`term ${t.name}: feature index ${t.feature} out of range`);
    return applyTransform(t.transform, x);
  });
}

export function describeTransform(transform: TermTransform, featureName: string): string {
  switch (transform.kind) {
    case 'identity':
      return featureName;
    case 'log1p':
      return `ln(${featureName} + 1)`;
    case 'indicatorAbove':
      return `1[${featureName} > ${transform.threshold}]`;
    case 'exp':
      return `exp(${transform.rate}·${featureName})`;
  }
}

// Card pieces every Cox model shares: outputs, the method paragraph's coefficient list,
// test vectors and the held-out rows the ONNX file must reproduce.
import type { ModelCard } from '@/lib/models/model-card';
import { describeTransform } from '@/lib/models/terms';
import type { CoxModelFit } from './cox-training';
import { toFloat32, type Outputs } from './trained-model';

export function coxOutputs(featureCount: number, horizons: readonly number[]): ModelCard['outputs'] {
  return [
    {
      name: 'hazard_ratio',
      description: 'Hazard ratio versus the average patient of the training data (all model terms at their training means).',
      shape: [1, 1],
    },
    {
      name: 'survival',
      description: `Predicted probability of being event-free at ${horizons.join(', ')} months: S₀(t)^HR, S₀ the Breslow baseline at the training means.`,
      shape: [1, horizons.length],
    },
    {
      name: 'contributions',
      description:
        'Per input feature: Σ over its model terms of (z − z̄)·β, z the transformed value (see Method), z̄ its training mean. ' +
        'The sum over all features is ln(hazard_ratio); 0 means "as the average training patient".',
      shape: [1, featureCount],
    },
  ];
}

/** "age_years: β = 0.0123 (SE 0.0045, HR 1.012 per unit of age_years)" for each term. */
export function describeCoefficients(model: CoxModelFit, featureNames: readonly string[]): string {
  return model.terms
    .map((t, k) => {
      const z = describeTransform(t.transform, featureNames[t.feature]!);
      return `${z}: β = ${t.beta.toFixed(4)} (SE ${model.fit.se[k]!.toFixed(4)}, z̄ = ${t.mean.toFixed(4)})`;
    })
    .join('; ');
}

export function coxReference(model: CoxModelFit) {
  return (features: readonly number[]): Outputs => {
    const p = model.predict(toFloat32(features));
    return { hazard_ratio: [p.hazardRatio], survival: p.survival, contributions: p.contributions };
  };
}

export function coxTestVectors(
  featureNames: readonly string[],
  rows: readonly (readonly number[])[],
  reference: (features: readonly number[]) => Outputs,
): ModelCard['testVectors'] {
  return rows.map((row) => ({
    inputs: Object.fromEntries(featureNames.map((name, j) => [name, row[j]!])),
    expected: reference(row),
  }));
}

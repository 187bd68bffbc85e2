// Logistic regression on standardized inputs as an ONNX graph (default domain only, opset 13):
//   z = (x − mean) / sd            [1, F]
//   contributions = z · β          [1, F]   (element-wise)
//   logit = z·β + intercept        [1, 1]   = Σ contributions + intercept
//   probability = sigmoid(logit)   [1, 1]
// Plain Sub/Div rather than ONNX-ML Scaler so the file needs one domain and any checker reads it.
import type { ModelCard } from '@/lib/models/model-card';
import { encodeModel, floatTensor, floatValueInfo, node } from './graph-builder';

export type LogisticParams = {
  /** Per-feature standardization, in card feature order. */
  means: number[];
  sds: number[];
  /** Coefficients on the standardized scale, in card feature order. */
  coefficients: number[];
  intercept: number;
};

export function buildLogisticModel(params: LogisticParams, card: ModelCard): Uint8Array {
  const f = card.features.length;
  for (const [label, v] of [['means', params.means], ['sds', params.sds], ['coefficients', params.coefficients]] as const) {
    if (v.length !== f) throw new Error(`${label} has ${v.length} values, the card has ${f} features`);
  }
  const inputName = card.input.name;
  const graph = {
    name: card.modelKey,
    input: [floatValueInfo(inputName, [1, f], 'features in card order and card units')],
    output: [
      floatValueInfo('probability', [1, 1], 'P(positive class)'),
      floatValueInfo('contributions', [1, f], '(x − mean)/sd · β per feature; Σ + intercept = logit'),
    ],
    initializer: [
      floatTensor('feature_mean', [f], params.means),
      floatTensor('feature_sd', [f], params.sds),
      floatTensor('beta', [f], params.coefficients),
      floatTensor('beta_column', [f, 1], params.coefficients),
      floatTensor('intercept', [1], [params.intercept]),
    ],
    node: [
      node('Sub', [inputName, 'feature_mean'], ['centered']),
      node('Div', ['centered', 'feature_sd'], ['standardized']),
      node('Mul', ['standardized', 'beta'], ['contributions']),
      node('MatMul', ['standardized', 'beta_column'], ['linear']),
      node('Add', ['linear', 'intercept'], ['logit']),
      node('Sigmoid', ['logit'], ['probability']),
    ],
  };
  return encodeModel({ graph, card, docString: card.name });
}

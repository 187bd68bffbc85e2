// Cox proportional-hazards model as an ONNX graph (default domain only, opset 13). The input
// holds raw clinical values; the graph derives each term (see lib/models/terms.ts), then
//   t = (z − z̄)·β per term                    [1, K]
//   contributions = t · A                      [1, F]  A[k][f] = 1 when term k uses feature f
//   log HR = Σ t                               [1, 1]  vs the average (training-mean) patient
//   hazard_ratio = exp(log HR)                 [1, 1]
//   survival = exp(−H₀(horizon) · HR)          [1, H]  H₀: Breslow cumulative hazard at z̄
import type { ModelCard } from '@/lib/models/model-card';
import type { FittedTerm, TermTransform } from '@/lib/models/terms';
import type { onnx as P } from 'onnx-proto';
import { encodeModel, floatTensor, floatValueInfo, int64Tensor, node } from './graph-builder';

export type CoxParams = {
  terms: FittedTerm[];
  /** Baseline cumulative hazard at the training-mean covariates, one per card horizon. */
  baselineCumHazard: number[];
};

export function buildCoxModel(params: CoxParams, card: ModelCard): Uint8Array {
  const f = card.features.length;
  const k = params.terms.length;
  const horizons = card.horizonsMonths ?? [];
  if (horizons.length !== params.baselineCumHazard.length) {
    throw new Error(`card has ${horizons.length} horizons, params have ${params.baselineCumHazard.length} baseline values`);
  }
  const inputName = card.input.name;
  const nodes: P.INodeProto[] = [];
  const initializers: P.ITensorProto[] = [];

  const termOutputs = params.terms.map((term) => {
    if (term.feature < 0 || term.feature >= f) throw new Error(`term ${term.name}: no feature ${term.feature}`);
    const column = `${term.name}__x`;
    initializers.push(int64Tensor(`${term.name}__index`, [1], [term.feature]));
    nodes.push(node('Gather', [inputName, `${term.name}__index`], [column], { attributes: { axis: { int: 1 } } }));
    return transformNodes(term.name, term.transform, column, nodes, initializers);
  });

  // Which feature each term belongs to, so per-feature contributions sum their terms.
  const assignment = params.terms.flatMap((term) => Array.from({ length: f }, (_, j) => (j === term.feature ? 1 : 0)));
  initializers.push(
    floatTensor('term_mean', [k], params.terms.map((t) => t.mean)),
    floatTensor('term_beta', [k], params.terms.map((t) => t.beta)),
    floatTensor('term_to_feature', [k, f], assignment),
    floatTensor('ones_column', [k, 1], Array(k).fill(1)),
    floatTensor('neg_baseline_cum_hazard', [horizons.length], params.baselineCumHazard.map((h) => -h)),
  );
  nodes.push(
    node('Concat', termOutputs, ['terms'], { attributes: { axis: { int: 1 } } }),
    node('Sub', ['terms', 'term_mean'], ['terms_centered']),
    node('Mul', ['terms_centered', 'term_beta'], ['term_contributions']),
    node('MatMul', ['term_contributions', 'term_to_feature'], ['contributions']),
    node('MatMul', ['term_contributions', 'ones_column'], ['log_hazard_ratio']),
    node('Exp', ['log_hazard_ratio'], ['hazard_ratio']),
    node('Mul', ['hazard_ratio', 'neg_baseline_cum_hazard'], ['neg_cum_hazard']),
    node('Exp', ['neg_cum_hazard'], ['survival']),
  );

  const graph: P.IGraphProto = {
    name: card.modelKey,
    input: [floatValueInfo(inputName, [1, f], 'features in card order and card units')],
    output: [
      floatValueInfo('hazard_ratio', [1, 1], 'hazard ratio vs the training-mean patient'),
      floatValueInfo('survival', [1, horizons.length], `survival probability at ${horizons.join('/')} months`),
      floatValueInfo('contributions', [1, f], '(z − z̄)·β summed per feature; Σ = ln(hazard_ratio)'),
    ],
    initializer: initializers,
    node: nodes,
  };
  return encodeModel({ graph, card, docString: card.name });
}

/** Appends the nodes of one term's transform; returns the name of its [1, 1] output. */
function transformNodes(
  name: string,
  transform: TermTransform,
  column: string,
  nodes: P.INodeProto[],
  initializers: P.ITensorProto[],
): string {
  const out = `${name}__z`;
  switch (transform.kind) {
    case 'identity':
      nodes.push(node('Identity', [column], [out]));
      break;
    case 'log1p':
      initializers.push(floatTensor(`${name}__one`, [1], [1]));
      nodes.push(node('Add', [column, `${name}__one`], [`${name}__plus_one`]), node('Log', [`${name}__plus_one`], [out]));
      break;
    case 'indicatorAbove':
      initializers.push(floatTensor(`${name}__threshold`, [1], [transform.threshold]));
      nodes.push(
        node('Greater', [column, `${name}__threshold`], [`${name}__above`]),
        // to = 1 is TensorProto.FLOAT
        node('Cast', [`${name}__above`], [out], { attributes: { to: { int: 1 } } }),
      );
      break;
    case 'exp':
      initializers.push(floatTensor(`${name}__rate`, [1], [transform.rate]));
      nodes.push(node('Mul', [column, `${name}__rate`], [`${name}__scaled`]), node('Exp', [`${name}__scaled`], [out]));
      break;
  }
  return out;
}

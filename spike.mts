import * as ort from 'onnxruntime-node';
import { buildLinearModel, makeTestSpec } from './lib/inference/test-support/linear-model.ts';
const spec = makeTestSpec({ kind: 'classifier' });
const bytes = buildLinearModel(spec);
for (const intra of [1, 2]) for (const spin of ['0', '1']) {
  const s = await ort.InferenceSession.create(bytes, { intraOpNumThreads: intra, interOpNumThreads: 1, graphOptimizationLevel: 'all', logSeverityLevel: 3, extra: { session: { intra_op: { allow_spinning: spin } } } });
  const x = Float32Array.from(spec.card.features.map((f) => f.trainingMean));
  for (let i = 0; i < 500; i++) await s.run({ features: new ort.Tensor('float32', x, [1, x.length]) });
  const times: number[] = [];
  for (let i = 0; i < 5000; i++) { const t = performance.now(); await s.run({ features: new ort.Tensor('float32', x, [1, x.length]) }); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  console.log(intra, spin, 'p50 us', (times[2500]! * 1000).toFixed(1), 'p95', (times[4750]! * 1000).toFixed(1));
  await s.release();
}

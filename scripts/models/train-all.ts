// `npm run models:train`: re-trains every model from its committed CSV and writes
// models/<key>/<version>/{model.onnx, card.json, card.md}. Deterministic: seeded splits and
// bootstraps, no timestamps, so a second run writes identical bytes.
import { relative } from 'node:path';
import { MODEL_DEFINITIONS } from './definitions';
import { REPO_ROOT } from './lib/paths';
import { writeModel } from './lib/write-model';

for (const definition of MODEL_DEFINITIONS) {
  const started = performance.now();
  const model = definition.train();
  const { dir, sha256 } = writeModel(model);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${definition.key}: ${relative(REPO_ROOT, dir)}/model.onnx sha256 ${sha256} (${seconds} s)`);
}

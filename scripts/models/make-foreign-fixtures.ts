// `npm run models:fixtures`: writes lib/models/test-fixtures/, the files the model registry's
// upload validation must REJECT, each wrong in exactly one way (everything else is the real
// breast-malignancy-wdbc model and its card). Deterministic; re-run after re-training WDBC.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { onnx as P } from 'onnx-proto';
import { storedModelCardSchema } from '@/lib/models/model-card';
import { buildLogisticModel } from '@/lib/models/onnx/logistic-model';
import { onnx } from '@/lib/models/onnx/onnx-proto';
import { fitWdbc, trainWdbc } from './definitions/wdbc';
import { FOREIGN_FIXTURES_DIR } from './lib/paths';

const wdbc = trainWdbc();
const { means, sds, fit } = fitWdbc();
const params = { means, sds, coefficients: fit.coefficients, intercept: fit.intercept };

/** Decodes, changes and re-encodes a model. */
function edit(bytes: Uint8Array, change: (model: P.ModelProto) => void): Uint8Array {
  const model = onnx.ModelProto.decode(bytes);
  change(model);
  return onnx.ModelProto.encode(model).finish();
}

const fixtures: { file: string; bytes: Uint8Array; wrong: string }[] = [
  {
    file: 'opset-21.onnx',
    bytes: edit(wdbc.onnx, (m) => {
      m.irVersion = 10;
      m.opsetImport = [onnx.OperatorSetIdProto.create({ domain: '', version: 21 })];
    }),
    wrong:
      'default-domain opset 21 (IR 10): a valid model that onnxruntime 1.30 loads, but newer than the registry policy (opset ≤ 15) ' +
      'and than the reference checker (python3-onnx 1.12); rejected by policy.',
  },
  {
    file: 'opset-27.onnx',
    bytes: edit(wdbc.onnx, (m) => {
      m.irVersion = 10;
      m.opsetImport = [onnx.OperatorSetIdProto.create({ domain: '', version: 27 })];
    }),
    wrong: 'default-domain opset 27: onnxruntime 1.30 itself refuses it (it supports opsets ≤ 26); session creation fails.',
  },
  {
    file: 'wdbc-input-1x7.onnx',
    // The first 7 features' parameters, so the graph is consistent in itself; the embedded card
    // is the real 10-feature WDBC card.
    bytes: edit(
      buildLogisticModel(
        { means: means.slice(0, 7), sds: sds.slice(0, 7), coefficients: fit.coefficients.slice(0, 7), intercept: fit.intercept },
        // Fields only: a 7-feature card whose contributions and vectors still say 10 is inconsistent on purpose.
        storedModelCardSchema.parse({ ...wdbc.card, features: wdbc.card.features.slice(0, 7) }),
      ),
      (m) => {
        m.metadataProps = onnx.ModelProto.decode(wdbc.onnx).metadataProps;
      },
    ),
    wrong: 'input shape [1, 7] while its card lists 10 features ([1, 10] expected).',
  },
  {
    file: 'truncated.onnx',
    bytes: wdbc.onnx.slice(0, Math.floor(wdbc.onnx.length / 2)),
    wrong: 'the first half of the WDBC model file: not decodable as an ONNX ModelProto (a broken upload).',
  },
  {
    file: 'wrong-test-vectors.onnx',
    bytes: buildLogisticModel({ ...params, intercept: params.intercept + 1 }, wdbc.card),
    wrong:
      "a valid WDBC model and card, but its intercept is 1 higher than the card's model: the outputs do not match the card's " +
      'test vectors (a logit shift of 1 moves a probability by up to 0.245).',
  },
  {
    file: 'no-card.onnx',
    bytes: edit(wdbc.onnx, (m) => {
      m.metadataProps = [];
    }),
    wrong: 'the WDBC model without metadata_props: no "konsil.card" to validate.',
  },
];

mkdirSync(FOREIGN_FIXTURES_DIR, { recursive: true });
for (const f of fixtures) writeFileSync(`${FOREIGN_FIXTURES_DIR}/${f.file}`, f.bytes);
writeFileSync(
  `${FOREIGN_FIXTURES_DIR}/README.md`,
  [
    '# Foreign model fixtures',
    '',
    'Files the model registry must reject, written by `npm run models:fixtures`',
    '(scripts/models/make-foreign-fixtures.ts). Each is the real `breast-malignancy-wdbc` 1.0.0 model and',
    'card except for one thing:',
    '',
    ...fixtures.map((f) => `- \`${f.file}\`: ${f.wrong}`),
    '',
  ].join('\n'),
);
console.log(`wrote ${fixtures.length} fixtures to ${FOREIGN_FIXTURES_DIR}`);

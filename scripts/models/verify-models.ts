// `npm run models:verify` (CI): for every model, re-trains in memory and checks the committed
// files against it and against the card:
//   - card.json is a valid card file; its fileSha256 is the sha256 of model.onnx; card.md is
//     what train-all generates from it;
//   - the card embedded in model.onnx (metadata_props) equals card.json without fileSha256;
//   - the ONNX file follows the registry policy (IR 8, default-domain opset ≤ 15, float input
//     [1, features], the card's outputs and shapes) and is byte-identical to the re-trained one;
//   - every card metric (value and both CI bounds) is reproduced within metricTolerance;
//   - onnxruntime-node gives the training code's outputs within testVectorTolerance on the
//     held-out/external rows and on every card test vector.
// Prints one table and exits 1 on any failure.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { cardFileSchema, type CardFile } from '@/lib/models/model-card';
import { readEmbeddedCard, readModelMetadata } from '@/lib/models/onnx/read-model-metadata';
import { MODEL_DEFINITIONS } from './definitions';
import { renderCardMarkdown } from './lib/card-markdown';
import { maxAbsDifference, openOnnx } from './lib/run-onnx';
import type { TrainedModel } from './lib/trained-model';
import { modelDir, sha256 } from './lib/write-model';

type Row = { model: string; check: string; card: string; reproduced: string; delta: string; pass: boolean };
const rows: Row[] = [];
const fmt = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(6))) : String(v));
const fmtDelta = (v: number) => (v === 0 ? '0' : v < 1e-3 ? v.toExponential(1) : fmt(v));

async function verify(key: string, trained: TrainedModel) {
  const add = (check: string, card: string, reproduced: string, delta: string, pass: boolean) =>
    rows.push({ model: key, check, card, reproduced, delta, pass });
  const dir = modelDir(trained.card);

  let card: CardFile;
  let bytes: Uint8Array;
  try {
    card = cardFileSchema.parse(JSON.parse(readFileSync(`${dir}/card.json`, 'utf8')));
    bytes = new Uint8Array(readFileSync(`${dir}/model.onnx`));
  } catch (error) {
    add('card.json + model.onnx readable and valid', '', (error as Error).message.split('\n')[0]!, '', false);
    return;
  }

  const fileSha = sha256(bytes);
  add('sha256(model.onnx) = card.fileSha256', card.fileSha256.slice(0, 12), fileSha.slice(0, 12), '', fileSha === card.fileSha256);
  const retrainedSha = sha256(trained.onnx);
  add('model.onnx = re-trained bytes', fileSha.slice(0, 12), retrainedSha.slice(0, 12), '', fileSha === retrainedSha);

  const markdownOk = readFileSync(`${dir}/card.md`, 'utf8') === renderCardMarkdown(card);
  add('card.md = generated from card.json', 'card.md', markdownOk ? 'same' : 'differs: run models:train', '', markdownOk);

  const meta = readModelMetadata(bytes);
  const embedded = readEmbeddedCard(meta);
  const { fileSha256: _sha, ...cardWithoutSha } = card;
  add('embedded card = card.json', 'card.json', embedded.ok ? 'metadata_props' : embedded.message, '', embedded.ok && isDeepStrictEqual(embedded.card, cardWithoutSha));

  const defaultOpset = meta.opsets.find((o) => o.domain === '' || o.domain === 'ai.onnx')?.version ?? 0;
  const input = meta.inputs[0];
  const policyOk =
    meta.irVersion === 8 &&
    defaultOpset > 0 &&
    defaultOpset <= 15 &&
    meta.opsets.every((o) => o.domain === '' || o.domain === 'ai.onnx' || (o.domain === 'ai.onnx.ml' && o.version <= 3)) &&
    meta.inputs.length === 1 &&
    input?.name === card.input.name &&
    input.elemType === 'FLOAT' &&
    isDeepStrictEqual(input.dims, [1, card.features.length]) &&
    isDeepStrictEqual(
      meta.outputs.map((o) => [o.name, o.dims]),
      card.outputs.map((o) => [o.name, o.shape]),
    );
  add(
    'ONNX policy (IR 8, opset ≤ 15, input/outputs = card)',
    `[1, ${card.features.length}]`,
    `IR ${meta.irVersion}, opset ${defaultOpset}, input [${input?.dims.join(', ')}]`,
    '',
    policyOk,
  );

  for (const m of card.metrics) {
    const r = trained.card.metrics.find((x) => x.name === m.name && x.cohort === m.cohort);
    if (!r) {
      add(`${m.name} · ${m.cohort}`, fmt(m.value), 'not reproduced', '', false);
      continue;
    }
    const delta = Math.max(Math.abs(m.value - r.value), Math.abs(m.ci95[0] - r.ci95[0]), Math.abs(m.ci95[1] - r.ci95[1]));
    add(`${m.name} · ${m.cohort}`, fmt(m.value), fmt(r.value), fmtDelta(delta), delta <= card.metricTolerance && m.n === r.n);
  }

  const session = await openOnnx(bytes, card.input.name);
  try {
    for (const { label, rows: featureRows } of trained.checkRows) {
      let max = 0;
      for (const features of featureRows) max = Math.max(max, maxAbsDifference(trained.reference(features), await session.run(features)));
      add(`ONNX = training code, ${label} rows`, `n = ${featureRows.length}`, 'onnxruntime-node', fmtDelta(max), max <= card.testVectorTolerance);
    }
    let maxCard = 0;
    let maxReference = 0;
    for (const v of card.testVectors) {
      const features = card.features.map((f) => {
        const x = v.inputs[f.name];
        if (x === undefined) throw new Error(`${key}: test vector lacks ${f.name}`);
        return x;
      });
      maxCard = Math.max(maxCard, maxAbsDifference(v.expected, await session.run(features)));
      maxReference = Math.max(maxReference, maxAbsDifference(v.expected, trained.reference(features)));
    }
    const n = card.testVectors.length;
    add('ONNX = card test vectors', `${n} vectors`, 'onnxruntime-node', fmtDelta(maxCard), maxCard <= card.testVectorTolerance);
    add('training code = card test vectors', `${n} vectors`, 're-trained', fmtDelta(maxReference), maxReference <= card.testVectorTolerance);
  } finally {
    await session.release();
  }
}

for (const definition of MODEL_DEFINITIONS) {
  try {
    await verify(definition.key, definition.train());
  } catch (error) {
    rows.push({ model: definition.key, check: 'verification ran', card: '', reproduced: (error as Error).message, delta: '', pass: false });
  }
}

const headers = ['model', 'check', 'card', 'reproduced', '|Δ|', 'result'];
const table = rows.map((r) => [r.model, r.check, r.card, r.reproduced, r.delta, r.pass ? 'PASS' : 'FAIL']);
const widths = headers.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(headers));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of table) console.log(line(r));
const failures = rows.filter((r) => !r.pass).length;
console.log(failures === 0 ? `\nAll ${rows.length} checks PASS.` : `\n${failures} of ${rows.length} checks FAIL.`);
process.exitCode = failures === 0 ? 0 : 1;

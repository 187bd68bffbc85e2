import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { buildLinearModel, makeTestSpec, sha256Hex } from '@/lib/inference/test-support/linear-model';
import { createSession } from '@/lib/inference/session-cache';
import { storedModelCardSchema, type ModelFeature } from './model-card';
import { onnx } from './onnx/onnx-proto';
import { readModelMetadata as decodeOnnx } from './onnx/read-model-metadata';
import { checkEmbeddedCard, checkGraph, maxAbsError, parseCard, validateModelUpload } from './validate-model-upload';

const classifier = makeTestSpec();
const survival = makeTestSpec({ kind: 'survival', modelKey: 'test-cox' });
const codes = (result: Awaited<ReturnType<typeof validateModelUpload>>) => (result.ok ? [] : result.reasons.map((r) => r.code));

describe('parseCard', () => {
  it('turns zod issues into messages with their paths', () => {
    const broken = structuredClone(classifier.card) as Record<string, unknown> & { features: { validRange: { min: number; max: number } }[] };
    broken.features[0]!.validRange = { min: 10, max: 1 };
    delete broken.intendedUse;
    const { card, reasons } = parseCard(JSON.stringify(broken), 'x');
    expect(card).toBeNull();
    expect(reasons.map((r) => r.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Model card, intendedUse: /),
        'Model card, features[0].validRange: validRange.min must be ≤ validRange.max',
      ]),
    );
  });

  it('reads a card written in YAML as the same card (dates stay text), and says when YAML is broken', () => {
    // As a person writes it: the date unquoted (a YAML 1.1 timestamp, which must stay text here).
    const asYaml = yaml.dump(survival.card).replace("date: '2026-11-26'", 'date: 2026-11-26');
    expect(asYaml).toMatch(/^date: 2026-11-26$/m);
    expect(parseCard(asYaml, 'x')).toEqual({ card: survival.card, reasons: [], modelKey: 'test-cox', semver: '1.0.0' });
    expect(parseCard('modelKey: [unclosed', 'x').reasons).toEqual([expect.objectContaining({ code: 'card_yaml', message: expect.stringMatching(/^The model card is neither JSON nor valid YAML: /) })]);
    expect(parseCard('just some words', 'x').reasons[0]).toMatchObject({ code: 'card_schema' });
  });

  it('refuses YAML anchors and aliases (an alias of an alias multiplies what the checks walk)', () => {
    const bomb = ['a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n');
    // 1 kB that stands for 10^9 numbers once expanded.
    expect(parseCard(bomb, 'x').reasons).toEqual([expect.objectContaining({ code: 'card_yaml', message: expect.stringMatching(/anchors and aliases/) })]);
    expect(parseCard(yaml.dump(survival.card).replace('testVectorTolerance:', 'x: &t 1\ny: *t\ntestVectorTolerance:'), 'x').reasons).toEqual([]); // an alias of a plain number is harmless
  });

  it('refuses text that is not JSON, and a card naming another file hash', () => {
    expect(parseCard('{"modelKey":', 'x').reasons[0]).toMatchObject({ code: 'card_json' });
    expect(parseCard({ ...classifier.card, fileSha256: 'a'.repeat(64) }, 'b'.repeat(64)).reasons[0]).toMatchObject({ code: 'card_file_sha256' });
    expect(parseCard({ ...classifier.card, fileSha256: 'b'.repeat(64) }, 'b'.repeat(64)).reasons).toEqual([]);
  });
});

describe('a card complete for its kind', () => {
  // "path: message", as the admin reads it after "Model card, ".
  const pathsOf = (card: unknown) => parseCard(card, 'x').reasons.map((r) => r.message.replace(/^Model card, /, ''));

  it('accepts the test cards of both kinds', () => {
    expect(pathsOf(classifier.card)).toEqual([]);
    expect(pathsOf(survival.card)).toEqual([]);
  });

  it('needs the outputs the case screen draws: a probability, or a hazard ratio and one survival value per horizon', () => {
    expect(pathsOf({ ...classifier.card, outputs: classifier.card.outputs.filter((o) => o.name !== 'probability') })).toEqual([expect.stringMatching(/^outputs: .*declares an output "probability"/)]);
    expect(pathsOf({ ...survival.card, horizonsMonths: [12, 24] })).toEqual([expect.stringMatching(/^outputs\[1\]\.shape: output "survival" has 3 values; survival at 2 horizons needs 2$/)]);
    const noHorizons = { ...survival.card, horizonsMonths: undefined };
    expect(pathsOf(noHorizons)).toEqual([expect.stringMatching(/^horizonsMonths: a survival card lists its horizons/)]);
    expect(pathsOf({ ...classifier.card, outputs: classifier.card.outputs.map((o) => (o.name === 'contributions' ? { ...o, shape: [2] } : o)) })).toEqual([
      expect.stringMatching(/^outputs\[1\]\.shape: output "contributions" has 2 values; one contribution per feature needs 5$/),
    ]);
  });

  it('needs a metric at every horizon of a survival curve', () => {
    const metrics = survival.card.metrics.filter((m) => m.name !== 'Brier@24m');
    expect(pathsOf({ ...survival.card, metrics })).toEqual(['metrics: no metric at the 24-month horizon (name it "…@24m", e.g. "Brier@24m" or "O/E@24m")']);
  });

  it('refuses an imputed value outside the feature’s valid range (it would be scored as if measured)', () => {
    const features = classifier.card.features.map((f, i) => (i === 1 ? { ...f, missing: { policy: 'impute' as const, value: f.validRange.max + 1 } } : f));
    expect(pathsOf({ ...classifier.card, features })).toEqual([expect.stringMatching(/^features\[1\]\.missing\.value: the value imputed for weight \(.+\) is outside its validRange/)]);
    const inside = classifier.card.features.map((f, i) => (i === 1 ? { ...f, missing: { policy: 'impute' as const, value: f.validRange.min } } : f));
    expect(pathsOf({ ...classifier.card, features: inside })).toEqual([]);
  });

  it('refuses test vectors that leave an output unchecked, and a tolerance that would let any file pass', () => {
    const vectors = classifier.card.testVectors.map((v, i) => (i === 1 ? { ...v, expected: { probability: v.expected.probability! } } : v));
    expect(pathsOf({ ...classifier.card, testVectors: vectors })).toEqual(['testVectors[1].expected: test vector 2 expects nothing for "contributions": every output is checked']);
    expect(pathsOf({ ...classifier.card, testVectors: [{ inputs: {}, expected: {} }] })).toEqual([expect.stringMatching(/^testVectors\[0\]\.expected: test vector 1 expects nothing for "probability", "contributions"/)]);
    expect(pathsOf({ ...classifier.card, testVectorTolerance: 1 })).toEqual([expect.stringMatching(/^testVectorTolerance: .*at most 0\.001/)]);
  });
});

describe('checkGraph', () => {
  it('accepts the card’s own model, with a fixed or dynamic batch', () => {
    expect(checkGraph(decodeOnnx(buildLinearModel(classifier)), classifier.card)).toEqual([]);
    expect(checkGraph(decodeOnnx(buildLinearModel(survival, { batchDim: 1 })), survival.card)).toEqual([]);
  });

  it('names each mismatch of input and outputs', () => {
    const wrong = decodeOnnx(buildLinearModel(classifier, { inputName: 'x', inputWidth: 4, dropOutputs: ['contributions'] }));
    expect(checkGraph(wrong, classifier.card).map((r) => r.code)).toEqual(['input_name', 'input_shape', 'output_missing']);
    const extra = decodeOnnx(buildLinearModel(classifier, { renameOutputs: { probability: 'prob' } }));
    expect(checkGraph(extra, classifier.card).map((r) => r.code)).toEqual(['output_missing', 'output_undeclared']);
    const batched = decodeOnnx(buildLinearModel(classifier, { batchDim: 2 }));
    expect(checkGraph(batched, classifier.card).map((r) => r.code)).toEqual(['input_shape', 'output_shape', 'output_shape']);
  });
});

describe('checkEmbeddedCard', () => {
  it('requires the card in the file, equal to the submitted one, and names the fields that differ', () => {
    expect(checkEmbeddedCard({}, classifier.card)).toEqual([expect.objectContaining({ code: 'embedded_card_missing' })]);
    expect(checkEmbeddedCard({ 'konsil.card': JSON.stringify(classifier.card) }, classifier.card)).toEqual([]);
    const other = { ...classifier.card, name: 'Another name', limitations: ['other'] };
    expect(checkEmbeddedCard({ 'konsil.card': JSON.stringify(other) }, classifier.card)[0]!.message).toMatch(/differs from the submitted card in: limitations, name\./);
    expect(checkEmbeddedCard({ 'konsil.card': '{' }, classifier.card)[0]!.code).toBe('embedded_card');
  });
});

describe('maxAbsError', () => {
  it('is the largest difference, infinite when the lengths differ', () => {
    expect(maxAbsError([1, 2], [1.5, 1.9])).toBeCloseTo(0.5);
    expect(maxAbsError([1], [1, 2])).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('validateModelUpload (with onnxruntime)', () => {
  it('accepts a model that reproduces its test vectors, and reports what it checked', async () => {
    for (const spec of [classifier, survival]) {
      const bytes = buildLinearModel(spec);
      const result = await validateModelUpload({ bytes, card: JSON.stringify(spec.card) });
      expect(result.ok, JSON.stringify(result)).toBe(true);
      if (!result.ok) continue;
      expect(result.entities).toEqual(['LUNG']);
      expect(result.report).toMatchObject({ fileSha256: sha256Hex(bytes), irVersion: 8, opsets: [{ domain: '', version: 13 }], runtime: expect.stringMatching(/^onnxruntime-node 1\.30/) });
      expect(Math.max(...result.report.testVectorMaxAbsError)).toBeLessThan(1e-4);
    }
  });

  it('refuses bytes that are not a model', async () => {
    const result = await validateModelUpload({ bytes: new TextEncoder().encode('{"not": "onnx"}'), card: classifier.card });
    expect(codes(result)[0]).toMatch(/^onnx_(decode|runtime)$/);
    expect(await validateModelUpload({ bytes: new Uint8Array(), card: classifier.card })).toMatchObject({ ok: false, reasons: [{ code: 'file_empty' }] });
  });

  it('refuses files outside Konsil’s ONNX policy, and says when the runtime cannot load them either', async () => {
    expect(codes(await validateModelUpload({ bytes: buildLinearModel(classifier, { opset: 99 }), card: classifier.card }))).toEqual(['onnx_version', 'onnx_runtime']);
    const newer = await validateModelUpload({ bytes: buildLinearModel(classifier, { opset: 17, irVersion: 9 }), card: classifier.card });
    expect(codes(newer)).toEqual(['onnx_version']);
    expect(newer.ok ? '' : newer.reasons[0]!.message).toMatch(/uses IR version 9, ai\.onnx opset 17; Konsil accepts IR ≤ 8/);
  });

  it('refuses a model whose test vectors it does not reproduce', async () => {
    const card = structuredClone(classifier.card);
    card.testVectors[1]!.expected.probability = [0.123];
    const result = await validateModelUpload({ bytes: buildLinearModel(classifier, { embedCard: card }), card });
    expect(codes(result)).toEqual(['test_vector']);
    expect(result.ok ? '' : result.reasons[0]!.message).toMatch(/Test vector 2, output "probability": expected \[0\.123\]/);
  });

  it('refuses a card whose entities Konsil does not know, and a file whose embedded card differs', async () => {
    const card = { ...classifier.card, entities: ['LUNG', 'MARS'] };
    const result = await validateModelUpload({ bytes: buildLinearModel(classifier), card });
    expect(codes(result)).toEqual(['card_entities', 'embedded_card']);
  });

  it('refuses a model that keeps a tensor in another file, before onnxruntime could read that file', async () => {
    // package.json exists in the working directory of the tests (and of a server started from
    // the repo): without this check onnxruntime loads its first bytes as the tensor, and the
    // test-vector message shows the outputs computed from them to the uploader.
    const bytes = buildLinearModel(classifier, { externalData: 'package.json' });
    expect(decodeOnnx(bytes).externalDataTensors).toEqual(['beta_col']);
    const result = await validateModelUpload({ bytes, card: classifier.card });
    expect(codes(result)).toEqual(['onnx_external_data']);
    expect(result.ok ? '' : result.reasons[0]!.message).toContain('"beta_col" in separate files (ONNX external data)');
    // The one place bytes become a session refuses it too (a stored version is loaded there).
    await expect(createSession(bytes)).rejects.toThrow(/keeps tensors in other files/);
  });

  it('gives onnxruntime only what it checked: a hidden first copy of the graph (protobuf merges repeated fields) cannot bring in external data', async () => {
    // 20 features, so the coefficients are big enough for onnxruntime to load from a file
    // (smaller initializers fail in its optimiser either way).
    const features: ModelFeature[] = Array.from({ length: 20 }, (_, i) => ({
      name: `f${i}`,
      label: `Feature ${i}`,
      unit: '1',
      source: { kind: 'codedObservation', system: 'urn:konsil:test', code: `f${i}`, display: `f${i}` },
      conversions: [],
      validRange: { min: -1e6, max: 1e6 },
      missing: { policy: 'block' },
      trainingMean: 0,
    }));
    const spec = makeTestSpec({ modelKey: 'test-merge', features });
    // The visible model has no "beta_col"; a first `graph` holds one whose data "is" in package.json.
    const visible = onnx.ModelProto.decode(buildLinearModel(spec));
    visible.graph!.initializer = visible.graph!.initializer!.filter((t) => t.name !== 'beta_col');
    const hidden = onnx.ModelProto.decode(buildLinearModel(spec, { externalData: 'package.json' }));
    const hiddenGraph = onnx.ModelProto.create({ graph: onnx.GraphProto.create({ initializer: hidden.graph!.initializer!.filter((t) => t.name === 'beta_col') }) });
    const bytes = Buffer.concat([onnx.ModelProto.encode(hiddenGraph).finish(), onnx.ModelProto.encode(visible).finish()]);
    expect(decodeOnnx(bytes).externalDataTensors).toEqual([]); // protobufjs sees the last graph only

    const result = await validateModelUpload({ bytes, card: spec.card });
    // The runtime is given the graph the checks saw, which lacks "beta_col": it cannot load it.
    // (Given the file itself it merged both graphs, read package.json as coefficients, ran, and
    // the test-vector messages showed the outputs computed from that file.)
    expect(codes(result)).toEqual(['onnx_runtime']);
    expect(result.ok ? '' : result.reasons[0]!.message).toMatch(/beta_col/);
  });

  it('lists every reason at once', async () => {
    const bytes = buildLinearModel(classifier, { inputName: 'x', embedCard: { ...classifier.card, version: '9.9.9' } });
    const result = await validateModelUpload({ bytes, card: { ...classifier.card, fileSha256: 'f'.repeat(64) } });
    expect(result).toMatchObject({ ok: false, modelKey: 'test-linear', semver: '1.0.0' });
    expect(codes(result)).toEqual(['card_file_sha256', 'input_name', 'embedded_card']);
  });
});

describe('a card already stored', () => {
  it('is read with the field rules only: a completeness rule added later does not make it unreadable', () => {
    const older = { ...classifier.card, testVectorTolerance: 0.01, testVectors: [{ inputs: {}, expected: {} }] };
    expect(storedModelCardSchema.safeParse(older).success).toBe(true);
    expect(parseCard(older, 'x').reasons.map((r) => r.path)).toEqual(['testVectorTolerance', 'testVectors[0].expected']);
  });
});

// The demo world carries what the decision-support models read (the cards in models/:
// breast-malignancy-wdbc, breast-rfs-rotterdam, lung-os-ncctg): checked on the demo's own
// seed and on the generator tests' seed, for every breast and lung patient, with the
// deliberate exceptions (clinical/model-input-exceptions.ts) and nothing else missing or
// out of range. prisma/seed/demo-model-inputs.int.test.ts runs the models themselves.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DiagnosticReport, MedicationStatement, Observation, Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { cardFileSchema, type ModelFeature } from '@/lib/models/model-card';
import { extractReportFacts } from '@/lib/report-facts';
import { MODEL_INPUT_EXCEPTIONS, modelInputExceptionsOf } from './clinical/model-input-exceptions';
import { MORPHOMETRY_FEATURES } from './entities/breast-workup';
import { generateDemoWorld, type DemoPatient } from './index';
import { resourcesOf } from './test-helpers';

const cards = new Map<string, ModelFeature[]>();
function feature(modelKey: string, name: string): ModelFeature {
  if (!cards.has(modelKey)) {
    const file = path.join(process.cwd(), 'models', modelKey, '1.0.0', 'card.json');
    cards.set(modelKey, cardFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).features);
  }
  const found = cards.get(modelKey)!.find((f) => f.name === name);
  if (!found) throw new Error(`${modelKey} has no feature ${name}`);
  return found;
}
const range = (f: ModelFeature) => [f.validRange.min, f.validRange.max] as const;
const rotterdam = (name: string) => feature('breast-rfs-rotterdam', name);
const ncctg = (name: string) => feature('lung-os-ncctg', name);
const wdbc = (name: string) => feature('breast-malignancy-wdbc', name);
const RANGE = {
  rotterdamAge: range(rotterdam('age_years')),
  erFmol: range(rotterdam('er_fmol')),
  prFmol: range(rotterdam('pgr_fmol')),
  tumorSizeMm: range(rotterdam('tumor_size_mm')),
  grade: range(rotterdam('grade')),
  positiveNodes: range(rotterdam('positive_nodes')),
  lungAge: range(ncctg('age_years')),
  ecog: range(ncctg('ecog')),
  karnofsky: range(ncctg('karnofsky_physician')),
  weightLossLb: range(ncctg('weight_loss_lb')),
} as const;
const LB_PER_KG = ncctg('weight_loss_lb').conversions.find((c) => c.from === 'kg')!.factor;

const CLINICAL = 'urn:konsil:clinical';
const FNA = 'urn:konsil:fna-morphometry';
const referenceDate = new Date('2026-11-15T00:00:00Z');
const within = (value: number, [min, max]: readonly [number, number]) => value >= min && value <= max;
const index = (p: DemoPatient) => Number(p.mrn.slice(-5)) - 1;
const age = (p: DemoPatient) => Math.floor((referenceDate.getTime() - Date.parse(p.birthDate)) / (365.25 * 86_400_000));

function observations(p: DemoPatient): Observation[] {
  return resourcesOf(p.bundle).filter((r): r is Observation => r.resourceType === 'Observation');
}
function coded(p: DemoPatient, system: string, code: string): Observation[] {
  return observations(p).filter((o) => o.code.coding?.some((c) => c.system === system && c.code === code));
}
function loinc(p: DemoPatient, code: string): Observation[] {
  return observations(p).filter((o) => o.code.coding?.some((c) => c.system === 'http://loinc.org' && c.code === code));
}
function atcCodes(p: DemoPatient): string[] {
  return resourcesOf(p.bundle)
    .filter((r): r is MedicationStatement => r.resourceType === 'MedicationStatement')
    .map((m) => m.medicationCodeableConcept!.coding![0]!.code!);
}
function pathologyReports(p: DemoPatient): { date: string; text: string; conclusion: string }[] {
  return resourcesOf(p.bundle)
    .filter((r: Resource): r is DiagnosticReport => r.resourceType === 'DiagnosticReport' && r.category?.[0]?.coding?.[0]?.code === 'PAT')
    .map((r) => ({ date: r.effectiveDateTime!, text: Buffer.from(r.presentedForm![0]!.data!, 'base64').toString('utf8'), conclusion: r.conclusion! }))
    .sort((a, b) => a.date.localeCompare(b.date));
}
/** The one value of a coded observation, with its UCUM unit. */
function valueOf(o: Observation): { value: number; unit: string } {
  expect(o.valueQuantity?.system).toBe('http://unitsofmeasure.org');
  return { value: o.valueQuantity!.value!, unit: o.valueQuantity!.code! };
}

const worlds: Record<string, DemoPatient[]> = {};
beforeAll(() => {
  // Seed 1 is the demo's (prisma/seed/demo-clinical-world.ts); 20261115 the generator tests'.
  for (const seed of [1, 20261115]) worlds[seed] = generateDemoWorld({ seed, referenceDate }).patients;
});
const each = (entity: 'BREAST' | 'LUNG') => Object.entries(worlds).flatMap(([seed, patients]) => patients.filter((p) => p.entity === entity).map((p) => ({ seed, p })));

describe('the deliberate exceptions', () => {
  it('name patients of the right entity and course', () => {
    const world = worlds[1]!;
    for (const [i, exceptions] of Object.entries(MODEL_INPUT_EXCEPTIONS)) {
      const p = world[Number(i)]!;
      for (const exception of exceptions) {
        const entity = ['pr-not-measured', 'no-fna', 'borderline-fna'].includes(exception) ? 'BREAST' : 'LUNG';
        expect(p.entity, `${p.mrn} ${exception}`).toBe(entity);
      }
      if (exceptions.includes('karnofsky-below-range')) expect(p.caseProposal.question).toContain('KRAS G12C');
      if (exceptions.includes('pr-not-measured') || exceptions.includes('borderline-fna')) expect(p.caseProposal.question).toContain('HR+/HER2-');
    }
    expect(Object.keys(MODEL_INPUT_EXCEPTIONS).map((i) => `SYN-2${String(Number(i) + 1).padStart(5, '0')}`)).toEqual(['SYN-200006', 'SYN-200011', 'SYN-200017', 'SYN-200032', 'SYN-200037']);
  });

  it('leave a complete breast and lung patient among the first 12 (the e2e stack), beside the two lung exceptions', () => {
    const first12 = worlds[1]!.slice(0, 12).filter((p) => modelInputExceptionsOf(index(p)).size > 0);
    expect(first12.map((p) => p.mrn)).toEqual(['SYN-200006', 'SYN-200011']);
    expect(worlds[1]!.slice(0, 2).map((p) => [p.mrn, p.entity, modelInputExceptionsOf(index(p)).size])).toEqual([['SYN-200001', 'LUNG', 0], ['SYN-200002', 'BREAST', 0]]);
  });
});

describe('breast patients', () => {
  it('have a menopausal status from their age, 0 or 1 {bool}', () => {
    for (const { seed, p } of each('BREAST')) {
      const [status] = coded(p, CLINICAL, 'menopausal-status-post');
      expect(status, `${seed} ${p.mrn}`).toBeDefined();
      const { value, unit } = valueOf(status!);
      expect(unit).toBe(rotterdam('postmenopausal').unit);
      expect([0, 1]).toContain(value);
      // Recorded at the first visit, 1–3 years before today: only ages clear of the band are certain.
      if (age(p) <= 46) expect(value, `${p.mrn} aged ${age(p)}`).toBe(0);
      if (age(p) >= 59) expect(value, `${p.mrn} aged ${age(p)}`).toBe(1);
      expect(within(age(p), RANGE.rotterdamAge)).toBe(true);
    }
  });

  it('have ER and PR by ligand-binding assay in fmol/l that agree with the IHC status of their report, PR missing only where documented', () => {
    let positive = 0;
    for (const { seed, p } of each('BREAST')) {
      const core = pathologyReports(p).find((r) => /core biopsy/i.test(r.text) && /ER (positive|negative)/.test(r.text))!;
      const ihc = (kind: 'ER' | 'PR') => extractReportFacts(core.text).find((f) => f.kind === kind)!.detail.status;
      for (const [code, kind, range] of [['er-ligand-binding', 'ER', RANGE.erFmol], ['pgr-ligand-binding', 'PR', RANGE.prFmol]] as const) {
        const found = coded(p, CLINICAL, code);
        if (kind === 'PR' && modelInputExceptionsOf(index(p)).has('pr-not-measured')) {
          expect(found, `${p.mrn} PR not measured`).toEqual([]);
          continue;
        }
        expect(found, `${seed} ${p.mrn} ${kind}`).toHaveLength(1);
        const { value, unit } = valueOf(found[0]!);
        expect(unit).toBe(rotterdam('er_fmol').unit);
        expect(within(value, range), `${p.mrn} ${kind} ${value}`).toBe(true);
        // The assay's cut-off: ≥ 10 fmol is receptor-positive.
        expect(value >= 10 ? 'positive' : 'negative', `${p.mrn} ${kind} ${value} vs IHC`).toBe(ihc(kind));
        if (value >= 10) positive += 1;
      }
    }
    expect(positive).toBeGreaterThan(0);
  });

  it('have the ten FNA morphometry features within the card ranges, malignant-looking except the documented borderline aspirate, missing only where documented', () => {
    for (const { seed, p } of each('BREAST')) {
      const exceptions = modelInputExceptionsOf(index(p));
      const found = observations(p).filter((o) => o.code.coding?.[0]?.system === FNA);
      const cytology = pathologyReports(p).find((r) => r.text.includes('FINE-NEEDLE ASPIRATE'));
      if (exceptions.has('no-fna')) {
        expect(found, p.mrn).toEqual([]);
        expect(cytology).toBeUndefined();
        continue;
      }
      expect(found.map((o) => o.code.coding![0]!.code).sort(), `${seed} ${p.mrn}`).toEqual(MORPHOMETRY_FEATURES.map((f) => f.code).sort());
      const values = Object.fromEntries(found.map((o) => [o.code.coding![0]!.code!, valueOf(o)]));
      for (const [code, { value, unit }] of Object.entries(values)) {
        expect(unit, code).toBe(wdbc(code).unit);
        expect(within(value, range(wdbc(code))), `${p.mrn} ${code} ${value}`).toBe(true);
      }
      const radius = values.radius_mean!.value;
      const concavePoints = values.concave_points_mean!.value;
      if (exceptions.has('borderline-fna')) {
        expect(cytology!.conclusion).toMatch(/C4/);
        // Between the WDBC class means (benign 12.15 / 0.026, malignant 17.46 / 0.088).
        expect(radius).toBeGreaterThan(12.15 - 2);
        expect(radius).toBeLessThan(17.46);
      } else {
        expect(cytology!.conclusion).toMatch(/C5/);
        expect(radius, p.mrn).toBeGreaterThan(12.15);
        expect(concavePoints, p.mrn).toBeGreaterThan(0.026);
      }
    }
  });

  it('get endocrine therapy (ATC L02B) exactly when hormone-receptor positive: tamoxifen before the menopause, an aromatase inhibitor after', () => {
    for (const { p } of each('BREAST')) {
      const er = valueOf(coded(p, CLINICAL, 'er-ligand-binding')[0]!).value;
      const post = valueOf(coded(p, CLINICAL, 'menopausal-status-post')[0]!).value === 1;
      const endocrine = atcCodes(p).filter((c) => c.startsWith('L02B'));
      if (er < 10) {
        expect(endocrine, p.mrn).toEqual([]);
        continue;
      }
      expect(endocrine.length, p.mrn).toBeGreaterThan(0);
      if (post) expect(endocrine.every((c) => c.startsWith('L02BG')), p.mrn).toBe(true);
      else expect(endocrine, p.mrn).toContain('L02BA01');
    }
  });

  it('state tumor size, grade and positive nodes in the newest pathology report, read by the extractor as present', () => {
    for (const { seed, p } of each('BREAST')) {
      const newest = pathologyReports(p).at(-1)!;
      const facts = extractReportFacts(newest.text).filter((f) => f.assertion === 'present');
      const first = (kind: string) => facts.find((f) => f.kind === kind);
      const size = first('TUMOR_SIZE');
      const grade = first('GRADE');
      const nodes = first('NODES');
      expect(size && grade && nodes, `${seed} ${p.mrn}: ${facts.map((f) => f.key).join(', ')}`).toBeTruthy();
      expect(within(size!.detail.mm as number, RANGE.tumorSizeMm), `${p.mrn} size`).toBe(true);
      expect(within(grade!.detail.grade as number, RANGE.grade), `${p.mrn} grade`).toBe(true);
      expect(within(nodes!.detail.positive as number, RANGE.positiveNodes), `${p.mrn} nodes`).toBe(true);
    }
  });
});

describe('lung patients', () => {
  it('have ECOG and a consistent Karnofsky score at every visit, in range except the documented Karnofsky 40', () => {
    const equivalent: Record<number, number[]> = { 0: [100, 90], 1: [80, 70], 2: [60, 50], 3: [40, 30] };
    for (const { seed, p } of each('LUNG')) {
      const ecog = loinc(p, '89247-1').map((o) => ({ date: o.effectiveDateTime!, value: Number(o.valueCodeableConcept!.text!.replace('ECOG ', '')) }));
      const karnofsky = loinc(p, '89243-0').map((o) => ({ date: o.effectiveDateTime!, value: o.valueInteger! }));
      expect(ecog.length, `${seed} ${p.mrn}`).toBeGreaterThan(0);
      expect(karnofsky.map((k) => k.date)).toEqual(ecog.map((e) => e.date));
      ecog.forEach((e, i) => expect(equivalent[e.value], `${p.mrn} ECOG ${e.value}`).toContain(karnofsky[i]!.value));

      const latest = (rows: { date: string; value: number }[]) => rows.reduce((a, b) => (b.date > a.date ? b : a)).value;
      expect(within(latest(ecog), RANGE.ecog), p.mrn).toBe(true);
      if (modelInputExceptionsOf(index(p)).has('karnofsky-below-range')) expect(latest(karnofsky), p.mrn).toBe(40);
      else expect(within(latest(karnofsky), RANGE.karnofsky), `${p.mrn} KPS ${latest(karnofsky)}`).toBe(true);
      expect(within(age(p), RANGE.lungAge), `${p.mrn} age ${age(p)}`).toBe(true);
    }
  });

  it('have the weight lost in the last 6 months in kg, within the model range in pounds, a gain only where documented', () => {
    for (const { seed, p } of each('LUNG')) {
      const found = coded(p, CLINICAL, 'weight-loss-6-months');
      expect(found, `${seed} ${p.mrn}`).toHaveLength(1);
      const { value, unit } = valueOf(found[0]!);
      expect(unit).toBe('kg');
      expect(within(value * LB_PER_KG, RANGE.weightLossLb), `${p.mrn} ${value} kg`).toBe(true);
      if (modelInputExceptionsOf(index(p)).has('weight-gain')) expect(value, p.mrn).toBeLessThan(0);
      else expect(value, p.mrn).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('as the importer and the cards read them', () => {
  it('codes each such result only in its Konsil system (no LOINC coding beside it), with a UCUM unit', () => {
    for (const patients of Object.values(worlds)) {
      for (const o of patients.flatMap(observations).filter((x) => [CLINICAL, FNA].includes(x.code.coding?.[0]?.system ?? ''))) {
        expect(o.code.coding).toHaveLength(1);
        expect(o.valueQuantity?.system).toBe('http://unitsofmeasure.org');
        expect(o.valueQuantity?.code).toBeTruthy();
      }
    }
  });

  it('are the same for the same seed and differ for another', () => {
    const again = generateDemoWorld({ seed: 1, referenceDate, patients: 12 }).patients;
    const inputs = (patients: DemoPatient[]) => JSON.stringify(patients.map((p) => observations(p).filter((o) => [CLINICAL, FNA].includes(o.code.coding?.[0]?.system ?? ''))));
    expect(inputs(again)).toBe(inputs(worlds[1]!.slice(0, 12)));
    expect(inputs(worlds[20261115]!.slice(0, 12))).not.toBe(inputs(worlds[1]!.slice(0, 12)));
  });
});

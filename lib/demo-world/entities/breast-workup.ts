// What a breast work-up records besides the histology: menopausal status, oestrogen and
// progesterone receptors by ligand-binding assay (fmol/l, the assay of the Rotterdam
// cohort) and, for most patients, a fine-needle aspirate with its nuclear morphometry
// (the WDBC features). Values follow the cohorts the decision-support models were
// trained on and agree with what the pathology reports say (IHC status, malignancy).
// Drawn from a stream of its own, so the course's other values do not move.
import { addDays, ageInYears } from '../dates';
import type { Rng } from '../prng';
import { BODY_SITE, PROCEDURE, SYSTEM } from '../clinical/code-systems';
import type { MeasurementSpec, ProcedureSpec, StoryContext, TextReportSpec } from '../clinical/story';
import { AUTHOR } from './story-helpers';

export interface BreastWorkupInput {
  /** Day of the diagnosis: the first clinic visit is 9 days before, the core biopsy report 1 day before. */
  diagnosis: Date;
  /** Receptor status by immunohistochemistry, as the core biopsy report states it. */
  er: 'positive' | 'negative';
  pr: 'positive' | 'negative';
}

export interface BreastWorkup {
  postmenopausal: boolean;
  measurements: MeasurementSpec[];
  /** The aspiration, when there was one (appended to the course's procedures). */
  procedures: ProcedureSpec[];
  /** Its cytology report. */
  reports: TextReportSpec[];
}

/**
 * Menopause from age, with the transition band of the Rotterdam cohort: premenopausal up to
 * 46, postmenopausal from 56, and in between the share of postmenopausal women rises by a
 * tenth per year (`u` uniform in [0, 1)).
 */
export function isPostmenopausal(age: number, u: number): boolean {
  if (age <= 46) return false;
  if (age >= 56) return true;
  return u < (age - 46) / 10;
}

/**
 * Ligand-binding assay values consistent with the IHC status: negative tumors below the assay's
 * 10 fmol cut-off (about half exactly 0), positive ones log-normal as the Rotterdam cohort's
 * receptor-positive tumors (median about 110 fmol/l), kept below its maximum.
 */
export function ligandBinding(rng: Rng, status: 'positive' | 'negative'): number {
  if (status === 'negative') return rng.chance(0.55) ? 0 : rng.int(1, 9);
  return Math.round(Math.min(3000, Math.max(10, Math.exp(rng.normal(4.7, 1.25)))));
}

interface MorphometryFeature {
  code: string;
  display: string;
  unit: { ucum: string; text: string };
  digits: number;
  /** Class means of the WDBC data (benign, malignant) and the malignant SD. */
  benign: number;
  malignant: number;
  sd: number;
  /** The model card's valid range: a drawn value never leaves it. */
  range: readonly [number, number];
}

const LENGTH = { ucum: '{WDBC length unit}', text: 'WDBC length unit' };
const AREA = { ucum: '{WDBC area unit}', text: 'WDBC area unit' };
const RATIO = { ucum: '1', text: '1' };

/** The ten mean-nucleus features of the Wisconsin Diagnostic Breast Cancer data (Street et al. 1993). */
export const MORPHOMETRY_FEATURES = [
  { code: 'radius_mean', display: 'Nuclear radius, mean', unit: LENGTH, digits: 2, benign: 12.15, malignant: 17.46, sd: 3.2, range: [6.981, 28.11] },
  { code: 'texture_mean', display: 'Nuclear texture (SD of grey levels), mean', unit: RATIO, digits: 2, benign: 17.91, malignant: 21.6, sd: 3.78, range: [9.71, 39.28] },
  { code: 'perimeter_mean', display: 'Nuclear perimeter, mean', unit: LENGTH, digits: 2, benign: 78.08, malignant: 115.4, sd: 21.85, range: [43.79, 188.5] },
  { code: 'area_mean', display: 'Nuclear area, mean', unit: AREA, digits: 1, benign: 462.8, malignant: 978.4, sd: 367.9, range: [143.5, 2501] },
  { code: 'smoothness_mean', display: 'Nuclear smoothness (local radius variation), mean', unit: RATIO, digits: 5, benign: 0.09248, malignant: 0.1029, sd: 0.01261, range: [0.05263, 0.1634] },
  { code: 'compactness_mean', display: 'Nuclear compactness (perimeter²/area − 1), mean', unit: RATIO, digits: 5, benign: 0.08009, malignant: 0.1452, sd: 0.054, range: [0.01938, 0.3454] },
  { code: 'concavity_mean', display: 'Nuclear concavity (severity of concave contour), mean', unit: RATIO, digits: 5, benign: 0.04606, malignant: 0.1608, sd: 0.075, range: [0, 0.4268] },
  { code: 'concave_points_mean', display: 'Nuclear concave points, mean', unit: RATIO, digits: 5, benign: 0.02572, malignant: 0.088, sd: 0.03437, range: [0, 0.2012] },
  { code: 'symmetry_mean', display: 'Nuclear symmetry, mean', unit: RATIO, digits: 4, benign: 0.1742, malignant: 0.1929, sd: 0.02764, range: [0.106, 0.304] },
  { code: 'fractal_dimension_mean', display: 'Nuclear fractal dimension ("coastline" − 1), mean', unit: RATIO, digits: 5, benign: 0.06287, malignant: 0.06268, sd: 0.007573, range: [0.04996, 0.09744] },
] as const satisfies readonly MorphometryFeature[];

export type MorphometryCode = (typeof MORPHOMETRY_FEATURES)[number]['code'];

/**
 * One aspirate's features. Malignant: around the malignant class mean with a narrower spread
 * (these patients have cancer, so no profile should look benign); borderline: halfway between
 * the classes. Size (radius, perimeter, area) and contour (compactness, concavity, concave
 * points, smoothness, fractal dimension) move together, as they do in the data.
 */
export function drawMorphometry(rng: Rng, profile: 'malignant' | 'borderline'): Record<MorphometryCode, number> {
  const position = profile === 'malignant' ? 1 : 0.5;
  const spread = profile === 'malignant' ? 0.5 : 0.25;
  const size = rng.normal(0, 1);
  const contour = rng.normal(0, 1);
  const feature = (code: MorphometryCode) => MORPHOMETRY_FEATURES.find((f) => f.code === code)!;
  const around = (code: MorphometryCode, z: number) => {
    const f = feature(code);
    return f.benign + position * (f.malignant - f.benign) + spread * f.sd * z;
  };
  const mixed = (weight: number) => weight * contour + Math.sqrt(1 - weight * weight) * rng.normal(0, 1);
  // Perimeter ≈ 6.6 × radius and area ≈ 3.1 × radius² in the WDBC data (r ≥ 0.99).
  const radius = around('radius_mean', size);
  const raw: Record<MorphometryCode, number> = {
    radius_mean: radius,
    texture_mean: around('texture_mean', rng.normal(0, 1)),
    perimeter_mean: radius * rng.normal(6.6, 0.1),
    area_mean: radius * radius * rng.normal(3.1, 0.05),
    smoothness_mean: around('smoothness_mean', mixed(0.6)),
    compactness_mean: around('compactness_mean', contour),
    concavity_mean: around('concavity_mean', mixed(0.85)),
    concave_points_mean: around('concave_points_mean', mixed(0.9)),
    symmetry_mean: around('symmetry_mean', rng.normal(0, 1)),
    fractal_dimension_mean: around('fractal_dimension_mean', mixed(0.7)),
  };
  const out = {} as Record<MorphometryCode, number>;
  for (const f of MORPHOMETRY_FEATURES) {
    // Clamped a step inside the valid range, so rounding cannot push a value out of it.
    const step = 10 ** -f.digits;
    const value = Math.min(f.range[1] - step, Math.max(f.range[0] + step, raw[f.code]));
    out[f.code] = Number(value.toFixed(f.digits));
  }
  return out;
}

const clinical = (code: string, display: string) => ({ system: SYSTEM.konsilClinical, code, display });

export function breastWorkup(ctx: StoryContext, input: BreastWorkupInput): BreastWorkup {
  const rng = ctx.rng.fork('workup');
  const visit = addDays(input.diagnosis, -9);
  const postmenopausal = isPostmenopausal(ageInYears(ctx.patient.birthDate, visit), rng.next());
  const measurements: MeasurementSpec[] = [
    {
      key: 'menopausal-status', date: visit, category: 'social-history', aboutTumor: false,
      code: clinical('menopausal-status-post', 'Postmenopausal status (1 = post, 0 = pre)'),
      value: postmenopausal ? 1 : 0, unit: { ucum: '{bool}', text: '1 = post, 0 = pre' },
    },
  ];

  const assay = addDays(input.diagnosis, -1);
  const method = 'Ligand-binding assay (dextran-coated charcoal) on tumor cytosol';
  const er = ligandBinding(rng, input.er);
  const pr = ligandBinding(rng, input.pr);
  measurements.push({
    key: 'receptor/er', date: assay, category: 'laboratory', aboutTumor: true, method,
    code: clinical('er-ligand-binding', 'Oestrogen receptor (ligand-binding assay)'), value: er, unit: { ucum: 'fmol/l', text: 'fmol/l' },
  });
  if (!ctx.exceptions.has('pr-not-measured')) {
    measurements.push({
      key: 'receptor/pr', date: assay, category: 'laboratory', aboutTumor: true, method,
      code: clinical('pgr-ligand-binding', 'Progesterone receptor (ligand-binding assay)'), value: pr, unit: { ucum: 'fmol/l', text: 'fmol/l' },
    });
  }

  if (ctx.exceptions.has('no-fna')) return { postmenopausal, measurements, procedures: [], reports: [] };
  const aspirate = addDays(input.diagnosis, -6);
  const borderline = ctx.exceptions.has('borderline-fna');
  const values = drawMorphometry(rng, borderline ? 'borderline' : 'malignant');
  for (const f of MORPHOMETRY_FEATURES) {
    measurements.push({
      key: `fna/${f.code}`, date: aspirate, category: 'laboratory', aboutTumor: true,
      method: 'Computer-assisted nuclear morphometry of the aspirate smear (WDBC features)',
      code: { system: SYSTEM.fnaMorphometry, code: f.code, display: `${f.display} (WDBC FNA image analysis)` },
      value: values[f.code], unit: f.unit,
    });
  }
  return {
    postmenopausal,
    measurements,
    procedures: [{ category: 'BIOPSY', code: PROCEDURE.breastBiopsy, start: aspirate, bodySite: BODY_SITE.breast, note: 'Ultrasound-guided fine-needle aspiration (22G), left breast' }],
    reports: [{
      kind: 'PATHOLOGY', date: addDays(aspirate, 1), title: 'Cytopathology: fine-needle aspirate, left breast', author: AUTHOR.pathology,
      lines: [
        'Specimen: ultrasound-guided fine-needle aspirate, left breast, upper outer quadrant; two passes, air-dried and alcohol-fixed smears.',
        borderline
          ? 'Microscopy: moderately cellular smears; atypical epithelial cells in cohesive groups with mild to moderate nuclear enlargement; a few bipolar naked nuclei in the background.'
          : 'Microscopy: cellular smears of dyshesive atypical epithelial cells with enlarged, pleomorphic nuclei and irregular nuclear outlines; no bipolar naked nuclei.',
        'Computer-assisted nuclear morphometry (WDBC features) performed; the values are reported as separate results.',
      ],
      conclusion: borderline ? 'Suspicious, probably malignant (C4). Core biopsy recommended.' : 'Malignant (C5): carcinoma cells present. Histology by core biopsy to follow.',
    }],
  };
}

// Prostate cancer, two courses seen at a uro-oncology board:
//   A. after radical prostatectomy and salvage radiotherapy, PSA rising with a single para-aortic node
//   B. metastatic hormone-sensitive disease on ADT + enzalutamide, now castration-resistant progression
import { addDays } from '../dates';
import { BODY_SITE, PROCEDURE, atc, icd10, icdO3 } from '../clinical/code-systems';
import type { EntityModule, Story, StoryContext } from '../clinical/story';
import { AUTHOR, drug, lesion, monthsBetween, resized, timeline } from './story-helpers';

const ACINAR = icdO3('8140/3', 'Adenocarcinoma, NOS');
const PROSTATE = { icd10: icd10('C61', 'Malignant neoplasm of prostate'), topography: icdO3('C61.9', 'Prostate gland'), bodySite: BODY_SITE.prostate };
const NODE_MET = { icd10: icd10('C77.2', 'Secondary and unspecified malignant neoplasm of intra-abdominal lymph nodes'), bodySite: BODY_SITE.lymphNode };

const DRUGS = {
  leuprorelin: atc('L02AE02', 'leuprorelin'),
  degarelix: atc('L02BX02', 'degarelix'),
  enzalutamide: atc('L02BB04', 'enzalutamide'),
};

const biopsyReport = (date: Date, gleason: string, cores: string, psa: number) => ({
  kind: 'PATHOLOGY' as const, date, title: 'Histopathology: MRI/ultrasound fusion-guided prostate biopsy', author: AUTHOR.pathology,
  lines: [`Specimen: 12 systematic and 3 targeted cores (PSA ${psa} ng/mL).`, `Acinar adenocarcinoma in ${cores}.`, `Gleason score ${gleason}.`, 'Perineural invasion present. No extraprostatic extension in the biopsies.'],
  conclusion: `Acinar adenocarcinoma of the prostate, Gleason ${gleason}, ${cores}.`,
});

function biochemicalRecurrence(ctx: StoryContext): Story {
  const { rng } = ctx;
  const t = timeline(ctx, 600);
  const surgery = t.days(rng.int(45, 70));
  const salvage = t.at(rng.float(0.35, 0.45));
  const priorCt = t.beforeToday(150, 200);
  const currentCt = t.beforeToday(4, 12);
  const psa = rng.round(8, 14, 1);
  const node = lesion(rng, 'L1', 'retroperitoneal-node', rng.int(16, 20), 'lymph node', 'enlarged, suspicious for a nodal metastasis');
  return {
    entity: 'PROSTATE', boardSlug: 'uro',
    diagnosis: { date: t.diagnosis, ...PROSTATE, morphology: ACINAR, text: 'acinar adenocarcinoma of the prostate' },
    stages: [
      { kind: 'clinical', date: t.diagnosis, t: 'T2c', n: 'N0', m: 'M0', group: 'IIC' },
      { kind: 'pathological', date: addDays(surgery, 8), t: 'T3a', n: 'N0', m: 'M0', group: 'IIIB' },
    ],
    metastases: [{ date: currentCt, ...NODE_MET }],
    procedures: [
      { category: 'BIOPSY', code: PROCEDURE.prostateBiopsy, start: addDays(t.diagnosis, -5), bodySite: BODY_SITE.prostate, note: 'Transperineal MRI/ultrasound fusion biopsy' },
      { category: 'SURGERY', code: PROCEDURE.prostatectomy, start: surgery, bodySite: BODY_SITE.prostate, note: 'Robot-assisted radical prostatectomy with extended pelvic lymph node dissection' },
      { category: 'RADIOTHERAPY', code: PROCEDURE.radiotherapyCourse, start: salvage, end: addDays(salvage, 50), bodySite: BODY_SITE.prostate, note: 'Salvage radiotherapy to the prostate bed, 70 Gy in 35 fractions' },
    ],
    therapies: [{ regimen: 'ADT with salvage radiotherapy (6 months)', drugs: [drug(DRUGS.leuprorelin, '22.5 mg s.c. every 3 months')], start: addDays(salvage, -60), end: addDays(salvage, 120), intent: 'curative', myelosuppressive: false, androgenDeprivation: true }],
    reports: [
      biopsyReport(addDays(t.diagnosis, -1), '4+3=7 (ISUP grade group 3)', '7 of 15 cores, both lobes', psa),
      { kind: 'PATHOLOGY', date: addDays(surgery, 8), title: 'Histopathology: radical prostatectomy and pelvic lymphadenectomy', author: AUTHOR.pathology,
        lines: ['Acinar adenocarcinoma, Gleason 4+3=7 (ISUP grade group 3), tertiary pattern 5 < 5%.', 'Focal extraprostatic extension at the left posterolateral aspect (pT3a). Seminal vesicles free.', 'Margin: focally positive at the apex (R1, 2 mm). Lymph nodes: 0/18.'],
        conclusion: 'pT3a pN0 (0/18) R1 (apex), Gleason 4+3=7, ISUP 3.' },
      { kind: 'RADIOLOGY', date: addDays(t.diagnosis, -20), title: 'Multiparametric MRI prostate', author: AUTHOR.radiology,
        lines: ['Prostate volume 42 mL.', 'Left peripheral zone mid-gland lesion 14 mm, PI-RADS 5; right peripheral zone apex lesion 8 mm, PI-RADS 4.', 'No extraprostatic extension. Seminal vesicles and pelvic lymph nodes unremarkable.'],
        conclusion: 'PI-RADS 5 lesion in the left peripheral zone; no evidence of extraprostatic disease.' },
    ],
    ctPlans: ctx.withCt ? [
      { date: priorCt, indication: 'Rising PSA after salvage radiotherapy.', lesions: [resized(node, 0.5, 'not enlarged by size criteria')] },
      { date: currentCt, indication: 'PSA rising after prostatectomy and salvage radiotherapy.', lesions: [node] },
    ] : [],
    burden: [{ date: t.diagnosis, value: 1 }, { date: surgery, value: 0 }, { date: addDays(salvage, -70), value: 0.04 }, { date: addDays(salvage, 120), value: 0 }, { date: priorCt, value: 0.08 }, { date: currentCt, value: 0.25 }],
    markers: [{ lab: 'psa', floor: 0.02, perBurden: psa }],
    ecog: [{ date: t.diagnosis, value: 0 }, { date: salvage, value: 0 }, { date: currentCt, value: 0 }],
    question: `Oligometastatic nodal recurrence (single left para-aortic node, ${node.diametersMm[0]} mm) with rising PSA ${monthsBetween(surgery, currentCt)} months after radical prostatectomy (pT3a pN0 R1, ISUP 3) and salvage radiotherapy. PSMA PET/CT, then metastasis-directed SBRT ± ADT, or systemic ADT + ARPI?`,
    urgency: 'ROUTINE',
  };
}

function castrationResistant(ctx: StoryContext): Story {
  const { rng } = ctx;
  const t = timeline(ctx);
  const adt = t.days(rng.int(7, 14));
  const priorCt = t.beforeToday(110, 150);
  const currentCt = t.beforeToday(4, 12);
  const psa = rng.round(60, 140, 0);
  const primary = lesion(rng, 'L1', 'prostate', rng.int(16, 20), 'lesion', 'consistent with the known primary');
  const pelvic = lesion(rng, 'L2', 'pelvic-node', rng.int(14, 18), 'lymph node', 'consistent with a nodal metastasis');
  const paraAortic = lesion(rng, 'L3', 'retroperitoneal-node', rng.int(15, 19), 'lymph node', 'consistent with a nodal metastasis');
  return {
    entity: 'PROSTATE', boardSlug: 'uro',
    diagnosis: { date: t.diagnosis, ...PROSTATE, morphology: ACINAR, text: 'acinar adenocarcinoma of the prostate' },
    stages: [{ kind: 'clinical', date: t.diagnosis, t: 'T3b', n: 'N1', m: 'M1a', group: 'IVB' }],
    metastases: [{ date: t.diagnosis, ...NODE_MET }],
    procedures: [{ category: 'BIOPSY', code: PROCEDURE.prostateBiopsy, start: addDays(t.diagnosis, -5), bodySite: BODY_SITE.prostate, note: 'Transperineal systematic biopsy' }],
    therapies: [
      { regimen: 'ADT (degarelix)', drugs: [drug(DRUGS.degarelix, '240 mg s.c. loading, then 80 mg s.c. monthly')], start: adt, intent: 'palliative', myelosuppressive: false, androgenDeprivation: true },
      { regimen: 'enzalutamide (with ADT)', drugs: [drug(DRUGS.enzalutamide, '160 mg p.o. once daily')], start: addDays(adt, 14), end: currentCt, intent: 'palliative', stopReason: 'progression', myelosuppressive: false },
    ],
    reports: [
      biopsyReport(addDays(t.diagnosis, -1), '4+5=9 (ISUP grade group 5)', '11 of 12 cores, both lobes', psa),
      { kind: 'RADIOLOGY', date: addDays(t.diagnosis, 4), title: 'PSMA PET/CT staging', author: AUTHOR.nuclear,
        lines: ['Intense PSMA uptake in the prostate with extension into the left seminal vesicle.', 'PSMA-avid right external iliac and left para-aortic lymph nodes.', 'No PSMA-avid bone or visceral lesion.'],
        conclusion: 'Locally advanced prostate cancer with pelvic and non-regional (para-aortic) nodal metastases: cT3b cN1 cM1a. No evidence of bone metastasis.' },
      { kind: 'MOLECULAR', date: addDays(currentCt, 2), title: 'Molecular pathology: homologous recombination repair genes', author: AUTHOR.molecular,
        lines: ['Material: prostate biopsy, tumor cell content approx. 60%.', 'Result: no pathogenic BRCA1, BRCA2 or ATM variant detected. TMPRSS2-ERG fusion detected.'],
        conclusion: 'No HRR gene alteration (PARP inhibitor not indicated on this basis).' },
    ],
    ctPlans: ctx.withCt ? [
      { date: priorCt, indication: 'mHSPC on ADT + enzalutamide, restaging.', lesions: [resized(primary, 0.7), resized(pelvic, 0.6), resized(paraAortic, 0.6)] },
      { date: currentCt, indication: 'PSA rising on ADT + enzalutamide.', lesions: [resized(primary, 0.8, 'slightly increasing'), resized(pelvic, 1, 'increasing in size, consistent with progression'), resized(paraAortic, 1, 'increasing in size, consistent with progression')] },
    ] : [],
    burden: [{ date: t.diagnosis, value: 1 }, { date: addDays(adt, 180), value: 0.01 }, { date: priorCt, value: 0.02 }, { date: currentCt, value: 0.09 }],
    markers: [{ lab: 'psa', floor: 0.05, perBurden: psa }],
    ecog: [{ date: t.diagnosis, value: 1 }, { date: addDays(adt, 180), value: 0 }, { date: currentCt, value: 1 }],
    question: `Castration-resistant progression (PSA rising from nadir, growing pelvic and para-aortic nodes) after ${monthsBetween(adt, currentCt)} months of ADT + enzalutamide; no HRR alteration. Docetaxel or 177Lu-PSMA-617?`,
    urgency: 'ROUTINE',
  };
}

export const prostateModule: EntityModule = {
  entity: 'PROSTATE',
  boardSlug: 'uro',
  sexes: ['MALE'],
  ageRange: [55, 84],
  buildStory: (ctx) => [biochemicalRecurrence, castrationResistant][ctx.variant % 2]!(ctx),
};

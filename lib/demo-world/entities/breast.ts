// Breast cancer, three courses seen at a breast board:
//   A. HR+/HER2- early cancer, later liver metastases, progressing on letrozole + palbociclib
//   B. HER2+ after neoadjuvant TCHP, residual disease, T-DM1, now an axillary recurrence
//   C. triple-negative after pCR with pembrolizumab-based neoadjuvant therapy, now lung nodules
// Every course has a work-up (breast-workup.ts) whose receptor assays agree with its IHC, and
// its newest pathology report states tumor size, grade and nodes (the Rotterdam model's inputs).
import { addDays } from '../dates';
import { BODY_SITE, PROCEDURE, atc, icd10, icdO3 } from '../clinical/code-systems';
import type { EntityModule, Story, StoryContext } from '../clinical/story';
import { breastWorkup } from './breast-workup';
import { AUTHOR, drug, lesion, monthsBetween, resized, timeline } from './story-helpers';

const NST = icdO3('8500/3', 'Infiltrating duct carcinoma, NOS');
const UOQ = { icd10: icd10('C50.4', 'Malignant neoplasm: Upper-outer quadrant of breast'), topography: icdO3('C50.4', 'Upper-outer quadrant of breast'), bodySite: BODY_SITE.breast };
const LIVER_MET = { icd10: icd10('C78.7', 'Secondary malignant neoplasm of liver and intrahepatic bile duct'), bodySite: BODY_SITE.liver };

const DRUGS = {
  letrozole: atc('L02BG04', 'letrozole'),
  tamoxifen: atc('L02BA01', 'tamoxifen'),
  goserelin: atc('L02AE03', 'goserelin'),
  palbociclib: atc('L01EF01', 'palbociclib'),
  docetaxel: atc('L01CD02', 'docetaxel'),
  paclitaxel: atc('L01CD01', 'paclitaxel'),
  carboplatin: atc('L01XA02', 'carboplatin'),
  trastuzumab: atc('L01FD01', 'trastuzumab'),
  pertuzumab: atc('L01FD02', 'pertuzumab'),
  tdm1: atc('L01FD03', 'trastuzumab emtansine'),
  pembrolizumab: atc('L01FF02', 'pembrolizumab'),
  epirubicin: atc('L01DB03', 'epirubicin'),
  cyclophosphamide: atc('L01AA01', 'cyclophosphamide'),
};

const core = (date: Date, lines: string[], conclusion: string) =>
  ({ kind: 'PATHOLOGY' as const, date, title: 'Histopathology: ultrasound-guided core biopsy, left breast', author: AUTHOR.pathology, lines, conclusion });
const imaging = (date: Date, size: number, node: string) =>
  ({ kind: 'RADIOLOGY' as const, date, title: 'Mammography and breast ultrasound', author: AUTHOR.radiology,
    lines: [`Left breast, upper outer quadrant: irregular hypoechoic mass with spiculated margins, ${size} mm (BI-RADS 5).`, node, 'Right breast: no suspicious finding (BI-RADS 1).'],
    conclusion: `Left breast mass ${size} mm, highly suggestive of malignancy (BI-RADS 5).` });

function hormoneReceptorPositive(ctx: StoryContext): Story {
  const { rng } = ctx;
  const t = timeline(ctx, 640);
  const surgery = t.days(rng.int(25, 35));
  const rt = addDays(surgery, rng.int(35, 45));
  const endocrine = addDays(rt, rng.int(38, 45));
  const relapse = t.at(rng.float(0.45, 0.55));
  const cdk = addDays(relapse, rng.int(14, 21));
  const priorCt = t.beforeToday(90, 120);
  const currentCt = t.beforeToday(4, 12);
  const size = rng.int(21, 35);
  const ki67 = rng.pick([15, 20, 25, 30]);
  const seg7 = lesion(rng, 'L1', 'liver-right', rng.int(18, 26), 'hyperattenuating lesion', 'consistent with a known metastasis');
  const workup = breastWorkup(ctx, { diagnosis: t.diagnosis, er: 'positive', pr: 'positive' });
  // Before the menopause: tamoxifen after surgery, and ovarian suppression with the aromatase inhibitor later.
  const adjuvant = workup.postmenopausal
    ? { regimen: 'letrozole (adjuvant)', drugs: [drug(DRUGS.letrozole, '2.5 mg p.o. once daily')] }
    : { regimen: 'tamoxifen (adjuvant)', drugs: [drug(DRUGS.tamoxifen, '20 mg p.o. once daily')] };
  const palliative = workup.postmenopausal
    ? { regimen: 'letrozole + palbociclib', drugs: [drug(DRUGS.letrozole, '2.5 mg p.o. once daily'), drug(DRUGS.palbociclib, '125 mg p.o. days 1–21 q4w')] }
    : { regimen: 'letrozole + palbociclib + goserelin', drugs: [drug(DRUGS.letrozole, '2.5 mg p.o. once daily'), drug(DRUGS.palbociclib, '125 mg p.o. days 1–21 q4w'), drug(DRUGS.goserelin, '3.6 mg s.c. q4w')] };
  return {
    entity: 'BREAST', boardSlug: 'breast',
    diagnosis: { date: t.diagnosis, ...UOQ, morphology: NST, text: 'invasive carcinoma of no special type of the left breast' },
    stages: [
      { kind: 'clinical', date: t.diagnosis, t: 'T2', n: 'N0', m: 'M0', group: 'IIA' },
      { kind: 'pathological', date: addDays(surgery, 7), t: 'T2', n: 'N1a', m: 'M0', group: 'IIB' },
    ],
    metastases: [{ date: relapse, ...LIVER_MET }],
    procedures: [
      { category: 'BIOPSY', code: PROCEDURE.breastBiopsy, start: addDays(t.diagnosis, -4), bodySite: BODY_SITE.breast, note: 'Ultrasound-guided 14G core biopsy' },
      { category: 'SURGERY', code: PROCEDURE.lumpectomy, start: surgery, bodySite: BODY_SITE.breast, note: 'Breast-conserving surgery, left' },
      { category: 'SURGERY', code: PROCEDURE.sentinelNodeBiopsy, start: surgery, bodySite: BODY_SITE.lymphNode, note: 'Sentinel lymph node biopsy, left axilla' },
      { category: 'RADIOTHERAPY', code: PROCEDURE.radiotherapyCourse, start: rt, end: addDays(rt, 26), bodySite: BODY_SITE.breast, note: 'Whole-breast irradiation 40.05 Gy in 15 fractions, boost 10 Gy' },
      ...workup.procedures,
    ],
    therapies: [
      { ...adjuvant, start: endocrine, end: relapse, intent: 'adjuvant', stopReason: 'progression', myelosuppressive: false },
      { ...palliative, start: cdk, intent: 'palliative', myelosuppressive: true },
    ],
    reports: [
      core(addDays(t.diagnosis, -1), ['Specimen: 4 cores, left breast 2 o\'clock.', 'Microscopy: invasive carcinoma of no special type (NST), G2.', `Immunohistochemistry: ER positive (90%), PR positive (40%), HER2 negative (IHC 1+), Ki-67 ${ki67}%.`], `Invasive carcinoma NST, G2; ER positive (90%), PR positive (40%), HER2 negative (IHC 1+), Ki-67 ${ki67}%.`),
      imaging(addDays(t.diagnosis, -9), size, 'Left axilla: no morphologically suspicious lymph node.'),
      { kind: 'PATHOLOGY', date: addDays(surgery, 7), title: 'Histopathology: breast-conserving surgery and sentinel node biopsy, left', author: AUTHOR.pathology,
        lines: [`Tumor: invasive carcinoma NST, ${size + rng.int(-2, 3)} mm, G2. No lymphovascular invasion.`, 'Margins: free, closest margin 4 mm (dorsal). Accompanying DCIS, low grade, completely excised.', `Sentinel lymph nodes: 2/3 with macrometastases (largest 6 mm), no extranodal extension.`],
        conclusion: 'Invasive carcinoma NST of the left breast, pT2 pN1a (2/3 sn) G2 R0; ER positive (90%), PR positive (40%), HER2 negative.' },
      { kind: 'MOLECULAR', date: addDays(relapse, 18), title: 'Molecular pathology: liver biopsy, NGS panel', author: AUTHOR.molecular,
        lines: ['Material: liver core biopsy (segment VII), metastasis of the known breast carcinoma, ER positive (80%), HER2 IHC 1+.', 'Result: PIK3CA p.H1047R detected, VAF 22%. ESR1 wild-type. No BRCA1/BRCA2 pathogenic variant detected.'],
        conclusion: 'PIK3CA H1047R mutation detected (eligible for a PI3K-alpha inhibitor); ESR1 wild-type.' },
      ...workup.reports,
    ],
    ctPlans: ctx.withCt ? [
      { date: priorCt, indication: `Metastatic breast cancer on ${palliative.regimen}, restaging.`, lesions: [resized(seg7, 0.65)] },
      { date: currentCt, indication: 'Metastatic breast cancer, rising CA 15-3.', lesions: [resized(seg7, 1, 'increasing in size, consistent with progression'), lesion(rng, 'L2', 'liver-left', rng.int(10, 15), 'hyperattenuating lesion', 'new, suspicious for metastasis')] },
    ] : [],
    burden: [{ date: t.diagnosis, value: 1 }, { date: surgery, value: 0 }, { date: addDays(relapse, -60), value: 0.1 }, { date: relapse, value: 1.4 }, { date: addDays(cdk, 120), value: 0.6 }, { date: priorCt, value: 0.6 }, { date: currentCt, value: 1.5 }],
    markers: [{ lab: 'ca153', floor: 12, perBurden: rng.float(25, 45) }, { lab: 'cea', floor: 1.4, perBurden: rng.float(2, 6) }],
    liverInvolvement: relapse,
    ecog: [{ date: t.diagnosis, value: 0 }, { date: relapse, value: 1 }, { date: currentCt, value: 1 }],
    measurements: workup.measurements,
    question: `Progression of liver metastases after ${monthsBetween(cdk, currentCt)} months of ${palliative.regimen} (HR+/HER2-, PIK3CA H1047R). Fulvestrant + alpelisib or capivasertib, or chemotherapy?`,
    urgency: 'ROUTINE',
  };
}

function her2Positive(ctx: StoryContext): Story {
  const { rng } = ctx;
  const t = timeline(ctx, 580);
  const neo = t.days(rng.int(14, 21));
  const surgery = addDays(neo, 126 + rng.int(21, 30));
  const tdm1 = addDays(surgery, rng.int(28, 40));
  const recurrence = t.beforeToday(5, 14);
  const size = rng.int(26, 34);
  const primary = lesion(rng, 'L1', 'breast-left', size, 'mass', 'consistent with the known breast carcinoma');
  const node = lesion(rng, 'L2', 'axilla-left', rng.int(14, 18), 'lymph node', 'enlarged, consistent with a nodal metastasis');
  const workup = breastWorkup(ctx, { diagnosis: t.diagnosis, er: 'negative', pr: 'negative' });
  return {
    entity: 'BREAST', boardSlug: 'breast',
    diagnosis: { date: t.diagnosis, ...UOQ, morphology: NST, text: 'HER2-positive invasive carcinoma of the left breast' },
    stages: [
      { kind: 'clinical', date: t.diagnosis, t: 'T2', n: 'N1', m: 'M0', group: 'IIB' },
      { kind: 'pathological', afterNeoadjuvant: true, date: addDays(surgery, 7), t: 'T1b', n: 'N0', m: 'M0', group: 'IA' },
    ],
    metastases: [],
    procedures: [
      { category: 'BIOPSY', code: PROCEDURE.breastBiopsy, start: addDays(t.diagnosis, -4), bodySite: BODY_SITE.breast, note: 'Ultrasound-guided core biopsy of breast and axillary node (clip placed)' },
      { category: 'SURGERY', code: PROCEDURE.lumpectomy, start: surgery, bodySite: BODY_SITE.breast, note: 'Breast-conserving surgery and targeted axillary dissection, left' },
      { category: 'RADIOTHERAPY', code: PROCEDURE.radiotherapyCourse, start: addDays(surgery, 35), end: addDays(surgery, 63), bodySite: BODY_SITE.breast, note: 'Breast and regional nodes 50 Gy in 25 fractions' },
      ...workup.procedures,
    ],
    therapies: [
      { regimen: 'TCHP (neoadjuvant)', drugs: [drug(DRUGS.docetaxel, '75 mg/m² i.v. q3w'), drug(DRUGS.carboplatin, 'AUC 6 i.v. q3w'), drug(DRUGS.trastuzumab, '6 mg/kg i.v. q3w (loading 8 mg/kg)'), drug(DRUGS.pertuzumab, '420 mg i.v. q3w (loading 840 mg)')], start: neo, end: addDays(neo, 105), intent: 'neoadjuvant', myelosuppressive: true },
      { regimen: 'T-DM1 (adjuvant)', drugs: [drug(DRUGS.tdm1, '3.6 mg/kg i.v. q3w, 14 cycles')], start: tdm1, end: addDays(tdm1, 273), intent: 'adjuvant', myelosuppressive: false },
    ],
    reports: [
      core(addDays(t.diagnosis, -1), ['Specimen: 3 cores, left breast; 2 cores, left axillary lymph node.', 'Microscopy: invasive carcinoma NST, G3. Axillary node: metastasis of the carcinoma.', `Immunohistochemistry: ER negative (0%), PR negative (0%), HER2 positive (IHC 3+), Ki-67 ${rng.pick([35, 40, 50])}%.`], 'Invasive carcinoma NST G3, HR-negative, HER2-positive (IHC 3+); axillary lymph node metastasis.'),
      imaging(addDays(t.diagnosis, -9), size, 'Left axilla: 16 mm lymph node with thickened cortex, suspicious.'),
      { kind: 'PATHOLOGY', date: addDays(surgery, 7), title: 'Histopathology: breast-conserving surgery after neoadjuvant therapy, left', author: AUTHOR.pathology,
        lines: [`Residual invasive carcinoma NST, G3, ${rng.int(6, 9)} mm (ypT1b), cellularity approx. 10% (RCB-I).`, 'Margins: free, closest margin 6 mm. Target lymph node (clip) and sentinel nodes: 0/4 involved, regression changes in the clipped node.', 'Residual tumor HER2 positive (IHC 3+).'],
        conclusion: 'Residual disease after neoadjuvant therapy: ypT1b ypN0 (0/4) R0; no pathological complete response.' },
      ...workup.reports,
    ],
    ctPlans: ctx.withCt ? [
      { date: addDays(t.diagnosis, rng.int(2, 6)), indication: 'Staging of newly diagnosed HER2-positive breast cancer.', lesions: [primary, node] },
      { date: recurrence, indication: 'Palpable left axillary mass after completed adjuvant T-DM1.', lesions: [lesion(rng, 'L3', 'axilla-left', rng.int(15, 20), 'lymph node', 'new, suspicious for a regional recurrence')] },
    ] : [],
    burden: [{ date: t.diagnosis, value: 1 }, { date: surgery, value: 0.1 }, { date: addDays(surgery, 1), value: 0 }, { date: addDays(recurrence, -120), value: 0 }, { date: recurrence, value: 0.35 }],
    markers: [{ lab: 'ca153', floor: 11, perBurden: rng.float(15, 25) }],
    ecog: [{ date: t.diagnosis, value: 0 }, { date: tdm1, value: 0 }, { date: recurrence, value: 0 }],
    measurements: workup.measurements,
    question: `Isolated left axillary recurrence ${monthsBetween(surgery, recurrence)} months after breast-conserving surgery (ypT1b ypN0 after TCHP) and adjuvant T-DM1 (HER2+). Axillary surgery + radiotherapy and which HER2-directed systemic therapy (trastuzumab deruxtecan?) — re-biopsy first?`,
    urgency: 'ROUTINE',
  };
}

function tripleNegative(ctx: StoryContext): Story {
  const { rng } = ctx;
  const t = timeline(ctx, 700);
  const neo = t.days(rng.int(12, 18));
  const ac = addDays(neo, 84);
  const surgery = addDays(ac, 84 + rng.int(21, 28));
  const adjuvant = addDays(surgery, rng.int(28, 35));
  const currentCt = t.beforeToday(4, 12);
  const size = rng.int(24, 32);
  const workup = breastWorkup(ctx, { diagnosis: t.diagnosis, er: 'negative', pr: 'negative' });
  return {
    entity: 'BREAST', boardSlug: 'breast',
    diagnosis: { date: t.diagnosis, ...UOQ, morphology: NST, text: 'triple-negative invasive carcinoma of the left breast' },
    stages: [
      { kind: 'clinical', date: t.diagnosis, t: 'T2', n: 'N1', m: 'M0', group: 'IIB' },
      { kind: 'pathological', afterNeoadjuvant: true, date: addDays(surgery, 7), t: 'T0', n: 'N0', m: 'M0', group: '0' },
    ],
    metastases: [{ date: currentCt, icd10: icd10('C78.0', 'Secondary malignant neoplasm of lung'), bodySite: BODY_SITE.lung }],
    procedures: [
      { category: 'BIOPSY', code: PROCEDURE.breastBiopsy, start: addDays(t.diagnosis, -4), bodySite: BODY_SITE.breast, note: 'Ultrasound-guided core biopsy' },
      { category: 'SURGERY', code: PROCEDURE.lumpectomy, start: surgery, bodySite: BODY_SITE.breast, note: 'Breast-conserving surgery, left, with sentinel node biopsy' },
      ...workup.procedures,
    ],
    therapies: [
      { regimen: 'pembrolizumab + paclitaxel/carboplatin (KEYNOTE-522)', drugs: [drug(DRUGS.pembrolizumab, '200 mg i.v. q3w'), drug(DRUGS.paclitaxel, '80 mg/m² i.v. weekly'), drug(DRUGS.carboplatin, 'AUC 1.5 i.v. weekly')], start: neo, end: addDays(ac, -1), intent: 'neoadjuvant', myelosuppressive: true },
      { regimen: 'pembrolizumab + EC', drugs: [drug(DRUGS.pembrolizumab, '200 mg i.v. q3w'), drug(DRUGS.epirubicin, '90 mg/m² i.v. q3w'), drug(DRUGS.cyclophosphamide, '600 mg/m² i.v. q3w')], start: ac, end: addDays(ac, 84), intent: 'neoadjuvant', myelosuppressive: true },
      { regimen: 'pembrolizumab (adjuvant)', drugs: [drug(DRUGS.pembrolizumab, '400 mg i.v. q6w')], start: adjuvant, end: addDays(adjuvant, 189), intent: 'adjuvant', myelosuppressive: false },
    ],
    reports: [
      core(addDays(t.diagnosis, -1), ['Specimen: 4 cores, left breast.', 'Microscopy: invasive carcinoma NST, G3, brisk tumor-infiltrating lymphocytes (sTIL 30%).', `Immunohistochemistry: ER negative (<1%), PR negative (0%), HER2 negative (IHC 0), Ki-67 ${rng.pick([60, 70, 80])}%.`], 'Triple-negative invasive carcinoma NST, G3.'),
      imaging(addDays(t.diagnosis, -9), size, 'Left axilla: two lymph nodes with cortical thickening, suspicious.'),
      { kind: 'PATHOLOGY', date: addDays(surgery, 7), title: 'Histopathology: breast-conserving surgery after neoadjuvant therapy, left', author: AUTHOR.pathology,
        // After a complete response the report restates the tumor before treatment (from imaging and the core biopsy).
        lines: [`Clinical information: left breast mass of ${(size / 10).toFixed(1)} cm on ultrasound; core biopsy: triple-negative invasive carcinoma NST, G3; neoadjuvant chemo-immunotherapy completed.`, 'Tumor bed with fibrosis and histiocytes; no residual invasive carcinoma and no DCIS.', 'Sentinel lymph nodes: 0/3, regression changes in one node.'],
        conclusion: 'Pathological complete response (ypT0 ypN0, RCB 0).' },
      ...workup.reports,
    ],
    ctPlans: ctx.withCt ? [
      { date: addDays(currentCt, -rng.int(150, 200)), indication: 'Follow-up of triple-negative breast cancer after pCR.', lesions: [lesion(rng, 'L1', 'lung-right-lower', 5, 'micronodule', 'too small to characterise')] },
      { date: currentCt, indication: 'Follow-up of triple-negative breast cancer, new cough.', lesions: [lesion(rng, 'L1', 'lung-right-lower', rng.int(11, 15), 'solid nodule', 'growing, suspicious for metastasis'), lesion(rng, 'L2', 'lung-left-lower', rng.int(8, 11), 'solid nodule', 'new, suspicious for metastasis')] },
    ] : [],
    burden: [{ date: t.diagnosis, value: 1 }, { date: ac, value: 0.3 }, { date: surgery, value: 0 }, { date: addDays(currentCt, -200), value: 0 }, { date: currentCt, value: 0.4 }],
    markers: [{ lab: 'ca153', floor: 10, perBurden: rng.float(8, 15) }, { lab: 'cea', floor: 1.2, perBurden: rng.float(1, 3) }],
    ecog: [{ date: t.diagnosis, value: 0 }, { date: surgery, value: 1 }, { date: currentCt, value: 0 }],
    measurements: workup.measurements,
    question: `New bilateral lung nodules ${monthsBetween(surgery, currentCt)} months after pCR (ypT0 ypN0) of triple-negative breast cancer treated per KEYNOTE-522. Biopsy to confirm recurrence (PD-L1 CPS, gBRCA), then sacituzumab govitecan or chemo-immunotherapy?`,
    urgency: 'URGENT',
  };
}

export const breastModule: EntityModule = {
  entity: 'BREAST',
  boardSlug: 'breast',
  sexes: ['FEMALE'],
  ageRange: [38, 78],
  buildStory: (ctx) => [hormoneReceptorPositive, her2Positive, tripleNegative][ctx.variant % 3]!(ctx),
};

// Non-small cell lung cancer, three courses seen at a thoracic board:
//   A. EGFR exon 19 deletion on osimertinib, now progressing (resistance work-up?)
//   B. PD-L1 high, KRAS G12C on carboplatin/pemetrexed/pembrolizumab, now progressing (sotorasib?)
//   C. resected stage IIIA squamous cell carcinoma with a new growing nodule (biopsy or SBRT?)
// Every course records Karnofsky beside ECOG and the recent weight loss (lung-workup.ts).
import { addDays, fhirDate } from '../dates';
import { BODY_SITE, PROCEDURE, atc, icd10, icdO3 } from '../clinical/code-systems';
import type { EntityModule, Story, StoryContext } from '../clinical/story';
import { withLungWorkup } from './lung-workup';
import { AUTHOR, drug, lesion, monthsBetween, resized, timeline } from './story-helpers';

const ADENO = icdO3('8140/3', 'Adenocarcinoma, NOS');
const SQUAMOUS = icdO3('8070/3', 'Squamous cell carcinoma, NOS');
const RUL = { icd10: icd10('C34.1', 'Malignant neoplasm: Upper lobe, bronchus or lung'), topography: icdO3('C34.1', 'Upper lobe, lung'), bodySite: BODY_SITE.rightUpperLobe };

const DRUGS = {
  osimertinib: atc('L01EB04', 'osimertinib'),
  carboplatin: atc('L01XA02', 'carboplatin'),
  cisplatin: atc('L01XA01', 'cisplatin'),
  pemetrexed: atc('L01BA04', 'pemetrexed'),
  pembrolizumab: atc('L01FF02', 'pembrolizumab'),
  vinorelbine: atc('L01CA04', 'vinorelbine'),
};

function egfrCourse(ctx: StoryContext): Story {
  const { rng } = ctx;
  const t = timeline(ctx);
  const biopsy = addDays(t.diagnosis, -rng.int(3, 8));
  const start = t.days(rng.int(18, 28));
  const priorCt = t.beforeToday(95, 130);
  const currentCt = t.beforeToday(5, 14);
  const primary = lesion(rng, 'L1', 'lung-right-upper', rng.int(22, 32), 'spiculated mass', 'consistent with the known primary');
  const liver = lesion(rng, 'L2', 'liver-right', rng.int(9, 14), 'hyperattenuating lesion', 'consistent with a known metastasis');
  const tps = rng.pick([5, 10, 20, 30]);
  const months = monthsBetween(start, currentCt);
  return {
    entity: 'LUNG', boardSlug: 'thoracic',
    diagnosis: { date: t.diagnosis, ...RUL, morphology: ADENO, text: 'adenocarcinoma of the right upper lobe' },
    stages: [{ kind: 'clinical', date: t.diagnosis, t: 'T2a', n: 'N2', m: 'M1b', group: 'IVA' }],
    metastases: [
      { date: t.diagnosis, icd10: icd10('C78.7', 'Secondary malignant neoplasm of liver and intrahepatic bile duct'), bodySite: BODY_SITE.liver },
      { date: currentCt, icd10: icd10('C79.7', 'Secondary malignant neoplasm of adrenal gland'), bodySite: BODY_SITE.adrenal },
    ],
    procedures: [{ category: 'BIOPSY', code: PROCEDURE.biopsy, start: biopsy, bodySite: BODY_SITE.lymphNode, note: 'EBUS-guided transbronchial needle aspiration, station 7' }],
    therapies: [{ regimen: 'osimertinib', drugs: [drug(DRUGS.osimertinib, '80 mg p.o. once daily')], start, intent: 'palliative', myelosuppressive: false }],
    reports: [
      { kind: 'PATHOLOGY', date: addDays(biopsy, 3), title: 'Cytopathology: EBUS-TBNA station 7', author: AUTHOR.pathology,
        lines: ['Specimen: EBUS-TBNA, lymph node station 7, cell block.', 'Microscopy: clusters of atypical glandular cells with nuclear enlargement.', 'Immunohistochemistry: TTF-1 positive, napsin A positive, p40 negative.', `PD-L1 (22C3): TPS ${tps}%.`, 'Diagnosis: metastatic adenocarcinoma, consistent with pulmonary origin.'],
        conclusion: `Lymph node station 7: metastatic adenocarcinoma of pulmonary origin (TTF-1+). PD-L1 TPS ${tps}%.` },
      { kind: 'MOLECULAR', date: addDays(biopsy, 10), title: 'Molecular pathology: NGS lung panel', author: AUTHOR.molecular,
        lines: ['Material: cell block EBUS-TBNA station 7, tumor cell content approx. 40%.', 'Method: targeted DNA/RNA next-generation sequencing panel.', 'Result: EGFR exon 19 deletion detected (p.E746_A750del), VAF 28%.', 'No EGFR T790M mutation detected. No ALK, ROS1, RET or NTRK fusion detected. KRAS wild-type. No MET exon 14 skipping.'],
        conclusion: 'EGFR exon 19 deletion detected; no other actionable alteration. Eligible for EGFR tyrosine kinase inhibitor therapy.' },
      { kind: 'RADIOLOGY', date: addDays(t.diagnosis, -rng.int(10, 16)), title: 'FDG PET/CT staging', author: AUTHOR.nuclear,
        lines: [`Right upper lobe mass, ${primary.diametersMm[0]} mm, SUVmax ${rng.round(9, 16, 1)}.`, 'FDG-avid subcarinal lymph node (station 7), SUVmax 7.2.', `Single FDG-avid liver lesion in segment VII, ${liver.diametersMm[0]} mm, suspicious for metastasis.`, 'No evidence of bone metastasis. No pleural effusion.'],
        conclusion: 'Right upper lobe lung cancer with mediastinal nodal involvement and a solitary liver metastasis (cT2a cN2 cM1b).' },
    ],
    ctPlans: ctx.withCt ? [
      { date: priorCt, indication: `EGFR-mutant lung adenocarcinoma on osimertinib, restaging.`, lesions: [resized(primary, 0.55), resized(liver, 0.6)] },
      { date: currentCt, indication: 'EGFR-mutant lung adenocarcinoma on osimertinib, increasing CEA.', lesions: [resized(primary, 0.8, 'increasing in size, consistent with progression'), resized(liver, 1.1, 'increasing in size'), lesion(rng, 'L3', 'adrenal-left', rng.int(12, 18), 'nodule', 'new, suspicious for metastasis')] },
    ] : [],
    burden: [{ date: t.diagnosis, value: 1 }, { date: addDays(start, 90), value: 0.35 }, { date: priorCt, value: 0.3 }, { date: currentCt, value: 0.75 }],
    markers: [{ lab: 'cea', floor: 1.5, perBurden: rng.float(12, 25) }],
    liverInvolvement: t.diagnosis,
    ecog: [{ date: t.diagnosis, value: 1 }, { date: addDays(start, 100), value: 0 }, { date: currentCt, value: 1 }],
    question: `Progression on first-line osimertinib after ${months} months (growing right upper lobe primary, new left adrenal lesion). Re-biopsy or liquid biopsy for resistance mechanisms (e.g. MET amplification), then platinum/pemetrexed-based second line?`,
    urgency: 'ROUTINE',
  };
}

function kras(ctx: StoryContext): Story {
  const { rng } = ctx;
  const t = timeline(ctx);
  const biopsy = addDays(t.diagnosis, -rng.int(3, 8));
  const start = t.days(rng.int(20, 30));
  const maintenance = addDays(start, 84);
  const priorCt = t.beforeToday(90, 120);
  const currentCt = t.beforeToday(4, 12);
  const tps = rng.pick([50, 60, 70, 80]);
  const primary = lesion(rng, 'L1', 'lung-right-upper', rng.int(30, 42), 'mass', 'consistent with the known primary');
  const node = lesion(rng, 'L2', 'mediastinal-node', rng.int(16, 22), 'lymph node', 'consistent with a nodal metastasis');
  // One patient of this course is now mostly in bed or chair (the documented Karnofsky 40).
  const frail = ctx.exceptions.has('karnofsky-below-range');
  return {
    entity: 'LUNG', boardSlug: 'thoracic',
    diagnosis: { date: t.diagnosis, ...RUL, morphology: ADENO, text: 'adenocarcinoma of the right upper lobe' },
    stages: [{ kind: 'clinical', date: t.diagnosis, t: 'T3', n: 'N2', m: 'M1a', group: 'IVA' }],
    metastases: [{ date: t.diagnosis, icd10: icd10('C78.2', 'Secondary malignant neoplasm of pleura'), bodySite: BODY_SITE.lung }],
    procedures: [{ category: 'BIOPSY', code: PROCEDURE.biopsy, start: biopsy, bodySite: BODY_SITE.lung, note: 'CT-guided core needle biopsy, right upper lobe' }],
    therapies: [
      { regimen: 'carboplatin/pemetrexed/pembrolizumab', drugs: [drug(DRUGS.carboplatin, 'AUC 5 i.v. day 1 q3w'), drug(DRUGS.pemetrexed, '500 mg/m² i.v. day 1 q3w'), drug(DRUGS.pembrolizumab, '200 mg i.v. day 1 q3w')], start, end: addDays(start, 83), intent: 'palliative', myelosuppressive: true },
      { regimen: 'pemetrexed/pembrolizumab maintenance', drugs: [drug(DRUGS.pemetrexed, '500 mg/m² i.v. q3w'), drug(DRUGS.pembrolizumab, '200 mg i.v. q3w')], start: maintenance, end: currentCt, intent: 'palliative', stopReason: 'progression', myelosuppressive: true },
    ],
    reports: [
      { kind: 'PATHOLOGY', date: addDays(biopsy, 3), title: 'Histopathology: CT-guided lung biopsy', author: AUTHOR.pathology,
        lines: ['Specimen: 3 core biopsies, right upper lobe.', 'Microscopy: invasive adenocarcinoma, predominantly solid pattern with acinar areas.', 'Immunohistochemistry: TTF-1 positive, napsin A positive, p40 negative. ALK (D5F3) negative. ROS1 negative.', `PD-L1 (22C3): TPS ${tps}%.`],
        conclusion: `Invasive adenocarcinoma of the lung, solid predominant. PD-L1 TPS ${tps}%.` },
      { kind: 'MOLECULAR', date: addDays(biopsy, 11), title: 'Molecular pathology: NGS lung panel', author: AUTHOR.molecular,
        lines: ['Material: core biopsy right upper lobe, tumor cell content approx. 60%.', 'Result: KRAS G12C (c.34G>T, p.Gly12Cys) detected, VAF 31%. STK11 wild-type. TP53 p.R273H detected.', 'No EGFR mutation detected. No ALK, ROS1, RET or NTRK fusion detected.'],
        conclusion: 'KRAS G12C mutation detected; EGFR/ALK/ROS1 negative. KRAS G12C inhibitor is an option after first-line therapy.' },
      { kind: 'RADIOLOGY', date: addDays(t.diagnosis, -rng.int(10, 16)), title: 'FDG PET/CT staging', author: AUTHOR.nuclear,
        lines: [`Right upper lobe mass, ${primary.diametersMm[0]} mm, SUVmax ${rng.round(10, 18, 1)}.`, `Subcarinal lymph node ${node.diametersMm[0]} mm, FDG-avid.`, 'Small right pleural effusion with nodular FDG-avid pleural thickening, suspicious for pleural carcinomatosis.', 'No evidence of liver, adrenal or bone metastasis.'],
        conclusion: 'Right upper lobe lung cancer, mediastinal nodal disease and pleural involvement (cT3 cN2 cM1a).' },
    ],
    ctPlans: ctx.withCt ? [
      { date: priorCt, indication: 'NSCLC on pemetrexed/pembrolizumab maintenance, restaging.', lesions: [resized(primary, 0.6), resized(node, 0.7)] },
      { date: currentCt, indication: 'NSCLC on maintenance, increasing dyspnoea.', lesions: [resized(primary, 0.85, 'increasing in size, consistent with progression'), resized(node, 0.95, 'increasing in size'), lesion(rng, 'L3', 'liver-left', rng.int(10, 15), 'hyperattenuating lesion', 'new, suspicious for metastasis')] },
    ] : [],
    burden: [{ date: t.diagnosis, value: 1 }, { date: maintenance, value: 0.45 }, { date: priorCt, value: 0.4 }, { date: currentCt, value: 0.9 }],
    markers: [{ lab: 'cea', floor: 2, perBurden: rng.float(8, 18) }],
    liverInvolvement: currentCt,
    ecog: [{ date: t.diagnosis, value: 1 }, { date: maintenance, value: 1 }, { date: currentCt, value: frail ? 3 : 2 }],
    question: `Progression on pemetrexed/pembrolizumab maintenance after ${monthsBetween(start, currentCt)} months of chemo-immunotherapy (PD-L1 TPS ${tps}%, KRAS G12C). ${frail ? 'Sotorasib, docetaxel or best supportive care? ECOG now 3.' : 'Sotorasib or docetaxel in second line? ECOG now 2.'}`,
    urgency: 'URGENT',
  };
}

function resectedSquamous(ctx: StoryContext): Story {
  const { rng } = ctx;
  const t = timeline(ctx);
  const biopsy = addDays(t.diagnosis, -rng.int(3, 8));
  const surgery = t.days(rng.int(25, 35));
  const adjuvant = addDays(surgery, rng.int(35, 45));
  const priorCt = t.beforeToday(150, 190);
  const currentCt = t.beforeToday(5, 14);
  const nodule = lesion(rng, 'L1', 'lung-left-lower', rng.int(13, 17), 'solid nodule', 'growing, suspicious for recurrence or a second primary');
  const date = fhirDate(surgery);
  return {
    entity: 'LUNG', boardSlug: 'thoracic',
    diagnosis: { date: t.diagnosis, ...RUL, morphology: SQUAMOUS, text: 'squamous cell carcinoma of the right upper lobe' },
    stages: [
      { kind: 'clinical', date: t.diagnosis, t: 'T2b', n: 'N1', m: 'M0', group: 'IIB' },
      { kind: 'pathological', date: addDays(surgery, 6), t: 'T3', n: 'N1', m: 'M0', group: 'IIIA' },
    ],
    metastases: [],
    procedures: [
      { category: 'BIOPSY', code: PROCEDURE.biopsy, start: biopsy, bodySite: BODY_SITE.lung, note: 'Bronchoscopic forceps biopsy, right upper lobe bronchus' },
      { category: 'SURGERY', code: PROCEDURE.lobectomy, start: surgery, bodySite: BODY_SITE.rightUpperLobe, note: 'VATS right upper lobectomy with systematic mediastinal lymph node dissection' },
    ],
    therapies: [{ regimen: 'cisplatin/vinorelbine (adjuvant)', drugs: [drug(DRUGS.cisplatin, '80 mg/m² i.v. day 1 q3w'), drug(DRUGS.vinorelbine, '25 mg/m² i.v. days 1 and 8 q3w')], start: adjuvant, end: addDays(adjuvant, 84), intent: 'adjuvant', myelosuppressive: true }],
    reports: [
      { kind: 'PATHOLOGY', date: addDays(surgery, 6), title: 'Histopathology: right upper lobectomy', author: AUTHOR.pathology,
        lines: [`Specimen: right upper lobe with mediastinal lymph nodes (resected ${date}).`, `Tumor: keratinising squamous cell carcinoma, ${rng.int(52, 65)} mm, invading the visceral pleura (PL2).`, 'Immunohistochemistry: p40 positive, TTF-1 negative. PD-L1 (22C3): TPS 5%.', `Lymph nodes: 2/14 positive (station 10R and 11R); mediastinal stations 2R, 4R, 7 negative (0/9).`, 'Resection margins: free (R0), bronchial margin 18 mm.'],
        conclusion: 'Squamous cell carcinoma of the right upper lobe, pT3 pN1 (2/14) R0, G2. PD-L1 TPS 5%.' },
      { kind: 'MOLECULAR', date: addDays(surgery, 16), title: 'Molecular pathology: NGS lung panel', author: AUTHOR.molecular,
        lines: ['Material: lobectomy specimen, tumor cell content approx. 70%.', 'Result: TP53 p.R248Q and PIK3CA p.E545K detected.', 'No EGFR mutation detected. No ALK or ROS1 fusion detected.'],
        conclusion: 'No targetable driver alteration (EGFR/ALK negative).' },
      { kind: 'RADIOLOGY', date: addDays(t.diagnosis, -rng.int(10, 16)), title: 'FDG PET/CT staging', author: AUTHOR.nuclear,
        lines: ['Central right upper lobe mass with FDG uptake, SUVmax 14.1.', 'FDG-avid right hilar lymph node. No mediastinal nodal uptake.', 'No evidence of distant metastasis.'],
        conclusion: 'Right upper lobe lung cancer, cT2b cN1 cM0.' },
    ],
    ctPlans: ctx.withCt ? [
      { date: priorCt, indication: 'Follow-up after right upper lobectomy and adjuvant chemotherapy.', lesions: [resized(nodule, 0.45, 'small, indeterminate')] },
      { date: currentCt, indication: 'Follow-up after right upper lobectomy.', lesions: [nodule] },
    ] : [],
    burden: [{ date: t.diagnosis, value: 1 }, { date: surgery, value: 0 }, { date: priorCt, value: 0.03 }, { date: currentCt, value: 0.15 }],
    markers: [{ lab: 'cea', floor: 1.6, perBurden: rng.float(2, 5) }],
    ecog: [{ date: t.diagnosis, value: 1 }, { date: addDays(adjuvant, 100), value: 1 }, { date: currentCt, value: 1 }],
    question: `New ${nodule.diametersMm[0]} mm solid nodule in the left lower lobe, growing over 6 months, ${monthsBetween(surgery, currentCt)} months after right upper lobectomy (pT3 pN1 squamous cell carcinoma) and adjuvant cisplatin/vinorelbine. CT-guided biopsy or stereotactic radiotherapy without histology?`,
    urgency: 'ROUTINE',
  };
}

/** Weight lost over the last six months (kg): more with progressing metastatic disease, little in follow-up. */
const COURSES = [
  { build: egfrCourse, weightLossKg: [1.5, 6] },
  { build: kras, weightLossKg: [3, 9] },
  { build: resectedSquamous, weightLossKg: [0, 3] },
] as const;

export const lungModule: EntityModule = {
  entity: 'LUNG',
  boardSlug: 'thoracic',
  sexes: ['FEMALE', 'MALE'],
  ageRange: [52, 82],
  buildStory: (ctx) => {
    const course = COURSES[ctx.variant % COURSES.length]!;
    return withLungWorkup(ctx, course.build(ctx), course.weightLossKg);
  },
};

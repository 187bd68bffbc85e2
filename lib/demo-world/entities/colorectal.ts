// Colorectal cancer, three courses seen at a GI board:
//   A. sigmoid cancer pT3 pN1b, adjuvant CAPOX, liver-limited relapse responding to FOLFOX + panitumumab (resect?)
//   B. rectal cancer after total neoadjuvant therapy and TME, now a growing lung nodule with rising CEA
//   C. metastatic KRAS G12D cancer progressing on second-line FOLFIRI + bevacizumab
import { addDays } from '../dates';
import { BODY_SITE, PROCEDURE, atc, icd10, icdO3 } from '../clinical/code-systems';
import type { EntityModule, Story, StoryContext } from '../clinical/story';
import { AUTHOR, drug, lesion, monthsBetween, resized, timeline } from './story-helpers';

const ADENO = icdO3('8140/3', 'Adenocarcinoma, NOS');
const SIGMOID = { icd10: icd10('C18.7', 'Malignant neoplasm: Sigmoid colon'), topography: icdO3('C18.7', 'Sigmoid colon'), bodySite: BODY_SITE.sigmoid };
const RECTUM = { icd10: icd10('C20', 'Malignant neoplasm of rectum'), topography: icdO3('C20.9', 'Rectum, NOS'), bodySite: BODY_SITE.rectum };
const LIVER_MET = { icd10: icd10('C78.7', 'Secondary malignant neoplasm of liver and intrahepatic bile duct'), bodySite: BODY_SITE.liver };

const DRUGS = {
  oxaliplatin: atc('L01XA03', 'oxaliplatin'),
  capecitabine: atc('L01BC06', 'capecitabine'),
  fluorouracil: atc('L01BC02', 'fluorouracil'),
  folinicAcid: atc('V03AF03', 'calcium folinate'),
  irinotecan: atc('L01CE02', 'irinotecan'),
  panitumumab: atc('L01FE02', 'panitumumab'),
  bevacizumab: atc('L01FG01', 'bevacizumab'),
};
const FOLFOX = [drug(DRUGS.oxaliplatin, '85 mg/m² i.v. day 1 q2w'), drug(DRUGS.folinicAcid, '400 mg/m² i.v. day 1 q2w'), drug(DRUGS.fluorouracil, '400 mg/m² bolus + 2400 mg/m² 46 h infusion q2w')];

const colonoscopy = (date: Date, where: string) =>
  ({ category: 'ENDOSCOPY' as const, code: PROCEDURE.colonoscopy, start: date, bodySite: BODY_SITE.colon, note: `Colonoscopy with biopsy of a ${where}` });

function liverLimited(ctx: StoryContext): Story {
  const { rng } = ctx;
  const t = timeline(ctx);
  const surgery = t.days(rng.int(20, 30));
  const capox = addDays(surgery, rng.int(30, 40));
  const relapse = t.at(rng.float(0.45, 0.6));
  const folfox = addDays(relapse, rng.int(14, 21));
  const priorCt = addDays(relapse, rng.int(-3, 2));
  const currentCt = t.beforeToday(4, 12);
  const seg7 = lesion(rng, 'L1', 'liver-right', rng.int(28, 36), 'hyperattenuating lesion', 'consistent with a metastasis');
  const seg3 = lesion(rng, 'L2', 'liver-left', rng.int(14, 19), 'hyperattenuating lesion', 'consistent with a metastasis');
  return {
    entity: 'COLORECTAL', boardSlug: 'gi',
    diagnosis: { date: t.diagnosis, ...SIGMOID, morphology: ADENO, text: 'adenocarcinoma of the sigmoid colon' },
    stages: [
      { kind: 'clinical', date: t.diagnosis, t: 'T3', n: 'N1', m: 'M0', group: 'III' },
      { kind: 'pathological', date: addDays(surgery, 7), t: 'T3', n: 'N1b', m: 'M0', group: 'IIIB' },
    ],
    metastases: [{ date: relapse, ...LIVER_MET }],
    procedures: [
      colonoscopy(addDays(t.diagnosis, -2), 'stenosing sigmoid tumor at 25 cm'),
      { category: 'SURGERY', code: PROCEDURE.colectomy, start: surgery, bodySite: BODY_SITE.sigmoid, note: 'Laparoscopic sigmoid resection with central vascular ligation' },
    ],
    therapies: [
      { regimen: 'CAPOX (adjuvant)', drugs: [drug(DRUGS.oxaliplatin, '130 mg/m² i.v. day 1 q3w'), drug(DRUGS.capecitabine, '1000 mg/m² p.o. twice daily days 1–14 q3w')], start: capox, end: addDays(capox, 84), intent: 'adjuvant', myelosuppressive: true },
      { regimen: 'FOLFOX + panitumumab', drugs: [...FOLFOX, drug(DRUGS.panitumumab, '6 mg/kg i.v. day 1 q2w')], start: folfox, intent: 'palliative', myelosuppressive: true },
    ],
    reports: [
      { kind: 'PATHOLOGY', date: addDays(surgery, 7), title: 'Histopathology: sigmoid resection', author: AUTHOR.pathology,
        lines: [`Tumor: adenocarcinoma of the sigmoid colon, ${rng.int(38, 52)} mm, G2, invading through the muscularis propria into pericolic fat (pT3).`, 'Lymph nodes: 2/14 with metastases (pN1b). Lymphovascular invasion L1, V0, Pn0.', 'Margins: proximal, distal and circumferential margins free (R0).', 'Mismatch repair proteins (MLH1, PMS2, MSH2, MSH6): retained expression (pMMR).'],
        conclusion: 'Adenocarcinoma of the sigmoid colon, pT3 pN1b (2/14) L1 V0 Pn0 G2 R0; pMMR.' },
      { kind: 'MOLECULAR', date: addDays(relapse, 12), title: 'Molecular pathology: RAS/BRAF and MSI', author: AUTHOR.molecular,
        lines: ['Material: resection specimen of the primary, tumor cell content approx. 50%.', 'Result: KRAS exons 2–4 wild-type, NRAS exons 2–4 wild-type, BRAF V600E not detected.', 'Microsatellite status: stable (MSS). HER2 not amplified.'],
        conclusion: 'RAS/BRAF wild-type, MSS: eligible for anti-EGFR therapy (left-sided primary).' },
      { kind: 'RADIOLOGY', date: addDays(relapse, rng.int(3, 8)), title: 'MRI liver with hepatobiliary contrast', author: AUTHOR.radiology,
        lines: [`Two liver metastases: segment VII ${seg7.diametersMm[0]} mm and segment III ${seg3.diametersMm[0]} mm, both with diffusion restriction.`, 'No further lesion in the hepatobiliary phase. Portal and hepatic veins patent.'],
        conclusion: 'Two liver metastases (segments VII and III), technically resectable; no further hepatic lesion.' },
    ],
    ctPlans: ctx.withCt ? [
      { date: priorCt, indication: 'Rising CEA 1 year after sigmoid resection.', lesions: [seg7, seg3] },
      { date: currentCt, indication: 'Liver metastases under FOLFOX + panitumumab, restaging after 6 cycles.', lesions: [resized(seg7, 0.6, 'decreasing in size, partial response'), resized(seg3, 0.55, 'decreasing in size')] },
    ] : [],
    burden: [{ date: t.diagnosis, value: 1 }, { date: surgery, value: 0 }, { date: addDays(relapse, -90), value: 0.15 }, { date: relapse, value: 0.9 }, { date: currentCt, value: 0.3 }],
    markers: [{ lab: 'cea', floor: 1.8, perBurden: rng.float(20, 40) }, { lab: 'ca199', floor: 10, perBurden: rng.float(15, 30) }],
    liverInvolvement: relapse,
    ecog: [{ date: t.diagnosis, value: 0 }, { date: relapse, value: 1 }, { date: currentCt, value: 0 }],
    question: `Liver-limited metastases (segments VII and III) with partial response after ${monthsBetween(folfox, currentCt)} months of FOLFOX + panitumumab (RAS/BRAF wild-type, MSS). Secondary liver resection (two-stage or atypical) or continue systemic therapy?`,
    urgency: 'ROUTINE',
  };
}

function rectalAfterTnt(ctx: StoryContext): Story {
  const { rng } = ctx;
  const t = timeline(ctx, 540);
  const crt = t.days(rng.int(14, 21));
  const consolidation = addDays(crt, 42);
  const surgery = addDays(consolidation, 84 + rng.int(28, 42));
  const priorCt = t.beforeToday(140, 190);
  const currentCt = t.beforeToday(4, 12);
  const nodule = lesion(rng, 'L1', 'lung-left-lower', rng.int(11, 14), 'solid nodule', 'growing, suspicious for metastasis');
  return {
    entity: 'COLORECTAL', boardSlug: 'gi',
    diagnosis: { date: t.diagnosis, ...RECTUM, morphology: ADENO, text: 'adenocarcinoma of the mid rectum' },
    stages: [
      { kind: 'clinical', date: t.diagnosis, t: 'T3', n: 'N1', m: 'M0', group: 'IIIB' },
      { kind: 'pathological', afterNeoadjuvant: true, date: addDays(surgery, 8), t: 'T2', n: 'N0', m: 'M0', group: 'I' },
    ],
    metastases: [{ date: currentCt, icd10: icd10('C78.0', 'Secondary malignant neoplasm of lung'), bodySite: BODY_SITE.lung }],
    procedures: [
      colonoscopy(addDays(t.diagnosis, -2), 'semicircular rectal tumor at 8 cm from the anal verge'),
      { category: 'RADIOTHERAPY', code: PROCEDURE.radiotherapyCourse, start: crt, end: addDays(crt, 38), bodySite: BODY_SITE.rectum, note: 'Chemoradiotherapy 50.4 Gy in 28 fractions with capecitabine' },
      { category: 'SURGERY', code: PROCEDURE.excision, start: surgery, bodySite: BODY_SITE.rectum, note: 'Low anterior resection with total mesorectal excision and protective ileostomy' },
    ],
    therapies: [
      { regimen: 'capecitabine (radiosensitising)', drugs: [drug(DRUGS.capecitabine, '825 mg/m² p.o. twice daily on radiotherapy days')], start: crt, end: addDays(crt, 38), intent: 'neoadjuvant', myelosuppressive: false },
      { regimen: 'FOLFOX (consolidation, TNT)', drugs: FOLFOX, start: consolidation, end: addDays(consolidation, 84), intent: 'neoadjuvant', myelosuppressive: true },
    ],
    reports: [
      { kind: 'PATHOLOGY', date: addDays(t.diagnosis, 3), title: 'Histopathology: rectal biopsies', author: AUTHOR.pathology,
        lines: ['Specimen: 6 biopsies, rectum at 8 cm.', 'Microscopy: moderately differentiated adenocarcinoma (G2) arising in a tubulovillous adenoma.', 'Mismatch repair proteins: retained expression (pMMR).'],
        conclusion: 'Adenocarcinoma of the rectum, G2, pMMR.' },
      { kind: 'RADIOLOGY', date: addDays(t.diagnosis, 6), title: 'MRI pelvis (rectal cancer staging)', author: AUTHOR.radiology,
        lines: ['Mid rectal tumor from 6 to 10 cm from the anal verge, extramural depth of invasion 4 mm (cT3b).', 'Mesorectal fascia: not involved (distance 5 mm). EMVI negative.', 'Two mesorectal lymph nodes with irregular border, suspicious (cN1). No lateral lymph node.'],
        conclusion: 'Mid rectal cancer cT3b cN1, MRF negative, EMVI negative.' },
      { kind: 'PATHOLOGY', date: addDays(surgery, 8), title: 'Histopathology: low anterior resection (TME)', author: AUTHOR.pathology,
        lines: ['Residual adenocarcinoma in the muscularis propria (ypT2), tumor regression grade Dworak 3.', 'Lymph nodes: 0/16. Mesorectum: complete (MERCURY grade 1). CRM 7 mm, R0.'],
        conclusion: 'ypT2 ypN0 (0/16) R0, good regression (Dworak 3), complete TME.' },
      { kind: 'MOLECULAR', date: addDays(currentCt, 3), title: 'Molecular pathology: RAS/BRAF', author: AUTHOR.molecular,
        lines: ['Material: TME specimen, residual tumor.', 'Result: KRAS p.G12D detected (exon 2). NRAS wild-type. BRAF V600E not detected. MSS.'],
        conclusion: 'KRAS G12D mutation: anti-EGFR antibodies not indicated.' },
    ],
    ctPlans: ctx.withCt ? [
      { date: priorCt, indication: 'Follow-up after TME.', lesions: [resized(nodule, 0.45, 'small, indeterminate')] },
      { date: currentCt, indication: 'Follow-up after TME, CEA rising.', lesions: [nodule] },
    ] : [],
    burden: [{ date: t.diagnosis, value: 1 }, { date: surgery, value: 0.05 }, { date: addDays(surgery, 1), value: 0 }, { date: priorCt, value: 0.05 }, { date: currentCt, value: 0.3 }],
    markers: [{ lab: 'cea', floor: 1.5, perBurden: rng.float(15, 25) }],
    ecog: [{ date: t.diagnosis, value: 0 }, { date: surgery, value: 1 }, { date: currentCt, value: 0 }],
    question: `Solitary ${nodule.diametersMm[0]} mm left lower lobe nodule, growing, with rising CEA ${monthsBetween(surgery, currentCt)} months after TNT and TME (ypT2 ypN0, KRAS G12D). Resection or stereotactic radiotherapy vs. systemic therapy first?`,
    urgency: 'ROUTINE',
  };
}

function secondLineProgression(ctx: StoryContext): Story {
  const { rng } = ctx;
  const t = timeline(ctx);
  const first = t.days(rng.int(18, 25));
  const second = t.at(rng.float(0.5, 0.6));
  const priorCt = t.beforeToday(80, 110);
  const currentCt = t.beforeToday(4, 12);
  const seg7 = lesion(rng, 'L1', 'liver-right', rng.int(24, 32), 'hyperattenuating lesion', 'consistent with a known metastasis');
  const node = lesion(rng, 'L2', 'retroperitoneal-node', rng.int(14, 18), 'lymph node', 'consistent with a nodal metastasis');
  return {
    entity: 'COLORECTAL', boardSlug: 'gi',
    diagnosis: { date: t.diagnosis, ...SIGMOID, morphology: ADENO, text: 'adenocarcinoma of the sigmoid colon' },
    stages: [{ kind: 'clinical', date: t.diagnosis, t: 'T4a', n: 'N2', m: 'M1a', group: 'IVA' }],
    metastases: [{ date: t.diagnosis, ...LIVER_MET }],
    procedures: [colonoscopy(addDays(t.diagnosis, -3), 'ulcerated sigmoid tumor at 30 cm')],
    therapies: [
      { regimen: 'FOLFOX + bevacizumab', drugs: [...FOLFOX, drug(DRUGS.bevacizumab, '5 mg/kg i.v. q2w')], start: first, end: addDays(second, -14), intent: 'palliative', stopReason: 'progression', myelosuppressive: true },
      { regimen: 'FOLFIRI + bevacizumab', drugs: [drug(DRUGS.irinotecan, '180 mg/m² i.v. day 1 q2w'), drug(DRUGS.folinicAcid, '400 mg/m² i.v. day 1 q2w'), drug(DRUGS.fluorouracil, '400 mg/m² bolus + 2400 mg/m² 46 h infusion q2w'), drug(DRUGS.bevacizumab, '5 mg/kg i.v. q2w')], start: second, end: currentCt, intent: 'palliative', stopReason: 'progression', myelosuppressive: true },
    ],
    reports: [
      { kind: 'PATHOLOGY', date: addDays(t.diagnosis, 2), title: 'Histopathology: colonic biopsies', author: AUTHOR.pathology,
        lines: ['Specimen: 5 biopsies, sigmoid colon at 30 cm.', 'Microscopy: moderately to poorly differentiated adenocarcinoma (G2–3).', 'Mismatch repair proteins: retained expression (pMMR).'],
        conclusion: 'Adenocarcinoma of the sigmoid colon, G2–3, pMMR.' },
      { kind: 'MOLECULAR', date: addDays(t.diagnosis, 14), title: 'Molecular pathology: RAS/BRAF and MSI', author: AUTHOR.molecular,
        lines: ['Result: KRAS p.G12D detected (exon 2), VAF 35%. NRAS wild-type. BRAF V600E not detected.', 'Microsatellite stable (MSS). HER2 not amplified. No NTRK fusion.'],
        conclusion: 'KRAS G12D, MSS: no anti-EGFR therapy; no approved targeted option.' },
      { kind: 'RADIOLOGY', date: addDays(t.diagnosis, rng.int(3, 7)), title: 'MRI liver', author: AUTHOR.radiology,
        lines: ['Multiple liver metastases in both lobes, largest in segment VII.', 'No evidence of biliary obstruction.'],
        conclusion: 'Multiple bilobar liver metastases, not resectable.' },
    ],
    ctPlans: ctx.withCt ? [
      { date: priorCt, indication: 'mCRC on FOLFIRI + bevacizumab, restaging.', lesions: [resized(seg7, 0.75), resized(node, 0.7)] },
      { date: currentCt, indication: 'mCRC on FOLFIRI + bevacizumab, rising CEA.', lesions: [resized(seg7, 1.05, 'increasing in size, consistent with progression'), resized(node, 1, 'increasing in size'), lesion(rng, 'L3', 'liver-left', rng.int(10, 14), 'hyperattenuating lesion', 'new, consistent with progression')] },
    ] : [],
    burden: [{ date: t.diagnosis, value: 1 }, { date: addDays(first, 120), value: 0.5 }, { date: second, value: 0.9 }, { date: addDays(second, 100), value: 0.7 }, { date: priorCt, value: 0.8 }, { date: currentCt, value: 1.4 }],
    markers: [{ lab: 'cea', floor: 2, perBurden: rng.float(30, 60) }, { lab: 'ca199', floor: 12, perBurden: rng.float(40, 80) }],
    liverInvolvement: t.diagnosis,
    ecog: [{ date: t.diagnosis, value: 1 }, { date: second, value: 1 }, { date: currentCt, value: 1 }],
    question: `Progression after first-line FOLFOX + bevacizumab and second-line FOLFIRI + bevacizumab (KRAS G12D, MSS, ECOG 1). Trifluridine/tipiracil + bevacizumab, or a clinical trial?`,
    urgency: 'ROUTINE',
  };
}

export const colorectalModule: EntityModule = {
  entity: 'COLORECTAL',
  boardSlug: 'gi',
  sexes: ['FEMALE', 'MALE'],
  ageRange: [45, 82],
  buildStory: (ctx) => [liverLimited, rectalAfterTnt, secondLineProgression][ctx.variant % 3]!(ctx),
};

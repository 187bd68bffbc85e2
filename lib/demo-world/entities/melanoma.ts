// Cutaneous melanoma, two courses seen at a skin cancer board:
//   A. stage IIIC BRAF V600E after adjuvant nivolumab, now distant relapse with raised LDH
//   B. stage IV BRAF wild-type responding to ipilimumab/nivolumab, one lung lesion progressing
import { addDays } from '../dates';
import { BODY_SITE, PROCEDURE, atc, icd10, icdO3 } from '../clinical/code-systems';
import type { EntityModule, Story, StoryContext } from '../clinical/story';
import { AUTHOR, drug, lesion, monthsBetween, resized, timeline } from './story-helpers';

const TRUNK = { icd10: icd10('C43.5', 'Malignant melanoma of trunk'), topography: icdO3('C44.5', 'Skin of trunk'), bodySite: BODY_SITE.skin };
const DRUGS = {
  nivolumab: atc('L01FF01', 'nivolumab'),
  ipilimumab: atc('L01FX04', 'ipilimumab'),
};

const excisionReport = (date: Date, type: string, breslow: number, ulceration: boolean, extra: string[]) => ({
  kind: 'PATHOLOGY' as const, date, title: 'Dermatopathology: excisional biopsy, skin of the upper back', author: AUTHOR.pathology,
  lines: [`${type}, Breslow thickness ${breslow} mm, Clark level IV.`, `Ulceration ${ulceration ? 'present' : 'absent'}. Mitotic rate 6/mm². No microsatellites.`, ...extra, 'Margins: lateral 2 mm, deep 3 mm (re-excision recommended).'],
  conclusion: `${type}, Breslow ${breslow} mm, ${ulceration ? 'ulcerated' : 'not ulcerated'}.`,
});

function adjuvantRelapse(ctx: StoryContext): Story {
  const { rng } = ctx;
  const t = timeline(ctx, 560);
  const wideExcision = t.days(rng.int(21, 30));
  const adjuvant = addDays(wideExcision, rng.int(28, 42));
  const relapse = t.beforeToday(5, 14);
  const breslow = rng.round(2.1, 3.8, 1);
  return {
    entity: 'SKIN', boardSlug: 'skin',
    diagnosis: { date: t.diagnosis, ...TRUNK, morphology: icdO3('8743/3', 'Superficial spreading melanoma'), text: 'superficial spreading melanoma of the upper back' },
    stages: [{ kind: 'pathological', date: addDays(wideExcision, 7), t: 'T3b', n: 'N1a', m: 'M0', group: 'IIIC' }],
    metastases: [
      { date: relapse, icd10: icd10('C78.7', 'Secondary malignant neoplasm of liver and intrahepatic bile duct'), bodySite: BODY_SITE.liver },
      { date: relapse, icd10: icd10('C78.0', 'Secondary malignant neoplasm of lung'), bodySite: BODY_SITE.lung },
    ],
    procedures: [
      { category: 'BIOPSY', code: PROCEDURE.skinBiopsy, start: t.diagnosis, bodySite: BODY_SITE.skin, note: 'Excisional biopsy of a pigmented lesion, upper back' },
      { category: 'SURGERY', code: PROCEDURE.excision, start: wideExcision, bodySite: BODY_SITE.skin, note: 'Wide local excision with 2 cm margins' },
      { category: 'SURGERY', code: PROCEDURE.sentinelNodeBiopsy, start: wideExcision, bodySite: BODY_SITE.lymphNode, note: 'Sentinel lymph node biopsy, left axilla' },
    ],
    therapies: [{ regimen: 'nivolumab (adjuvant)', drugs: [drug(DRUGS.nivolumab, '480 mg i.v. q4w for 12 months')], start: adjuvant, end: addDays(adjuvant, 336), intent: 'adjuvant', myelosuppressive: false }],
    reports: [
      excisionReport(addDays(t.diagnosis, 5), 'Superficial spreading melanoma', breslow, true, ['Immunohistochemistry: SOX10, Melan-A and HMB-45 positive.']),
      { kind: 'PATHOLOGY', date: addDays(wideExcision, 7), title: 'Histopathology: wide local excision and sentinel lymph node, left axilla', author: AUTHOR.pathology,
        lines: ['Re-excision: scar without residual melanoma; margins free.', 'Sentinel lymph nodes: 1/2 with a subcapsular micrometastasis (0.8 mm), SOX10 and Melan-A positive. No extranodal extension.'],
        conclusion: 'No residual melanoma; sentinel node 1/2 positive (micrometastasis 0.8 mm): pT3b pN1a, stage IIIC.' },
      { kind: 'MOLECULAR', date: addDays(wideExcision, 14), title: 'Molecular pathology: BRAF/NRAS/KIT', author: AUTHOR.molecular,
        lines: ['Material: primary melanoma, tumor cell content approx. 70%.', 'Result: BRAF V600E (c.1799T>A) detected. NRAS and KIT wild-type.'],
        conclusion: 'BRAF V600E mutation detected: eligible for BRAF/MEK inhibition.' },
    ],
    ctPlans: ctx.withCt ? [{ date: relapse, indication: 'New subcutaneous nodule and raised LDH after adjuvant nivolumab.', lesions: [
      lesion(rng, 'L1', 'liver-right', rng.int(20, 28), 'hyperattenuating lesion', 'new, suspicious for metastasis'),
      lesion(rng, 'L2', 'lung-right-lower', rng.int(10, 14), 'solid nodule', 'new, suspicious for metastasis'),
      lesion(rng, 'L3', 'subcutaneous-back', rng.int(10, 13), 'subcutaneous nodule', 'new, suspicious for an in-transit or distant metastasis'),
    ] }] : [],
    burden: [{ date: t.diagnosis, value: 1 }, { date: wideExcision, value: 0.05 }, { date: adjuvant, value: 0 }, { date: addDays(relapse, -100), value: 0 }, { date: relapse, value: 1.6 }],
    markers: [{ lab: 's100b', floor: 0.04, perBurden: rng.float(0.15, 0.3) }, { lab: 'ldh', floor: 175, perBurden: rng.float(90, 140) }],
    liverInvolvement: relapse,
    ecog: [{ date: t.diagnosis, value: 0 }, { date: adjuvant, value: 0 }, { date: relapse, value: 1 }],
    question: `Distant relapse (liver, lung, subcutaneous) ${monthsBetween(addDays(adjuvant, 336), relapse)} months after completing adjuvant nivolumab; BRAF V600E, LDH above the upper limit. Dabrafenib/trametinib (or encorafenib/binimetinib) vs. ipilimumab/nivolumab? Brain MRI pending.`,
    urgency: 'URGENT',
  };
}

function oligoprogression(ctx: StoryContext): Story {
  const { rng } = ctx;
  const t = timeline(ctx);
  const ipinivo = t.days(rng.int(21, 30));
  const maintenance = addDays(ipinivo, 84);
  const priorCt = t.beforeToday(80, 110);
  const currentCt = t.beforeToday(4, 12);
  const lungA = lesion(rng, 'L1', 'lung-right-upper', rng.int(18, 24), 'solid nodule', 'consistent with a metastasis');
  const lungB = lesion(rng, 'L2', 'lung-left-lower', rng.int(12, 16), 'solid nodule', 'consistent with a metastasis');
  const node = lesion(rng, 'L3', 'mediastinal-node', rng.int(14, 18), 'lymph node', 'consistent with a nodal metastasis');
  return {
    entity: 'SKIN', boardSlug: 'skin',
    diagnosis: { date: t.diagnosis, ...TRUNK, morphology: icdO3('8721/3', 'Nodular melanoma'), text: 'nodular melanoma of the upper back' },
    stages: [{ kind: 'clinical', date: addDays(t.diagnosis, 10), t: 'T4b', n: 'N1b', m: 'M1b', group: 'IV' }],
    metastases: [{ date: addDays(t.diagnosis, 10), icd10: icd10('C78.0', 'Secondary malignant neoplasm of lung'), bodySite: BODY_SITE.lung }],
    procedures: [{ category: 'BIOPSY', code: PROCEDURE.skinBiopsy, start: t.diagnosis, bodySite: BODY_SITE.skin, note: 'Excisional biopsy of an ulcerated nodule, upper back' }],
    therapies: [
      { regimen: 'ipilimumab/nivolumab (induction)', drugs: [drug(DRUGS.ipilimumab, '3 mg/kg i.v. q3w ×4'), drug(DRUGS.nivolumab, '1 mg/kg i.v. q3w ×4')], start: ipinivo, end: addDays(ipinivo, 63), intent: 'palliative', myelosuppressive: false },
      { regimen: 'nivolumab maintenance', drugs: [drug(DRUGS.nivolumab, '480 mg i.v. q4w')], start: maintenance, intent: 'palliative', myelosuppressive: false },
    ],
    reports: [
      excisionReport(addDays(t.diagnosis, 5), 'Nodular melanoma', rng.round(4.2, 6.5, 1), true, ['Immunohistochemistry: SOX10 and Melan-A positive. PD-L1 (28-8) 5%.']),
      { kind: 'MOLECULAR', date: addDays(t.diagnosis, 14), title: 'Molecular pathology: BRAF/NRAS/KIT', author: AUTHOR.molecular,
        lines: ['Material: primary melanoma.', 'Result: no BRAF V600 mutation detected. NRAS Q61R detected. KIT wild-type.'],
        conclusion: 'BRAF wild-type, NRAS Q61R: BRAF/MEK inhibitors not indicated.' },
      { kind: 'RADIOLOGY', date: addDays(t.diagnosis, 9), title: 'MRI brain', author: AUTHOR.radiology,
        lines: ['No enhancing intracranial lesion. No evidence of brain metastasis.', 'No haemorrhage.'],
        conclusion: 'No evidence of intracranial metastasis.' },
    ],
    ctPlans: ctx.withCt ? [
      { date: priorCt, indication: 'Metastatic melanoma on nivolumab maintenance, restaging.', lesions: [resized(lungA, 0.45, 'decreased, responding'), resized(lungB, 0.5, 'decreased, responding'), resized(node, 0.6, 'decreased')] },
      { date: currentCt, indication: 'Metastatic melanoma on nivolumab maintenance, restaging.', lesions: [resized(lungA, 0.8, 'increasing in size: isolated progression'), resized(lungB, 0.5, 'unchanged'), resized(node, 0.6, 'unchanged')] },
    ] : [],
    burden: [{ date: t.diagnosis, value: 1 }, { date: maintenance, value: 0.6 }, { date: priorCt, value: 0.3 }, { date: currentCt, value: 0.5 }],
    markers: [{ lab: 's100b', floor: 0.04, perBurden: rng.float(0.15, 0.25) }, { lab: 'ldh', floor: 170, perBurden: rng.float(60, 100) }],
    ecog: [{ date: t.diagnosis, value: 1 }, { date: maintenance, value: 0 }, { date: currentCt, value: 0 }],
    question: `Oligoprogression of a single right upper lobe metastasis on nivolumab maintenance (${monthsBetween(ipinivo, currentCt)} months after ipilimumab/nivolumab), all other lesions in ongoing response; BRAF wild-type. Local therapy (SBRT or wedge resection) and continue nivolumab?`,
    urgency: 'ROUTINE',
  };
}

export const melanomaModule: EntityModule = {
  entity: 'SKIN',
  boardSlug: 'skin',
  sexes: ['FEMALE', 'MALE'],
  ageRange: [35, 80],
  buildStory: (ctx) => [adjuvantRelapse, oligoprogression][ctx.variant % 2]!(ctx),
};

// The large bench world, patient by patient: who they are, their entity, diagnosis
// date, staging, case status and course. Deterministic (lib/demo-world/prng), so two
// seeds of the same size are the same world. The bulk rows (labs, imaging, …) are
// derived from this plan in SQL; only the report texts are written here.
import { createRng, type Rng } from '../../lib/demo-world/prng';
import { SYNTHETIC_FAMILY_NAMES, SYNTHETIC_GIVEN_NAMES } from '../../lib/demo-world/clinical/synthetic-names';
import { ENTITY_OF_PATIENT_MOD_10, ENTITY_PROFILES, type EntityProfile } from './large-world-catalog';

const DAY = 86_400_000;

/** Ids in Konsil's id shape (lower-case letters and digits, 20–40 long): a 4-letter prefix and a number. */
export const benchId = (prefix: string, n: number) => `${prefix}${String(n).padStart(16, '0')}`;

export interface PatientPlan {
  n: number;
  id: string;
  caseId: string;
  mrn: string;
  familyName: string;
  givenName: string;
  sex: 'FEMALE' | 'MALE';
  birthDate: string;
  profile: number;
  diagnosedAt: Date;
  status: string;
  urgency: 'ROUTINE' | 'URGENT';
  question: string;
  /** 0–19: which of the board's referring clinicians referred the case. */
  referrer: number;
  t: string;
  n_: string;
  m: string;
  stage: string;
  ecog: number;
  metastatic: boolean;
  surgery: boolean;
  radiotherapy: boolean;
}

const STATUSES: [string, number][] = [
  ['REFERRED', 15], ['ACCEPTED', 10], ['SCHEDULED', 15], ['DISCUSSED', 10], ['DECIDED', 30], ['CLOSED', 10], ['NEEDS_INFORMATION', 5], ['POSTPONED', 5],
];

function weighted(rng: Rng, options: [string, number][]): string {
  let x = rng.next() * options.reduce((s, [, w]) => s + w, 0);
  for (const [value, weight] of options) if ((x -= weight) < 0) return value;
  return options[0]![0];
}

export function planPatient(n: number, now: Date): PatientPlan {
  const rng = createRng(`bench-large/${n}`);
  const profile = ENTITY_OF_PATIENT_MOD_10[n % 10]!;
  const entity = ENTITY_PROFILES[profile]!;
  const sex = rng.chance(entity.female) ? 'FEMALE' : 'MALE';
  const metastatic = rng.chance(0.25);
  const t = rng.pick(['T1c', 'T2a', 'T2b', 'T3', 'T4']);
  const nodes = rng.pick(['N0', 'N0', 'N1', 'N2']);
  const stage = metastatic ? 'IV' : t === 'T4' || nodes === 'N2' ? 'III' : nodes === 'N1' ? 'II' : 'I';
  return {
    n,
    id: benchId('bpat', n),
    caseId: benchId('bcas', n),
    mrn: `BM${String(n).padStart(7, '0')}`,
    familyName: rng.pick(SYNTHETIC_FAMILY_NAMES),
    givenName: rng.pick(SYNTHETIC_GIVEN_NAMES[sex]),
    sex,
    birthDate: new Date(now.getTime() - rng.int(32 * 365, 88 * 365) * DAY).toISOString().slice(0, 10),
    profile,
    diagnosedAt: new Date(now.getTime() - rng.int(380, 760) * DAY),
    status: weighted(rng, STATUSES),
    urgency: rng.chance(0.12) ? 'URGENT' : 'ROUTINE',
    question: rng.pick(entity.questions),
    referrer: rng.int(0, 19),
    t: `c${t}`,
    n_: `c${nodes}`,
    m: metastatic ? 'cM1b' : 'cM0',
    stage,
    ecog: rng.pick([0, 0, 1, 1, 1, 2]),
    metastatic,
    surgery: !metastatic && rng.chance(0.7),
    radiotherapy: rng.chance(0.35),
  };
}

export interface ReportRow {
  id: string;
  patientId: string;
  type: string;
  title: string;
  text: string;
  conclusion: string;
  loincCode: string;
  authorName: string;
  issuedAt: Date;
}

const AUTHORS = {
  RADIOLOGY: ['Dr. med. K. Radtke', 'Dr. med. S. Yilmaz', 'PD Dr. med. A. Brenner'],
  PATHOLOGY: ['Prof. Dr. med. H. Lange', 'Dr. med. M. Okafor'],
  MOLECULAR: ['Dr. rer. nat. J. Weiss', 'Prof. Dr. med. H. Lange'],
  CLINICAL_NOTE: ['Dr. med. P. Nowak', 'Dr. med. E. Schulte', 'Dr. med. L. Fischer'],
  SURGICAL: ['Prof. Dr. med. R. Hartmann', 'Dr. med. T. Becker'],
} as const;

const ORGANS = [
  'Lungs: no new pulmonary nodule. Mild centrilobular emphysema in both upper lobes. No pleural effusion.',
  'Mediastinum and hila: no lymph node enlargement by short-axis criteria (all below 10 mm). Heart size normal, no pericardial effusion.',
  'Liver: normal size and contour. Two subcentimetre hypoattenuating lesions in segment VI, too small to characterise, most likely cysts; follow-up recommended.',
  'Adrenal glands: slim, no nodule. Kidneys: simple cortical cyst on the left (Bosniak I), otherwise unremarkable. No hydronephrosis.',
  'Pancreas, spleen and gallbladder unremarkable. No ascites. No enlarged retroperitoneal or mesenteric lymph node.',
  'Bones: degenerative changes of the thoracolumbar spine. No osteolytic or osteoblastic lesion suspicious for metastasis.',
  'Soft tissues: no subcutaneous nodule. Postoperative changes without fluid collection.',
];

const CLINICAL = [
  'The patient reports good general condition, weight stable over the last three months, no night sweats, no fever.',
  'Comorbidities: arterial hypertension, treated with ramipril 5 mg; type 2 diabetes mellitus on metformin, HbA1c 6.8 %; former smoker, 30 pack-years, quit 2015.',
  'Current medication: ramipril 5 mg 1-0-0, metformin 1000 mg 1-0-1, pantoprazole 20 mg 1-0-0, vitamin D 1000 IU daily. No known drug allergies.',
  'Social history: lives with partner, retired teacher, independent in all activities of daily living. Two adult children informed and supportive.',
  'Physical examination: alert and oriented, no palpable peripheral lymph nodes, lungs clear on auscultation, abdomen soft and non-tender, no peripheral oedema.',
  'The treatment options, including their expected benefit and side effects, were discussed in detail; the patient wishes to proceed as recommended by the tumor board.',
];

function molecular(entity: EntityProfile['entity'], rng: Rng): string {
  switch (entity) {
    case 'BREAST':
      return rng.chance(0.3)
        ? `HER2 immunohistochemistry (clone 4B5): score 2+ (equivocal). Reflex in situ hybridisation: HER2/CEP17 ratio ${rng.round(2.1, 3.4, 1)}, mean HER2 copy number ${rng.round(4.2, 7.5, 1)} per nucleus, HER2 amplified (positive). Estrogen receptor ${rng.pick([0, 60, 90, 95])} %, progesterone receptor ${rng.pick([0, 10, 40, 80])} %, Ki-67 ${rng.pick([15, 25, 35])} %.`
        : `HER2 immunohistochemistry (clone 4B5): score ${rng.pick(['0', '1+'])}, HER2-negative (HER2-low if 1+). Estrogen receptor ${rng.pick([80, 90, 95])} % strong, progesterone receptor ${rng.pick([20, 50, 70])} %, Ki-67 ${rng.pick([10, 15, 20])} %.`;
    case 'LUNG':
      return `Next-generation sequencing (DNA/RNA panel, 52 genes): ${rng.pick(['EGFR exon 19 deletion (p.E746_A750del), VAF 31 %', 'KRAS p.G12C, VAF 24 %', 'no actionable driver alteration'])}. ALK, ROS1, RET and NTRK fusions not detected. PD-L1 (22C3): tumor proportion score ${rng.pick([0, 5, 40, 80])} %.`;
    case 'COLORECTAL':
      return `RAS/BRAF analysis: ${rng.pick(['KRAS p.G12D mutated', 'KRAS, NRAS and BRAF wild-type', 'BRAF p.V600E mutated'])}. Mismatch repair proteins (MLH1, PMS2, MSH2, MSH6) retained: microsatellite stable (pMMR). HER2 not amplified.`;
    case 'PROSTATE':
      return `Germline and somatic testing: ${rng.pick(['no pathogenic variant in BRCA1, BRCA2 or ATM', 'BRCA2 c.5946delT pathogenic variant (somatic)'])}. Mismatch repair proficient.`;
    case 'SKIN':
      return `BRAF codon 600: ${rng.pick(['p.V600E mutated', 'wild-type'])}. NRAS exon 2/3: wild-type. KIT not analysed (cutaneous primary, no acral or mucosal origin).`;
  }
}

const BLOCKS = ['tumor, central', 'tumor with closest margin', 'tumor and adjacent tissue', 'resection margin, oral', 'resection margin, aboral', 'lymph nodes, level I', 'lymph nodes, level II', 'lymph nodes, apical', 'uninvolved tissue', 'vascular stump', 'serosa over the tumor', 'skin ellipse'];
const IHC = ['CK7 positive', 'CK20 negative', 'TTF-1 positive', 'Napsin A positive', 'GATA3 positive', 'CDX2 positive', 'SATB2 positive', 'NKX3.1 positive', 'SOX10 positive', 'Melan-A positive', 'p40 negative', 'Synaptophysin negative'];
const ATTENDEES = ['Medical oncology', 'Radiation oncology', 'Surgery', 'Radiology', 'Pathology', 'Nuclear medicine', 'Palliative care', 'Psycho-oncology', 'Oncology nursing', 'Study office'];

function blockList(rng: Rng, count: number): string {
  return Array.from({ length: count }, (_, i) => `A${i + 1}: ${rng.pick(BLOCKS)}, ${rng.int(1, 3)} block(s), embedded in toto.`).join('\n');
}

function labTable(rng: Rng): string {
  const rows: [string, string, number, number, number][] = [
    ['Hemoglobin', 'g/dL', 12.0, 15.5, 1], ['Leukocytes', '10^3/µL', 4.0, 10.0, 1], ['Neutrophils', '10^3/µL', 1.8, 7.5, 2], ['Platelets', '10^3/µL', 150, 400, 0],
    ['Creatinine', 'mg/dL', 0.5, 1.1, 2], ['eGFR (CKD-EPI)', 'mL/min/1.73 m²', 60, 120, 0], ['Sodium', 'mmol/L', 135, 145, 0], ['Potassium', 'mmol/L', 3.5, 5.1, 1],
    ['ALT', 'U/L', 0, 35, 0], ['AST', 'U/L', 0, 35, 0], ['Bilirubin, total', 'mg/dL', 0.1, 1.2, 2], ['Alkaline phosphatase', 'U/L', 35, 105, 0],
    ['LDH', 'U/L', 135, 250, 0], ['CRP', 'mg/L', 0, 5, 1], ['INR', '', 0.85, 1.15, 2], ['Albumin', 'g/dL', 3.5, 5.2, 1],
  ];
  return rows
    .map(([name, unit, low, high, digits]) => {
      const value = rng.float(low * 0.8, high * 1.25);
      const flag = value > high ? ' H' : value < low ? ' L' : '';
      return `  ${name.padEnd(22)} ${value.toFixed(digits).padStart(7)} ${unit.padEnd(15)} (${low}–${high})${flag}`;
    })
    .join('\n');
}

function pick<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const pool = [...items];
  return Array.from({ length: Math.min(count, pool.length) }, () => pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
}

/** The patient's ten reports, a few hundred to a few thousand characters each, with the usual TNM and marker phrases. */
export function reportsFor(plan: PatientPlan, now: Date): ReportRow[] {
  const rng = createRng(`bench-large/${plan.n}/reports`);
  const entity = ENTITY_PROFILES[plan.profile]!;
  const dx = plan.diagnosedAt.getTime();
  const tnm = `${plan.t} ${plan.n_} ${plan.m}`;
  const pT = plan.t.replace(/^c/, 'p');
  const pN = plan.n_.replace(/^c/, 'p');
  const nodesExamined = rng.int(12, 28);
  const nodesPositive = plan.n_ === 'cN0' ? 0 : rng.int(1, 5);
  const size = rng.int(12, 58);
  const grade = rng.pick(['G1', 'G2', 'G2', 'G3']);
  const findings = (k: number) => pick(rng, ORGANS, k).join('\n');
  const clinical = (k: number) => pick(rng, CLINICAL, k).join('\n');
  const mol = molecular(entity.entity, rng);
  const reports: Omit<ReportRow, 'id' | 'patientId'>[] = [
    {
      type: 'CLINICAL_NOTE', title: 'Referral letter', loincCode: '57133-1', authorName: rng.pick(AUTHORS.CLINICAL_NOTE), issuedAt: new Date(dx - 20 * DAY),
      text: `Dear colleagues,\nwe refer our patient for assessment by the tumor board. Suspected ${entity.icd10[1].toLowerCase()} on imaging.\n${clinical(rng.int(1, 4))}\nQuestion: ${plan.question}`,
      conclusion: `Referral for tumor board assessment: ${plan.question}`,
    },
    {
      type: 'RADIOLOGY', title: 'CT chest, abdomen and pelvis with contrast: staging', loincCode: '18748-4', authorName: rng.pick(AUTHORS.RADIOLOGY), issuedAt: new Date(dx - 14 * DAY),
      text: `Clinical information: staging of suspected ${entity.entity.toLowerCase()} cancer.\nComparison: none available.\nTechnique: multislice CT after intravenous contrast (80 mL iomeprol 350, portal venous phase), 1 mm reconstructions in three planes; CTDIvol ${rng.round(6, 14, 1)} mGy, DLP ${rng.int(450, 900)} mGy·cm.\nFindings:\nPrimary tumor measuring ${size} x ${rng.int(8, size)} mm in the axial plane, ${rng.pick(['spiculated', 'lobulated', 'ill-defined'])} margins, ${rng.pick(['no', 'questionable', 'no'])} infiltration of adjacent structures.\n${findings(7)}\nImpression: findings consistent with ${tnm}${plan.metastatic ? ', with distant metastases' : ', no distant metastasis'}.`,
      conclusion: `Radiological stage ${tnm}.`,
    },
    {
      type: 'PATHOLOGY', title: 'Histopathology: core biopsy', loincCode: '11526-1', authorName: rng.pick(AUTHORS.PATHOLOGY), issuedAt: new Date(dx - 7 * DAY),
      text: `Clinical information: ${plan.question} Suspected ${entity.icd10[1].toLowerCase()}.\nMaterial: ${rng.int(2, 5)} core biopsies, up to ${rng.int(8, 18)} mm.\n${blockList(rng, rng.int(2, 5))}\nImmunohistochemistry: ${pick(rng, IHC, rng.int(3, 6)).join(', ')}.\nMicroscopy: infiltrates of a ${grade === 'G3' ? 'poorly' : 'moderately'} differentiated carcinoma with desmoplastic stroma. ICD-O-3 ${entity.morphology}.\nDiagnosis: ${entity.icd10[1]}, grade ${grade}.`,
      conclusion: `Invasive carcinoma, ${grade}.`,
    },
    {
      type: 'MOLECULAR', title: 'Molecular pathology', loincCode: '51969-4', authorName: rng.pick(AUTHORS.MOLECULAR), issuedAt: new Date(dx),
      text: `Tumor cell content of the analysed area: ${rng.int(30, 80)} %.\n${mol}\nMethod: hybrid-capture NGS, mean coverage ${rng.int(600, 1400)}x; validated for variants down to 5 % allele frequency.`,
      conclusion: mol.split('. ')[0]!,
    },
    {
      type: 'RADIOLOGY', title: rng.pick(['PET-CT (18F-FDG)', 'MRI of the liver', 'Bone scintigraphy']), loincCode: '18748-4', authorName: rng.pick(AUTHORS.RADIOLOGY), issuedAt: new Date(dx + 7 * DAY),
      text: `Clinical information: completion of staging.\n${findings(rng.int(1, 5))}\nImpression: ${plan.metastatic ? 'metabolically active lesions consistent with metastases (M1b)' : 'no evidence of distant metastasis (M0)'}.`,
      conclusion: plan.metastatic ? 'Distant metastases (M1b).' : 'No distant metastasis.',
    },
    {
      type: 'CLINICAL_NOTE', title: 'Tumor board protocol', loincCode: '11506-3', authorName: rng.pick(AUTHORS.CLINICAL_NOTE), issuedAt: new Date(dx + 14 * DAY),
      text: `Present: ${pick(rng, ATTENDEES, rng.int(5, 10)).join(', ')}.\nDiagnosis: ${entity.icd10[0]} ${entity.icd10[1]}, ${tnm}, UICC stage ${plan.stage}, ECOG ${plan.ecog}.\n${clinical(rng.int(1, 4))}\nDiscussion: imaging and histology were reviewed together. ${mol}\nRecommendation: ${plan.surgery ? `${entity.surgery}, followed by` : ''} ${entity.regimen}${plan.radiotherapy ? ' and radiotherapy' : ''}. Re-presentation after completion of therapy.`,
      conclusion: `Recommendation: ${plan.surgery ? 'surgery, then ' : ''}${entity.regimen}.`,
    },
    {
      type: 'SURGICAL', title: 'Operative report', loincCode: '11504-8', authorName: rng.pick(AUTHORS.SURGICAL), issuedAt: new Date(dx + 30 * DAY),
      text: `Procedure: ${entity.surgery}.\nCourse: team time-out, single-shot antibiotic prophylaxis, uneventful anaesthesia. ${rng.pick(['Adhesions were released.', 'Anatomy regular.', 'Frozen section of the margin: tumor-free.'])} Estimated blood loss ${rng.int(50, 400)} mL. ${rng.int(12, 30)} lymph nodes removed en bloc.\nPostoperative plan: early mobilisation, thromboprophylaxis, analgesia per protocol.`,
      conclusion: 'Uneventful resection.',
    },
    {
      type: 'PATHOLOGY', title: 'Histopathology: resection specimen', loincCode: '11526-1', authorName: rng.pick(AUTHORS.PATHOLOGY), issuedAt: new Date(dx + 37 * DAY),
      text: `Clinical information: ${entity.surgery}; ${tnm} before surgery.\nMacroscopy: specimen received fresh, inked and sliced; tumor ${size} x ${rng.int(8, size)} x ${rng.int(6, 30)} mm, closest margin ${rng.int(2, 15)} mm.\n${blockList(rng, rng.int(8, 16))}\nMicroscopy: ${grade} carcinoma infiltrating the surrounding tissue; lymphovascular invasion ${rng.pick(['present (L1, V0)', 'absent (L0, V0)'])}, perineural invasion ${rng.pick(['present (Pn1)', 'absent (Pn0)'])}.\nLymph nodes: ${nodesPositive}/${nodesExamined} involved.\nTNM (UICC, 8th edition): ${pT} ${pN} (${nodesPositive}/${nodesExamined}) ${plan.metastatic ? 'pM1' : 'cM0'} ${grade} R0.\n${entity.entity === 'BREAST' ? mol : ''}`,
      conclusion: `${pT} ${pN} (${nodesPositive}/${nodesExamined}) ${grade} R0.`,
    },
    {
      type: 'CLINICAL_NOTE', title: 'Medical oncology consultation', loincCode: '11488-4', authorName: rng.pick(AUTHORS.CLINICAL_NOTE), issuedAt: new Date(dx + 60 * DAY),
      text: `Start of ${entity.regimen} (cycle 1 day 1). ${clinical(rng.int(2, 6))}\nLaboratory before the cycle (blood count and organ function within the limits for treatment):\n${labTable(rng)}\nSide effects discussed: fatigue, nausea, neuropathy, immune-related adverse events where applicable.`,
      conclusion: `Cycle 1 of ${entity.regimen} given.`,
    },
    {
      type: 'RADIOLOGY', title: 'CT chest, abdomen and pelvis: follow-up', loincCode: '18748-4', authorName: rng.pick(AUTHORS.RADIOLOGY), issuedAt: new Date(now.getTime() - rng.int(5, 60) * DAY),
      text: `Clinical information: restaging under ${entity.regimen}.\nComparison: CT of ${new Date(dx - 14 * DAY).toISOString().slice(0, 10)}.\nFindings:\nTarget lesions (RECIST 1.1): ${Array.from({ length: rng.int(1, 4) }, (_, i) => `T${i + 1} ${rng.int(8, 40)} mm (previously ${rng.int(8, 45)} mm)`).join('; ')}.\n${findings(7)}\nImpression: ${rng.pick(['partial response (RECIST 1.1)', 'stable disease (RECIST 1.1)', 'progressive disease with new liver lesions (RECIST 1.1)'])}.${rng.chance(0.3) ? `\n\nPrior report for reference (staging CT):\n${findings(7)}` : ''}`,
      conclusion: 'Restaging, see impression.',
    },
  ];
  return reports.map((r, k) => ({ ...r, id: benchId('brep', plan.n * 10 + k), patientId: plan.id }));
}

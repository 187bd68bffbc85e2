// A labelled evaluation set: sentences written for Konsil in the style of
// pathology, radiology, molecular and clinic reports (no real patient, nothing
// copied), each with the facts a clinician would want extracted. Values are
// normalized exactly as the extractor should produce them; for MUTATION the label
// (the gene) is part of the expectation, since "fusion" alone says little.
//
// The set is meant to be honest, not flattering: a few sentences state facts the
// rules cannot read yet (marked `limit`), so they count as misses in the score.
import type { Assertion, FactKind } from './types';

export interface ExpectedFact {
  kind: FactKind;
  value: string;
  assertion: Assertion;
  /** Compared only when given (always for MUTATION: the gene). */
  label?: string;
}

export interface LabelledSentence {
  id: string;
  source: 'pathology' | 'radiology' | 'molecular' | 'clinic';
  text: string;
  facts: ExpectedFact[];
  /** Why the sentence is here when it is not obvious, or which limit it shows. */
  note?: string;
  /** A fact the rules are known to miss; kept so the score does not hide it. */
  limit?: string;
}

const f = (kind: FactKind, value: string, assertion: Assertion = 'present'): ExpectedFact => ({ kind, value, assertion });
const mut = (gene: string, value: string, assertion: Assertion = 'present'): ExpectedFact => ({ kind: 'MUTATION', label: gene, value, assertion });

export const LABELLED_SENTENCES: readonly LabelledSentence[] = [
  // ── breast pathology ──
  { id: 'br-01', source: 'pathology', text: 'Invasive ductal carcinoma, grade 2, measuring 2.3 x 1.8 cm.', facts: [f('GRADE', 'G2'), f('TUMOR_SIZE', '23 mm')] },
  { id: 'br-02', source: 'pathology', text: 'ER positive (Allred 8/8), PR positive (Allred 6/8), HER2 negative (IHC 1+).', facts: [f('ER', 'positive (Allred 8)'), f('PR', 'positive (Allred 6)'), f('HER2', 'negative (IHC 1+)')], note: 'HER2 negative is a value; Allred 8/8 is not a node count' },
  { id: 'br-03', source: 'pathology', text: 'Estrogen receptor: 95% of tumor cells, strong intensity; progesterone receptor: 5%.', facts: [f('ER', '95%'), f('PR', '5%')] },
  { id: 'br-04', source: 'pathology', text: 'HER2 IHC 2+ (equivocal), FISH amplified (HER2/CEP17 ratio 2.4).', facts: [f('HER2', 'positive (IHC 2+, FISH amplified, ratio 2.4)')], note: 'ISH decides an equivocal IHC' },
  { id: 'br-05', source: 'pathology', text: 'Ki-67 proliferation index approximately 15%.', facts: [f('KI67', '15%')] },
  { id: 'br-06', source: 'pathology', text: 'Ki67: 10-20% (hot spots up to 30%).', facts: [f('KI67', '10–20%')] },
  { id: 'br-07', source: 'pathology', text: 'Triple-negative phenotype: ER 0%, PR 0%, HER2 0.', facts: [f('ER', '0%'), f('PR', '0%'), f('HER2', 'negative (IHC 0)')] },
  { id: 'br-08', source: 'pathology', text: 'Sentinel lymph node biopsy: 0/3 sn, no isolated tumor cells.', facts: [f('NODES', '0/3')] },
  { id: 'br-09', source: 'pathology', text: 'pT1c pN0(sn) cM0, G1, R0.', facts: [f('TNM', 'pT1c pN0(sn) cM0'), f('GRADE', 'G1'), f('MARGIN', 'R0')] },
  { id: 'br-10', source: 'pathology', text: 'pT1b(m) pN1mi(sn) M0, UICC stage IB.', facts: [f('TNM', 'pT1b(m) pN1mi(sn) M0'), f('STAGE_GROUP', 'IB')] },
  { id: 'br-11', source: 'pathology', text: 'Well differentiated invasive lobular carcinoma, 14 mm in greatest dimension.', facts: [f('GRADE', 'G1'), f('TUMOR_SIZE', '14 mm')] },
  { id: 'br-12', source: 'pathology', text: 'Ductal carcinoma in situ, high nuclear grade, with comedonecrosis.', facts: [], note: 'a nuclear grade is not the tumour grade' },
  { id: 'br-13', source: 'pathology', text: 'All margins are clear of invasive carcinoma and DCIS; the closest (anterior) margin is 3 mm.', facts: [f('MARGIN', 'free'), f('MARGIN', 'closest 3 mm')] },
  { id: 'br-14', source: 'pathology', text: 'No lymphovascular invasion identified.', facts: [], note: 'negated, but not a fact kind we extract' },
  { id: 'br-15', source: 'pathology', text: 'Lymphovascular invasion present (L1), no perineural invasion (Pn0).', facts: [] },
  { id: 'br-16', source: 'pathology', text: 'HER2-low (IHC 1+) breast cancer on the core biopsy.', facts: [f('HER2', 'low (IHC 1+)')] },
  { id: 'br-17', source: 'clinic', text: 'ER-positive, HER2-negative metastatic breast cancer.', facts: [f('ER', 'positive'), f('HER2', 'negative'), f('METASTASIS', 'unspecified')] },
  { id: 'br-18', source: 'pathology', text: 'ER and PR negative, HER2 positive (3+).', facts: [f('ER', 'negative'), f('PR', 'negative'), f('HER2', 'positive (IHC 3+)')] },
  { id: 'br-19', source: 'pathology', text: 'ER weakly positive (5%), PR negative.', facts: [f('ER', 'low positive (5%)'), f('PR', 'negative')] },
  { id: 'br-20', source: 'pathology', text: 'Tumor cells are ER+/PR-/HER2-.', facts: [f('ER', 'positive'), f('PR', 'negative'), f('HER2', 'negative')] },
  { id: 'br-21', source: 'pathology', text: 'HER2 was equivocal by IHC (2+) and not amplified by FISH (ratio 1.3).', facts: [f('HER2', 'negative (IHC 2+, FISH not amplified, ratio 1.3)')], note: '"not amplified" belongs to the HER2 value, not a negation' },
  { id: 'br-22', source: 'pathology', text: 'HER2 status: positive (IHC 3+).', facts: [f('HER2', 'positive (IHC 3+)')] },
  { id: 'br-23', source: 'pathology', text: 'Axillary dissection: 4/12 lymph nodes with metastatic carcinoma, largest deposit 14 mm.', facts: [f('NODES', '4/12')], note: 'the size of a nodal deposit is not the tumour size' },
  { id: 'br-24', source: 'pathology', text: 'Residual invasive carcinoma 6 mm, ypT1b ypN1a (1/9), RCB-II.', facts: [f('TUMOR_SIZE', '6 mm'), f('TNM', 'ypT1b ypN1a'), f('NODES', '1/9')] },
  { id: 'br-25', source: 'pathology', text: 'Ki-67 could not be assessed due to insufficient material.', facts: [] },
  { id: 'br-26', source: 'pathology', text: 'Ki-67 labelling index <5% in the hot spot.', facts: [f('KI67', '<5%')] },
  { id: 'br-27', source: 'pathology', text: 'MIB-1 proliferation index 40%, mitotic count 12 per 10 HPF.', facts: [f('KI67', '40%')] },
  { id: 'br-28', source: 'pathology', text: 'Invasive carcinoma NST, G3, Ki-67 of 30% and brisk TILs (sTIL 40%).', facts: [f('GRADE', 'G3'), f('KI67', '30%')] },

  // ── colorectal, upper GI, others ──
  { id: 'gi-01', source: 'pathology', text: 'Adenocarcinoma of the sigmoid colon, moderately differentiated (G2), pT3 pN1a (1/18), L0 V0 Pn0, R0.', facts: [f('GRADE', 'G2'), f('TNM', 'pT3 pN1a'), f('NODES', '1/18'), f('MARGIN', 'R0')] },
  { id: 'gi-02', source: 'pathology', text: 'Tumour regression grade 3 (Dworak), circumferential resection margin 4 mm.', facts: [f('MARGIN', 'circumferential 4 mm')], note: 'a regression grade is not the tumour grade' },
  { id: 'gi-03', source: 'pathology', text: 'Mismatch repair proteins retained (pMMR); microsatellite stable.', facts: [] },
  { id: 'gi-04', source: 'pathology', text: 'Twenty-two lymph nodes were examined, none of which contained metastatic carcinoma.', facts: [f('NODES', '0/22')], limit: 'node counts written in words are not read' },
  { id: 'gi-05', source: 'molecular', text: 'KRAS p.G12V mutation detected; NRAS and BRAF wild-type.', facts: [mut('KRAS', 'G12V'), mut('NRAS', 'wild-type', 'negated'), mut('BRAF', 'wild-type', 'negated')] },
  { id: 'gi-06', source: 'radiology', text: 'Liver MRI: three hepatic metastases, the largest 3.1 cm in segment VIII.', facts: [f('METASTASIS', 'liver'), f('TUMOR_SIZE', '31 mm')] },
  { id: 'gi-07', source: 'pathology', text: 'Poorly differentiated squamous cell carcinoma (G3) of the lower esophagus.', facts: [f('GRADE', 'G3')] },
  { id: 'gi-08', source: 'pathology', text: 'Resected specimen: 0 of 14 lymph nodes involved (pN0).', facts: [f('NODES', '0/14'), f('TNM', 'pN0')] },
  { id: 'gi-09', source: 'pathology', text: 'Circumferential margin clear (CRM 12 mm).', facts: [f('MARGIN', 'free'), f('MARGIN', 'CRM 12 mm')] },
  { id: 'gi-10', source: 'clinic', text: 'R2 resection due to residual peritoneal disease.', facts: [f('MARGIN', 'R2')] },
  { id: 'gi-11', source: 'radiology', text: 'Peritoneal carcinomatosis with moderate ascites.', facts: [f('METASTASIS', 'peritoneal')] },
  { id: 'gi-12', source: 'pathology', text: 'PD-L1 CPS 15 (22C3) in the gastric adenocarcinoma biopsy.', facts: [f('PDL1', 'CPS 15')] },
  { id: 'gi-13', source: 'pathology', text: 'Tumor extends to the inked posterior margin.', facts: [f('MARGIN', 'involved')], limit: 'tumour "at/extending to the margin" is not read as an involved margin' },

  // ── lung and molecular ──
  { id: 'lu-01', source: 'molecular', text: 'EGFR exon 21 L858R mutation detected, VAF 34%.', facts: [mut('EGFR', 'L858R')] },
  { id: 'lu-02', source: 'molecular', text: 'Molecular testing: EGFR wild-type, ALK rearrangement not detected (FISH), ROS1 negative by IHC.', facts: [mut('EGFR', 'wild-type', 'negated'), mut('ALK', 'fusion', 'negated'), mut('ROS1', 'fusion', 'negated')] },
  { id: 'lu-03', source: 'molecular', text: 'EML4-ALK fusion identified by RNA-based NGS.', facts: [mut('ALK', 'fusion')] },
  { id: 'lu-04', source: 'molecular', text: 'MET exon 14 skipping mutation (c.3082+1G>T) detected.', facts: [mut('MET', 'exon 14 skipping')] },
  { id: 'lu-05', source: 'molecular', text: 'High-level MET amplification (MET/CEP7 ratio 6.1).', facts: [mut('MET', 'amplification')] },
  { id: 'lu-06', source: 'clinic', text: 'PD-L1 (22C3) TPS 80%, ECOG performance status 1.', facts: [f('PDL1', 'TPS 80%'), f('ECOG', 'ECOG 1')] },
  { id: 'lu-07', source: 'clinic', text: 'PD-L1 expression <1% (TPS), so chemotherapy alone was recommended.', facts: [f('PDL1', 'TPS <1%')] },
  { id: 'lu-08', source: 'clinic', text: 'Stage IVA (cT2b cN2 cM1a) non-small cell lung cancer with malignant pleural effusion.', facts: [f('STAGE_GROUP', 'IVA'), f('TNM', 'cT2b cN2 cM1a')] },
  { id: 'lu-09', source: 'molecular', text: 'KRAS G12C (p.Gly12Cys) detected; STK11 and KEAP1 co-mutations present.', facts: [mut('KRAS', 'G12C')], note: 'genes outside the driver list are not reported' },
  { id: 'lu-10', source: 'molecular', text: 'No actionable driver alteration (EGFR, ALK, ROS1, BRAF, MET, RET, NTRK negative).', facts: [mut('EGFR', 'mutation', 'negated'), mut('ALK', 'fusion', 'negated'), mut('ROS1', 'fusion', 'negated'), mut('BRAF', 'mutation', 'negated'), mut('MET', 'mutation', 'negated'), mut('RET', 'fusion', 'negated'), mut('NTRK', 'fusion', 'negated')] },
  { id: 'lu-11', source: 'molecular', text: 'RET fusion (KIF5B-RET) detected.', facts: [mut('RET', 'fusion')] },
  { id: 'lu-12', source: 'molecular', text: 'ROS1 rearrangement cannot be excluded; confirmation by FISH is pending.', facts: [mut('ROS1', 'fusion', 'possible')] },
  { id: 'lu-13', source: 'molecular', text: 'PIK3CA mutation status: not detected.', facts: [mut('PIK3CA', 'mutation', 'negated')] },
  { id: 'lu-14', source: 'molecular', text: 'NTRK1/2/3 fusions were not detected.', facts: [mut('NTRK', 'fusion', 'negated')] },
  { id: 'lu-15', source: 'clinic', text: 'ALK-positive NSCLC on alectinib since 2023.', facts: [mut('ALK', 'fusion')] },
  { id: 'lu-16', source: 'molecular', text: 'ROS1 fusion-positive tumor with CD74 as the partner.', facts: [mut('ROS1', 'fusion')] },
  { id: 'lu-17', source: 'molecular', text: 'EGFR exon 20 insertion (p.A767_V769dup) detected.', facts: [mut('EGFR', 'exon 20 insertion')] },
  { id: 'lu-18', source: 'clinic', text: 'Clinically suspected EGFR mutation (never smoker); NGS is pending.', facts: [mut('EGFR', 'mutation', 'possible')] },
  { id: 'lu-19', source: 'clinic', text: 'Recommendation: molecular testing for EGFR, ALK, ROS1 and PD-L1 before first-line therapy.', facts: [], note: 'genes named without a result' },
  { id: 'lu-20', source: 'clinic', text: 'KRAS G12C inhibitor therapy is an option in second line.', facts: [], note: 'a drug class, not a finding' },
  { id: 'lu-21', source: 'molecular', text: 'No EGFR T790M mutation detected in plasma ctDNA.', facts: [mut('EGFR', 'T790M', 'negated')] },
  { id: 'lu-22', source: 'pathology', text: 'PD-L1 (SP263): TC 60%, IC 2%.', facts: [f('PDL1', 'TC 60%, IC 2%')] },
  { id: 'lu-23', source: 'pathology', text: 'PD-L1 negative (TPS <1%).', facts: [f('PDL1', 'negative (TPS <1%)')] },
  { id: 'lu-24', source: 'pathology', text: 'The tumor measures 4.5 cm in greatest dimension and invades the visceral pleura.', facts: [f('TUMOR_SIZE', '45 mm')] },

  // ── melanoma, prostate, kidney, head and neck ──
  { id: 'ot-01', source: 'molecular', text: 'BRAF V600E-mutant metastatic melanoma.', facts: [mut('BRAF', 'V600E'), f('METASTASIS', 'unspecified')] },
  { id: 'ot-02', source: 'pathology', text: 'Breslow thickness 1.2 mm, no ulceration, mitotic rate 2/mm2.', facts: [], note: 'millimetres and a fraction that are neither size nor nodes' },
  { id: 'ot-03', source: 'pathology', text: 'Sentinel node: micrometastasis (0.9 mm), pN1mi (sn).', facts: [f('TNM', 'pN1mi(sn)')], note: 'a micrometastasis is nodal, not distant' },
  { id: 'ot-04', source: 'pathology', text: 'Gleason score 3+4=7 (grade group 2) in 4 of 12 cores.', facts: [f('GRADE', 'Gleason 3+4=7'), f('GRADE', 'ISUP grade group 2')], note: '4 of 12 cores is not a node count' },
  { id: 'ot-05', source: 'pathology', text: 'ISUP grade 2 clear cell renal cell carcinoma, pT1a, 3.2 cm.', facts: [f('GRADE', 'ISUP grade 2'), f('TNM', 'pT1a'), f('TUMOR_SIZE', '32 mm')], note: 'renal ISUP grade, not a prostate grade group' },
  { id: 'ot-06', source: 'pathology', text: 'T2N1M0 squamous cell carcinoma of the tongue, G3.', facts: [f('TNM', 'T2 N1 M0'), f('GRADE', 'G3')] },
  { id: 'ot-07', source: 'pathology', text: 'pTX pNX cMX: the specimen was fragmented.', facts: [f('TNM', 'pTX pNX cMX')] },
  { id: 'ot-08', source: 'pathology', text: 'pTis (DCIS), pNX.', facts: [f('TNM', 'pTis pNX')] },
  { id: 'ot-09', source: 'clinic', text: 'Clinical staging cT3, cN2, cM1b.', facts: [f('TNM', 'cT3 cN2 cM1b')] },
  { id: 'ot-10', source: 'pathology', text: 'Final classification pT2/pN0/cM0.', facts: [f('TNM', 'pT2 pN0 cM0')] },
  { id: 'ot-11', source: 'radiology', text: 'T2-weighted images show a hyperintense lesion in the transition zone.', facts: [], note: 'an MRI weighting is not a T category' },
  { id: 'ot-12', source: 'pathology', text: 'Nottingham grade II (tubules 3, nuclei 2, mitoses 1).', facts: [f('GRADE', 'G2')] },
  { id: 'ot-13', source: 'clinic', text: 'Grade 3 neutropenia after the second cycle of docetaxel.', facts: [], note: 'a toxicity grade' },
  { id: 'ot-14', source: 'pathology', text: 'rpT2 N0 M0 recurrence in the anastomosis.', facts: [f('TNM', 'rpT2 N0 M0')] },
  { id: 'ot-15', source: 'pathology', text: 'Pathological complete response (ypT0 ypN0).', facts: [f('TNM', 'ypT0 ypN0')] },
  { id: 'ot-16', source: 'molecular', text: 'Germline testing: pathogenic BRCA2 variant (c.5946delT) identified.', facts: [mut('BRCA2', 'c.5946delT')] },
  { id: 'ot-17', source: 'molecular', text: 'Somatic tumour testing: BRCA1/2 wild-type.', facts: [mut('BRCA1', 'wild-type', 'negated'), mut('BRCA2', 'wild-type', 'negated')] },
  { id: 'ot-18', source: 'pathology', text: 'Margins: involved at the deep margin (R1).', facts: [f('MARGIN', 'involved'), f('MARGIN', 'R1')] },
  { id: 'ot-19', source: 'pathology', text: 'Resection margins negative; nearest margin 0.8 cm (medial).', facts: [f('MARGIN', 'free'), f('MARGIN', 'nearest 8 mm')] },
  { id: 'ot-20', source: 'pathology', text: 'Lymph nodes: 3 of 21 positive (pN1a), with extranodal extension.', facts: [f('NODES', '3/21'), f('TNM', 'pN1a')] },
  { id: 'ot-21', source: 'pathology', text: 'No evidence of residual tumor; margins cannot be assessed.', facts: [] },

  // ── radiology ──
  { id: 'ra-01', source: 'radiology', text: 'CT chest: 2.1 cm spiculated nodule in the right upper lobe.', facts: [f('TUMOR_SIZE', '21 mm')] },
  { id: 'ra-02', source: 'radiology', text: 'Multiple hypodense liver lesions, the largest measuring 1.8 cm, suspicious for metastases.', facts: [f('TUMOR_SIZE', '18 mm'), f('METASTASIS', 'unspecified', 'possible')] },
  { id: 'ra-03', source: 'radiology', text: 'Sclerotic lesion in L3, likely osseous metastasis.', facts: [f('METASTASIS', 'bone', 'possible')] },
  { id: 'ra-04', source: 'radiology', text: 'No evidence of distant metastatic disease.', facts: [f('METASTASIS', 'distant', 'negated')] },
  { id: 'ra-05', source: 'radiology', text: 'Enlarged right hilar lymph node measuring 15 mm in short axis.', facts: [], note: 'a lymph node measurement is not the tumour size' },
  { id: 'ra-06', source: 'radiology', text: 'Small pulmonary nodules, too small to characterize; metastases cannot be excluded.', facts: [f('METASTASIS', 'unspecified', 'possible')] },
  { id: 'ra-07', source: 'radiology', text: 'New brain metastases in the left frontal lobe, the largest 9 mm.', facts: [f('METASTASIS', 'brain'), f('TUMOR_SIZE', '9 mm')] },
  { id: 'ra-08', source: 'radiology', text: 'Compared with the prior study, the mass has decreased from 4.2 cm to 3.1 cm.', facts: [f('TUMOR_SIZE', '31 mm')], note: 'the earlier size is history' },
  { id: 'ra-09', source: 'radiology', text: 'Bones: No suspicious osseous lesion.', facts: [] },
  { id: 'ra-10', source: 'radiology', text: 'The previously described liver metastasis is no longer visible.', facts: [f('METASTASIS', 'liver', 'negated')] },
  { id: 'ra-11', source: 'radiology', text: 'Ill-defined 3 cm mass in the pancreatic head with vascular encasement.', facts: [f('TUMOR_SIZE', '30 mm')] },
  { id: 'ra-12', source: 'radiology', text: 'Slice thickness 1.25 mm; no focal lesion.', facts: [] },
  { id: 'ra-13', source: 'radiology', text: 'Adrenal nodule of 11 mm, most likely an adenoma; metastasis unlikely.', facts: [f('TUMOR_SIZE', '11 mm'), f('METASTASIS', 'unspecified', 'possible')], note: '"unlikely" is uncertainty, not a negation' },
  { id: 'ra-14', source: 'radiology', text: 'Findings are suggestive of hepatic metastases.', facts: [f('METASTASIS', 'liver', 'possible')] },
  { id: 'ra-15', source: 'radiology', text: 'There is no CT evidence of metastatic disease in the chest, abdomen or pelvis.', facts: [f('METASTASIS', 'unspecified', 'negated')] },
  { id: 'ra-16', source: 'radiology', text: 'Lesion in segment IV measuring 2,4 x 1,9 cm.', facts: [f('TUMOR_SIZE', '24 mm')], note: 'decimal comma' },
  { id: 'ra-17', source: 'radiology', text: 'Sum of target lesion diameters 54 mm (baseline 78 mm): partial response.', facts: [] },
  { id: 'ra-18', source: 'radiology', text: 'Equivocal bone scan uptake at T7, possibly osseous metastasis.', facts: [f('METASTASIS', 'bone', 'possible')], note: 'T7 is a vertebra' },
  { id: 'ra-19', source: 'radiology', text: 'Probable left adrenal metastasis, 18 mm.', facts: [f('METASTASIS', 'adrenal', 'possible'), f('TUMOR_SIZE', '18 mm')] },
  { id: 'ra-20', source: 'radiology', text: 'Lung nodule suspicious for metastasis versus a second primary.', facts: [f('METASTASIS', 'unspecified', 'possible')] },
  { id: 'ra-21', source: 'radiology', text: '?liver metastasis on ultrasound, MRI recommended.', facts: [f('METASTASIS', 'liver', 'possible')] },
  { id: 'ra-22', source: 'radiology', text: 'A 12 mm lymph node in the left axilla is suspicious.', facts: [] },
  { id: 'ra-23', source: 'radiology', text: 'No evidence of liver, adrenal or bone metastasis.', facts: [f('METASTASIS', 'liver', 'negated'), f('METASTASIS', 'adrenal', 'negated'), f('METASTASIS', 'bone', 'negated')] },
  { id: 'ra-24', source: 'radiology', text: 'Known hepatic metastases, stable; no new lesion.', facts: [f('METASTASIS', 'liver')] },
  { id: 'ra-25', source: 'radiology', text: 'Free of distant metastases on PET/CT.', facts: [f('METASTASIS', 'distant', 'negated')] },

  // ── clinic notes ──
  { id: 'cl-01', source: 'clinic', text: '67-year-old woman, ECOG 0, with newly diagnosed stage IIIA adenocarcinoma of the lung.', facts: [f('ECOG', 'ECOG 0'), f('STAGE_GROUP', 'IIIA')] },
  { id: 'cl-02', source: 'clinic', text: 'WHO performance status 2 due to bone pain.', facts: [f('ECOG', 'ECOG 2')] },
  { id: 'cl-03', source: 'clinic', text: 'PS 1, weight loss of 5 kg over 3 months.', facts: [f('ECOG', 'ECOG 1')] },
  { id: 'cl-04', source: 'clinic', text: 'Karnofsky performance status 70%.', facts: [f('ECOG', 'KPS 70%')] },
  { id: 'cl-05', source: 'clinic', text: "The patient's performance status has declined (ECOG 3).", facts: [f('ECOG', 'ECOG 3')] },
  { id: 'cl-06', source: 'clinic', text: 'Discussed in the tumor board: cT4 cN3 cM0, UICC stage IIIC, not resectable.', facts: [f('TNM', 'cT4 cN3 cM0'), f('STAGE_GROUP', 'IIIC')] },
  { id: 'cl-07', source: 'clinic', text: 'Recurrent disease 2 years after surgery; CEA 45 ng/mL.', facts: [] },
  { id: 'cl-08', source: 'clinic', text: 'Prior history of colon cancer stage II, treated with surgery alone.', facts: [f('STAGE_GROUP', 'II')] },
  { id: 'cl-09', source: 'clinic', text: 'Patient is a 58-year-old man with 40 pack-years of smoking.', facts: [] },
  { id: 'cl-10', source: 'clinic', text: 'Follow-up in 3 months with CT of the chest and abdomen.', facts: [] },
  { id: 'cl-11', source: 'clinic', text: 'Stage IV disease is likely given the PET findings.', facts: [f('STAGE_GROUP', 'IV', 'possible')] },
  { id: 'cl-12', source: 'clinic', text: 'CKD stage 3 limits the use of cisplatin.', facts: [], note: 'a kidney stage' },
  { id: 'cl-13', source: 'clinic', text: 'ECOG 1; EGFR-mutant (exon 19 deletion) lung adenocarcinoma progressing on osimertinib.', facts: [f('ECOG', 'ECOG 1'), mut('EGFR', 'exon 19 deletion')] },
  { id: 'cl-14', source: 'clinic', text: 'HR+/HER2- disease without visceral metastases.', facts: [f('HER2', 'negative'), f('METASTASIS', 'visceral', 'negated')] },

  // ── written after the rules were in place, scored once before any rule changed ──
  { id: 'ho-01', source: 'pathology', text: 'Invasive carcinoma of no special type, Nottingham grade 3 (3+3+2), size 32 mm.', facts: [f('GRADE', 'G3'), f('TUMOR_SIZE', '32 mm')] },
  { id: 'ho-02', source: 'pathology', text: 'Oestrogen receptor positive (Allred score 7), progesterone receptor negative (Allred score 0).', facts: [f('ER', 'positive (Allred 7)'), f('PR', 'negative (Allred 0)')] },
  { id: 'ho-03', source: 'pathology', text: 'HER2 immunohistochemistry score 3+, positive.', facts: [f('HER2', 'positive (IHC 3+)')] },
  { id: 'ho-04', source: 'pathology', text: 'Lymph node status: 0/15 (pN0).', facts: [f('NODES', '0/15'), f('TNM', 'pN0')] },
  { id: 'ho-05', source: 'pathology', text: 'The closest margin is the deep margin at 1.5 mm.', facts: [f('MARGIN', 'deep 1.5 mm')] },
  { id: 'ho-06', source: 'pathology', text: 'Surgical margins are free of tumor (R0).', facts: [f('MARGIN', 'free'), f('MARGIN', 'R0')] },
  { id: 'ho-07', source: 'pathology', text: 'Ki-67: approx. 70%.', facts: [f('KI67', '70%')] },
  { id: 'ho-08', source: 'pathology', text: 'PD-L1 tumor proportion score (TPS) 55% with clone 22C3.', facts: [f('PDL1', 'TPS 55%')] },
  { id: 'ho-09', source: 'molecular', text: 'NGS: BRAF p.V600E, VAF 41%; no NRAS or KIT mutation.', facts: [mut('BRAF', 'V600E'), mut('NRAS', 'mutation', 'negated')] },
  { id: 'ho-10', source: 'molecular', text: 'EGFR L858R and T790M detected.', facts: [mut('EGFR', 'L858R'), mut('EGFR', 'T790M')] },
  { id: 'ho-11', source: 'pathology', text: 'ALK status: negative (D5F3 immunohistochemistry).', facts: [mut('ALK', 'fusion', 'negated')] },
  { id: 'ho-12', source: 'molecular', text: 'MET exon 14 skipping alteration not detected.', facts: [mut('MET', 'exon 14 skipping', 'negated')] },
  { id: 'ho-13', source: 'molecular', text: 'KRAS wildtype, BRAF wildtype.', facts: [mut('KRAS', 'wild-type', 'negated'), mut('BRAF', 'wild-type', 'negated')] },
  { id: 'ho-14', source: 'radiology', text: 'Multiple bilateral pulmonary metastases, the largest 22 mm in the right lower lobe.', facts: [f('METASTASIS', 'lung'), f('TUMOR_SIZE', '22 mm')] },
  { id: 'ho-15', source: 'radiology', text: 'No signs of peritoneal carcinomatosis.', facts: [f('METASTASIS', 'peritoneal', 'negated')] },
  { id: 'ho-16', source: 'radiology', text: 'Osteolytic lesion of the left iliac bone highly suspicious for bone metastasis.', facts: [f('METASTASIS', 'bone', 'possible')] },
  { id: 'ho-17', source: 'radiology', text: 'Hepatic lesion, indeterminate; metastasis is not excluded.', facts: [f('METASTASIS', 'unspecified', 'possible')] },
  { id: 'ho-18', source: 'clinic', text: 'cT2 cN1 M0 (UICC 8th edition), stage IIB.', facts: [f('TNM', 'cT2 cN1 M0'), f('STAGE_GROUP', 'IIB')] },
  { id: 'ho-19', source: 'pathology', text: 'ypT3 ypN2a (5/17) L1 V1 R1 (circumferential).', facts: [f('TNM', 'ypT3 ypN2a'), f('NODES', '5/17'), f('MARGIN', 'R1')] },
  { id: 'ho-20', source: 'clinic', text: 'Patient in good general condition, ECOG PS 0-1.', facts: [f('ECOG', 'ECOG 0-1')] },
  { id: 'ho-21', source: 'clinic', text: 'Performance status: ECOG 2.', facts: [f('ECOG', 'ECOG 2')] },
  { id: 'ho-22', source: 'pathology', text: 'Tumor size 1.7 cm; grade 1; no lymphovascular invasion.', facts: [f('TUMOR_SIZE', '17 mm'), f('GRADE', 'G1')] },
  { id: 'ho-23', source: 'pathology', text: 'Prostate adenocarcinoma, Gleason 7 (3+4), ISUP grade group 2, PSA 8.2 ng/mL.', facts: [f('GRADE', 'Gleason 3+4=7'), f('GRADE', 'ISUP grade group 2')] },
  { id: 'ho-24', source: 'radiology', text: 'Staging CT shows no distant metastases.', facts: [f('METASTASIS', 'distant', 'negated')] },
  { id: 'ho-25', source: 'radiology', text: 'The tumour (3.4 x 2.9 x 2.1 cm) abuts but does not invade the pleura.', facts: [f('TUMOR_SIZE', '34 mm')] },
  { id: 'ho-26', source: 'pathology', text: 'HER2-positive (FISH ratio 3.1) gastric cancer.', facts: [f('HER2', 'positive (ratio 3.1)')] },
  { id: 'ho-27', source: 'radiology', text: 'No evidence of recurrence or metastatic disease.', facts: [f('METASTASIS', 'unspecified', 'negated')] },
  { id: 'ho-28', source: 'pathology', text: 'Two of 3 sentinel lymph nodes positive for metastatic carcinoma.', facts: [f('NODES', '2/3')] },
  { id: 'ho-29', source: 'pathology', text: 'Adenocarcinoma, pT2 pN0 (0/23) M0 G2 R0.', facts: [f('TNM', 'pT2 pN0 M0'), f('NODES', '0/23'), f('GRADE', 'G2'), f('MARGIN', 'R0')] },
  { id: 'ho-30', source: 'clinic', text: 'Assessment of ER, PR and HER2 is pending.', facts: [] },
  { id: 'ho-31', source: 'radiology', text: 'Suspected brain metastasis; MRI to follow.', facts: [f('METASTASIS', 'brain', 'possible')] },
  { id: 'ho-32', source: 'pathology', text: 'Progesterone receptor expression 60%.', facts: [f('PR', '60%')] },
];

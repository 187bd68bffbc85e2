// TNM categories and stage group (mCODE TNM profiles; LOINC codes for clinical
// and pathological staging; AJCC 8th edition values), ECOG performance status
// (LOINC 89247-1 with LOINC answer codes) and the Karnofsky score (LOINC 89243-0).
import type { Observation } from '@medplum/fhirtypes';
import { fhirDate } from '../dates';
import { PROFILE, SYSTEM, loinc, snomed } from '../clinical/code-systems';
import type { StageSpec } from '../clinical/story';
import { codeable, syntheticMeta } from './transaction-bundle';

const TNM_CODES = {
  clinical: { t: loinc('21905-5', 'Primary tumor.clinical [Class] Cancer'), n: loinc('21906-3', 'Regional lymph nodes.clinical [Class] Cancer'), m: loinc('21907-1', 'Distant metastases.clinical [Class] Cancer'), group: loinc('21908-9', 'Stage group.clinical Cancer') },
  pathological: { t: loinc('21899-0', 'Primary tumor.pathology Cancer'), n: loinc('21900-6', 'Regional lymph nodes.pathology [Class] Cancer'), m: loinc('21901-4', 'Distant metastases.pathology [Class] Cancer'), group: loinc('21902-2', 'Stage group.pathology Cancer') },
} as const;
const AJCC_8 = snomed('897275008', 'American Joint Commission on Cancer, Cancer Staging Manual, 8th edition neoplasm staging system');
const PROFILES = { t: PROFILE.tnmT, n: PROFILE.tnmN, m: PROFILE.tnmM, group: PROFILE.tnmStageGroup } as const;

export type TnmPart = 't' | 'n' | 'm' | 'group';

/** AJCC value code: prefix c/p/yp + category, or the bare stage group ("IIIA"). */
export function ajccValue(stage: StageSpec, part: TnmPart): string {
  if (part === 'group') return stage.group;
  const prefix = stage.kind === 'clinical' ? 'c' : stage.afterNeoadjuvant ? 'yp' : 'p';
  // M is never pathological without histology of the metastasis: pM0 does not exist, cM0 is used.
  if (part === 'm' && stage.kind === 'pathological' && stage.m === 'M0') return 'cM0';
  return prefix + stage[part];
}

export function tnmObservation(stage: StageSpec, part: TnmPart, refs: { patient: string; condition: string; members?: string[] }): Observation {
  const value = ajccValue(stage, part);
  return {
    resourceType: 'Observation',
    meta: syntheticMeta(PROFILES[part]),
    status: 'final',
    category: [codeable({ system: SYSTEM.observationCategory, code: 'survey', display: 'Survey' })],
    code: codeable(TNM_CODES[stage.kind][part]),
    subject: { reference: refs.patient },
    focus: [{ reference: refs.condition }],
    effectiveDateTime: fhirDate(stage.date),
    valueCodeableConcept: { coding: [{ system: SYSTEM.ajcc, code: value, display: part === 'group' ? `Stage ${value}` : value }], text: part === 'group' ? `Stage ${value}` : value },
    method: codeable(AJCC_8),
    ...(refs.members ? { hasMember: refs.members.map((reference) => ({ reference })) } : {}),
  };
}

const ECOG_ANSWERS = [
  ['LA9622-7', 'Fully active, able to carry on all pre-disease performance without restriction'],
  ['LA9623-5', 'Restricted in physically strenuous activity but ambulatory and able to carry out work of a light or sedentary nature, e.g., light house work, office work'],
  ['LA9624-3', 'Ambulatory and capable of all selfcare but unable to carry out any work activities. Up and about more than 50% of waking hours'],
  ['LA9625-0', 'Capable of only limited selfcare, confined to bed or chair more than 50% of waking hours'],
  ['LA9626-8', 'Completely disabled. Cannot carry on any selfcare. Totally confined to bed or chair'],
  ['LA9627-6', 'Dead'],
] as const;

export function ecogObservation(value: number, date: Date, patientRef: string, conditionRef: string): Observation {
  const answer = ECOG_ANSWERS[value];
  if (!answer) throw new Error(`ECOG ${value} is outside 0–5`);
  return {
    resourceType: 'Observation',
    meta: syntheticMeta(PROFILE.ecog),
    status: 'final',
    category: [codeable({ system: SYSTEM.observationCategory, code: 'survey', display: 'Survey' })],
    code: codeable(loinc('89247-1', 'ECOG Performance Status score')),
    subject: { reference: patientRef },
    focus: [{ reference: conditionRef }],
    effectiveDateTime: fhirDate(date),
    valueCodeableConcept: { coding: [{ system: SYSTEM.loinc, code: answer[0], display: answer[1] }], text: `ECOG ${value}` },
  };
}

export function karnofskyObservation(value: number, date: Date, patientRef: string, conditionRef: string): Observation {
  if (!Number.isInteger(value / 10) || value < 0 || value > 100) throw new Error(`Karnofsky ${value} is not one of 0, 10, … 100`);
  return {
    resourceType: 'Observation',
    meta: syntheticMeta(PROFILE.karnofsky),
    status: 'final',
    category: [codeable({ system: SYSTEM.observationCategory, code: 'survey', display: 'Survey' })],
    code: codeable(loinc('89243-0', 'Karnofsky Performance Status score')),
    subject: { reference: patientRef },
    focus: [{ reference: conditionRef }],
    effectiveDateTime: fhirDate(date),
    valueInteger: value,
  };
}

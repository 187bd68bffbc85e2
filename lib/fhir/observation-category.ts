// Which Konsil category an Observation belongs to. The code decides before the
// FHIR category: mCODE staging and performance-status observations carry
// category "survey" or none, yet the case screen shows them in their own panels.
import type { Observation } from '@medplum/fhirtypes';
import type { ObservationCategory } from '@/lib/generated/prisma/enums';
import { PERFORMANCE_STATUS_CODES, STAGING_CODES, SYSTEM } from './code-systems';
import { hasCode } from './fhir-values';

const VITAL_SIGNS_PROFILE = 'http://hl7.org/fhir/StructureDefinition/vitalsigns';

export function observationCategory(observation: Observation): ObservationCategory {
  const codes = (observation.code?.coding ?? []).map((c) => `${c.system}|${c.code}`);
  if (codes.some((c) => STAGING_CODES.has(c))) return 'STAGING';
  if (codes.some((c) => PERFORMANCE_STATUS_CODES.has(c))) return 'PERFORMANCE_STATUS';
  if (hasCode(observation.category, SYSTEM.observationCategory, 'vital-signs')) return 'VITAL_SIGN';
  if ((observation.meta?.profile ?? []).some((p) => p.split('|')[0] === VITAL_SIGNS_PROFILE)) return 'VITAL_SIGN';
  if (hasCode(observation.category, SYSTEM.observationCategory, 'laboratory')) return 'LABORATORY';
  return 'OTHER';
}

// Words people read for the decision's closed vocabularies: the editor, the read-only and conflict
// views, the protocol PDFs, the FHIR export's displays and the follow-up summaries all use these,
// so a signed decision reads the same on screen, on paper and in the hospital's system.
import type { GuidelineBasis, Modality, Sequencing, TreatmentIntent } from '@/lib/schemas/decision';

export const intentLabels: Record<TreatmentIntent, string> = { CURATIVE: 'Curative', PALLIATIVE: 'Palliative', UNCLEAR: 'Unclear' };

export const modalityLabels: Record<Modality, string> = {
  SURGERY: 'Surgery',
  SYSTEMIC_THERAPY: 'Systemic therapy',
  RADIOTHERAPY: 'Radiotherapy',
  RADIOCHEMOTHERAPY: 'Radiochemotherapy',
  ACTIVE_SURVEILLANCE: 'Active surveillance',
  BEST_SUPPORTIVE_CARE: 'Best supportive care',
  FURTHER_DIAGNOSTICS: 'Further diagnostics',
  CLINICAL_TRIAL: 'Clinical trial referral',
  SECOND_OPINION: 'Second opinion',
};

export const sequencingLabels: Record<Sequencing, string> = { NEOADJUVANT: 'Neoadjuvant', ADJUVANT: 'Adjuvant', DEFINITIVE: 'Definitive', NOT_APPLICABLE: 'Not applicable' };

export const guidelineLabels: Record<GuidelineBasis, string> = {
  NCCN: 'NCCN',
  ESMO: 'ESMO',
  S3: 'S3 guideline (AWMF)',
  ASCO: 'ASCO',
  INSTITUTIONAL: 'Institutional standard',
  OTHER: 'Other',
  NONE: 'None',
};

export const followUpStatusLabels = { OPEN: 'Open', IMPLEMENTED: 'Implemented', MODIFIED: 'Modified', NOT_IMPLEMENTED: 'Not implemented' } as const;

/** RT and RCT carry dose and fractions; a trial referral its registry id. */
export const hasDose = (m: Modality) => m === 'RADIOTHERAPY' || m === 'RADIOCHEMOTHERAPY';
export const hasTrialId = (m: Modality) => m === 'CLINICAL_TRIAL';

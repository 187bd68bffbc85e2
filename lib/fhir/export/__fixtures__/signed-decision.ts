// A signed (amended) decision as the exporters and the protocol PDF receive it: every field used,
// including a radiotherapy dose, two drugs of one regimen, a trial, a dissent and a model output
// the clinician disagreed with. Shared by the mapping and PDF tests.
import { decisionContentSchema } from '@/lib/schemas/decision';
import type { DecisionExportData, ExportPerson } from '../export-input';

const signer: ExportPerson = { id: 'usrsigner000000000000001', name: 'Ada Signer', title: 'Dr. med.', specialty: 'MEDICAL_ONCOLOGY' };
const referrer: ExportPerson = { id: 'usrreferrer0000000000001', name: 'Bo Referrer', title: null, specialty: 'GYNECOLOGY' };
const radiologist: ExportPerson = { id: 'usrradiology000000000001', name: 'Cy Radiologist', title: null, specialty: 'RADIOLOGY' };

export const signedDecisionFixture: DecisionExportData = {
  decision: { id: 'dec-1', status: 'SIGNED' },
  version: {
    id: 'ver-2',
    number: 2,
    signedAt: '2026-11-24T16:40:00.000Z',
    signedBy: signer,
    amendmentReason: 'Dose corrected after the physics review',
    contentSha256: 'a'.repeat(64),
    content: decisionContentSchema.parse({
      intent: 'CURATIVE',
      recommendations: [
        {
          id: 'rec-surgery',
          modality: 'SURGERY',
          sequencing: 'DEFINITIVE',
          codes: [{ system: 'http://snomed.info/sct', code: '172043006', display: 'Segmental mastectomy' }],
          details: 'Breast-conserving surgery with sentinel node biopsy',
        },
        {
          id: 'rec-chemo',
          modality: 'SYSTEMIC_THERAPY',
          sequencing: 'ADJUVANT',
          codes: [
            { system: 'http://www.whocc.no/atc', code: 'L01CD01', display: 'paclitaxel' },
            { system: 'http://www.whocc.no/atc', code: 'L01XC03', display: 'trastuzumab' },
          ],
          details: '12× paclitaxel weekly with trastuzumab q3w',
        },
        { id: 'rec-rt', modality: 'RADIOTHERAPY', sequencing: 'ADJUVANT', details: 'Whole-breast irradiation', totalDoseGy: 40.05, fractions: 15 },
        { id: 'rec-trial', modality: 'CLINICAL_TRIAL', sequencing: 'NOT_APPLICABLE', details: 'Screen for the de-escalation trial', trialId: 'NCT01234567' },
      ],
      guideline: { basis: 'S3', reference: 'S3-Leitlinie Mammakarzinom 4.4, Empfehlung 4.29', deviates: true, deviationReason: 'Patient declined anthracyclines' },
      trial: { considered: true, id: 'NCT01234567' },
      patientPreference: 'Wishes to avoid anthracyclines <b>not html</b>',
      rationale: 'HER2-positive, node-negative; guideline therapy without anthracyclines.',
      dissents: [{ userId: null, name: 'Dr. Dee Dissent', statement: 'Would add pertuzumab.' }],
      attendeeIds: ['usrsigner000000000000001', 'usrradiology000000000001'],
      consideredResultIds: ['res00000000000000000001'],
    }),
  },
  history: [
    { number: 1, signedAt: '2026-11-24T16:20:00.000Z', signedBy: signer, amendmentReason: null, contentSha256: 'b'.repeat(64) },
    { number: 2, signedAt: '2026-11-24T16:40:00.000Z', signedBy: signer, amendmentReason: 'Dose corrected after the physics review', contentSha256: 'a'.repeat(64) },
  ],
  patient: { id: 'pat-1', mrn: 'SYN-900001', mrnSystem: null, familyName: 'Muster', givenName: 'Erika', birthDate: '1961-03-14', sex: 'FEMALE', isSynthetic: true },
  case: {
    id: 'case-1',
    question: 'Adjuvant therapy after breast-conserving surgery?',
    entity: 'BREAST',
    icd10Code: 'C50.4',
    icd10Display: 'Malignant neoplasm: upper-outer quadrant of breast',
    referredAt: '2026-11-20T09:00:00.000Z',
    referrer,
  },
  board: { id: 'board-1', name: 'Breast tumor board', timeZone: 'Europe/Berlin' },
  meeting: { id: 'meet-1', startsAt: '2026-11-24T15:00:00.000Z', durationMinutes: 90, status: 'CLOSED', location: 'Room 3' },
  attendees: [signer, radiologist],
  considered: [
    {
      resultId: 'res00000000000000000001',
      modelKey: 'breast-malignancy-wdbc',
      modelName: 'WDBC malignancy classifier',
      semver: '1.0.0',
      modelFileSha256: 'c'.repeat(64),
      inputHash: 'd'.repeat(64),
      summary: 'probability of malignancy 0.93',
      mark: 'DISAGREE',
      reason: 'FNA taken before neoadjuvant therapy',
    },
  ],
  followUp: { owner: referrer, dueOn: '2027-02-22', status: 'OPEN' },
};

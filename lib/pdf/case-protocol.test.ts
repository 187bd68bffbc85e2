import { describe, expect, it } from 'vitest';
import { signedDecisionFixture } from '@/lib/fhir/export/__fixtures__/signed-decision';
import type { DecisionExportData } from '@/lib/fhir/export/export-input';
import { renderCaseProtocol } from './case-protocol';
import { pdfText } from './pdf-text';

const at = new Date('2026-11-25T08:00:00Z');
/** The text runs joined: react-pdf splits a line wherever the font or encoding changes. */
const textOf = async (data: DecisionExportData) => pdfText(await renderCaseProtocol(data, at)).replace(/\n/g, '');

describe('renderCaseProtocol', () => {
  it('names the version and content hash in the PDF subject', async () => {
    const pdf = await renderCaseProtocol(signedDecisionFixture, at);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain(`decision version 2, content sha256 ${'a'.repeat(64)}`);
  }, 30_000);

  it('holds the letter: patient, question, decision with codes, guideline, dissent, models, signature, history, follow-up', async () => {
    const text = await textOf(signedDecisionFixture);
    for (const expected of [
      'Breast tumor board',
      'To: Bo Referrer (Gynecology)',
      'Muster, Erika, born 14 Mar 1961, MRN SYN-900001',
      'SYNTHETIC DEMO PATIENT',
      'C50.4 Malignant neoplasm: upper-outer quadrant of breast',
      'Question: Adjuvant therapy after breast-conserving surgery?',
      'Tue, 24 Nov 2026, 16:00 (Europe/Berlin)',
      'Cy Radiologist (Radiology)',
      '(Amended: version 2)',
      'Treatment intent: Curative',
      'Surgery, definitive',
      'Segmental mastectomy (SNOMED CT 172043006)',
      'paclitaxel (ATC L01CD01)',
      '40.05 Gy in 15 fractions',
      'Trial NCT01234567',
      'Deviation from the guideline: Patient declined anthracyclines',
      'Patient preference: Wishes to avoid anthracyclines <b>not html</b>',
      'Dissent (Dr. Dee Dissent): Would add pertuzumab.',
      'research use only',
      'WDBC malignancy classifier 1.0.0 (model file sha256 cccccccccccc): probability of malignancy 0.93',
      "Clinician's mark: disagreed: FNA taken before neoadjuvant therapy",
      'Signed by: Dr. med. Ada Signer (Medical oncology), Tue, 24 Nov 2026, 17:40',
      `content sha256 ${'a'.repeat(64)}`,
      'Version 1: Dr. med. Ada Signer (Medical oncology), Tue, 24 Nov 2026, 17:20 (first signature)',
      'Version 2: Dr. med. Ada Signer (Medical oncology), Tue, 24 Nov 2026, 17:40: Dose corrected after the physics review',
      'Bo Referrer (Gynecology) confirms by 22 Feb 2027',
    ]) {
      expect(text).toContain(expected);
    }
  }, 30_000);

  it('says nothing about amendments for a first version, and no synthetic mark for a real patient', async () => {
    const first: DecisionExportData = {
      ...signedDecisionFixture,
      version: { ...signedDecisionFixture.version, number: 1, amendmentReason: null },
      history: [signedDecisionFixture.history[0]!],
      patient: { ...signedDecisionFixture.patient, isSynthetic: false },
    };
    const text = await textOf(first);
    expect(text).not.toContain('Amended');
    expect(text).not.toContain('Amendment history');
    expect(text).not.toContain('SYNTHETIC');
  }, 30_000);

  it('prints text outside WinAnsi as written: the letter must say what was signed', async () => {
    const unicode = '≤ ≥ → × Δ µ Łukasz Wąsowski Ölçer';
    const data: DecisionExportData = {
      ...signedDecisionFixture,
      version: {
        ...signedDecisionFixture.version,
        content: { ...signedDecisionFixture.version.content, rationale: `ECOG ≤ 1, 4x EC → 12× paclitaxel; ${unicode}` },
      },
      patient: { ...signedDecisionFixture.patient, familyName: 'Wąsowski', givenName: 'Łukasz' },
      case: { ...signedDecisionFixture.case, referrer: { ...signedDecisionFixture.case.referrer, name: 'Ayşe Ölçer' } },
    };
    const text = await textOf(data);
    expect(text).toContain(`Rationale: ECOG ≤ 1, 4x EC → 12× paclitaxel; ${unicode}`);
    expect(text).toContain('Wąsowski, Łukasz, born 14 Mar 1961');
    expect(text).toContain('To: Ayşe Ölçer (Gynecology)');
    expect(text).not.toContain('\uFFFD');
  }, 30_000);
});

// One line saying what the board recommended, for the follow-up list and the overdue
// notification's reader: the intent and each recommendation's kind with its details or codes.
// Pure, so the page and tests share it.
import type { DecisionContent } from '@/lib/schemas/decision';

const modalityLabel: Record<DecisionContent['recommendations'][number]['modality'], string> = {
  SURGERY: 'Surgery',
  SYSTEMIC_THERAPY: 'Systemic therapy',
  RADIOTHERAPY: 'Radiotherapy',
  RADIOCHEMOTHERAPY: 'Radiochemotherapy',
  ACTIVE_SURVEILLANCE: 'Active surveillance',
  BEST_SUPPORTIVE_CARE: 'Best supportive care',
  FURTHER_DIAGNOSTICS: 'Further diagnostics',
  CLINICAL_TRIAL: 'Clinical trial',
  SECOND_OPINION: 'Second opinion',
};

const intentLabel = { CURATIVE: 'Curative', PALLIATIVE: 'Palliative', UNCLEAR: 'Intent unclear' } as const;

export function summariseRecommendation(content: Pick<DecisionContent, 'intent' | 'recommendations'>): string {
  const parts = content.recommendations.map((r) => {
    const what = r.details || r.codes.map((c) => c.display).join(', ') || r.trialId;
    return what ? `${modalityLabel[r.modality]}: ${what}` : modalityLabel[r.modality];
  });
  const intent = content.intent ? `${intentLabel[content.intent]}. ` : '';
  return parts.length > 0 ? `${intent}${parts.join('; ')}` : `${intent}No recommendation recorded.`.trim();
}

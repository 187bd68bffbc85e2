// One line saying what the board recommended, for the follow-up list and the overdue
// notification's reader: the intent and each recommendation's kind with its details or codes.
// Pure, so the page and tests share it.
import { intentLabels, modalityLabels } from '@/lib/decisions/decision-labels';
import type { DecisionContent } from '@/lib/schemas/decision';

export function summariseRecommendation(content: Pick<DecisionContent, 'intent' | 'recommendations'>): string {
  const parts = content.recommendations.map((r) => {
    const what = r.details || r.codes.map((c) => c.display).join(', ') || r.trialId;
    return what ? `${modalityLabels[r.modality]}: ${what}` : modalityLabels[r.modality];
  });
  const intent = content.intent ? `${intentLabels[content.intent]} intent. ` : '';
  return parts.length > 0 ? `${intent}${parts.join('; ')}` : `${intent}No recommendation recorded.`.trim();
}

import { describe, expect, it } from 'vitest';
import { decisionContentSchema } from '@/lib/schemas/decision';
import { summariseRecommendation } from './recommendation-summary';

describe('summariseRecommendation', () => {
  it('names the intent and each recommendation with its details, else its codes', () => {
    const content = decisionContentSchema.parse({
      intent: 'CURATIVE',
      recommendations: [
        { id: 'r1', modality: 'SURGERY', details: 'Lobectomy' },
        { id: 'r2', modality: 'SYSTEMIC_THERAPY', codes: [{ system: 'http://www.whocc.no/atc', code: 'L01XC18', display: 'Pembrolizumab' }] },
        { id: 'r3', modality: 'ACTIVE_SURVEILLANCE' },
      ],
    });
    expect(summariseRecommendation(content)).toBe('Curative intent. Surgery: Lobectomy; Systemic therapy: Pembrolizumab; Active surveillance');
  });

  it('says when nothing was recommended', () => {
    expect(summariseRecommendation(decisionContentSchema.parse({}))).toBe('No recommendation recorded.');
  });
});

import { describe, expect, it } from 'vitest';
import { formatOutputs } from './format-outputs';

describe('formatOutputs', () => {
  it('writes a classifier and a survival model the way the registry shows them', () => {
    expect(formatOutputs({ probability: [0.995] }, null)).toBe('probability 99.5 %');
    expect(formatOutputs({ survival: [0.9393, 0.8463, 0.6487], hazard_ratio: [0.80139] }, [12, 24, 60])).toBe(
      'hazard ratio 0.801; survival 12 mo 93.9 %, 24 mo 84.6 %, 60 mo 64.9 %',
    );
  });

  it('leaves out the explanation, falls back to plain numbers, and says when there is nothing', () => {
    expect(formatOutputs({ probability: [0.5], contributions: [1, 2] }, null)).toBe('probability 50.0 %');
    expect(formatOutputs({ risk: [0.25, 0.5] }, null)).toBe('risk 0.25, 0.5');
    expect(formatOutputs({ survival: [0.9] }, [12, 24])).toBe('survival 0.9');
    expect(formatOutputs(null, null)).toBe('—');
  });
});

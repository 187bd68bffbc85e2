import { describe, expect, it } from 'vitest';
import { CODE_SYSTEMS, decisionContentSchema, emptyDecisionContent } from '@/lib/schemas/decision';
import { diffDecisionContent } from './decision-diff';

const u1 = 'useroneaaaaaaaaaaaaaaaaa';
const u2 = 'usertwoaaaaaaaaaaaaaaaaa';
const names: Record<string, string> = { [u1]: 'Dr. One', [u2]: 'Dr. Two' };
const nameOf = (id: string) => names[id] ?? 'Unknown';

describe('diffDecisionContent', () => {
  it('finds nothing between equal contents', () => {
    expect(diffDecisionContent(emptyDecisionContent, decisionContentSchema.parse({}), nameOf)).toEqual([]);
  });

  it('names each differing field with both texts, in form order', () => {
    const theirs = decisionContentSchema.parse({ intent: 'CURATIVE', rationale: 'Their reasoning', attendeeIds: [u1] });
    const mine = decisionContentSchema.parse({
      intent: 'CURATIVE',
      rationale: 'My reasoning',
      attendeeIds: [u1, u2],
      recommendations: [{ id: 'r1', modality: 'SURGERY', codes: [{ system: CODE_SYSTEMS.snomed, code: '173171007', display: 'Lobectomy of lung' }] }],
    });
    const diffs = diffDecisionContent(theirs, mine, nameOf);
    expect(diffs.map((d) => d.field)).toEqual(['recommendations', 'rationale', 'attendeeIds']);
    expect(diffs[0]).toMatchObject({ theirs: '—', mine: '1. Surgery · Lobectomy of lung (173171007)' });
    expect(diffs[1]).toMatchObject({ theirs: 'Their reasoning', mine: 'My reasoning' });
    expect(diffs[2]!.mine).toBe('Dr. One\nDr. Two');
  });

  it('notices a different selection of model outputs of the same size', () => {
    const theirs = decisionContentSchema.parse({ consideredResultIds: ['resultaaaaaaaaaaaaaaaaaaa'] });
    const mine = decisionContentSchema.parse({ consideredResultIds: ['resultbbbbbbbbbbbbbbbbbbb'] });
    expect(diffDecisionContent(theirs, mine, nameOf).map((d) => d.field)).toEqual(['consideredResultIds']);
  });
});

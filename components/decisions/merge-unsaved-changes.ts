// When a decision was signed under an editor and the user chooses to amend it with their
// unsaved text: only the fields they changed (compared with what their editor last saved or
// loaded) are carried onto the signed content, so a field the chair changed before signing
// is not silently reverted to the member's older copy.
import type { DecisionContent } from '@/lib/schemas/decision';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function mergeUnsavedChanges(base: DecisionContent, mine: DecisionContent, signed: DecisionContent): DecisionContent {
  const merged: Record<string, unknown> = { ...signed };
  for (const field of Object.keys(mine) as (keyof DecisionContent)[]) {
    if (!same(mine[field], base[field])) merged[field] = mine[field];
  }
  return merged as DecisionContent;
}

// The code picker's vocabulary: which codes fit a recommendation's modality, and the
// type-ahead search over them.
import type { DecisionCoding, Modality } from '@/lib/schemas/decision';
import { atcAgents } from './atc-agents';
import { snomedProcedures } from './snomed-procedures';
import type { ValueSetEntry } from './value-set-entry';

export type { ValueSetEntry } from './value-set-entry';
export const allValueSetEntries: readonly ValueSetEntry[] = [...snomedProcedures, ...atcAgents];

/** The entries a recommendation of this modality can carry (empty: no coded concept fits, e.g. best supportive care). */
export function valueSetFor(modality: Modality): ValueSetEntry[] {
  return allValueSetEntries.filter((e) => e.modalities.includes(modality));
}

/** Case-insensitive match on display words or the code itself; display-prefix matches first. */
export function searchValueSet(entries: readonly ValueSetEntry[], query: string, limit = 12): ValueSetEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return entries.slice(0, limit);
  const scored = entries
    .map((e) => {
      const display = e.display.toLowerCase();
      const score = display.startsWith(q) || e.code.toLowerCase().startsWith(q) ? 0 : display.split(/[\s(),/-]+/).some((w) => w.startsWith(q)) ? 1 : display.includes(q) ? 2 : -1;
      return { e, score };
    })
    .filter((s) => s.score >= 0)
    .sort((a, b) => a.score - b.score || a.e.display.localeCompare(b.e.display));
  return scored.slice(0, limit).map((s) => s.e);
}

export function toCoding(entry: ValueSetEntry): DecisionCoding {
  return { system: entry.system, code: entry.code, display: entry.display };
}

export const systemLabel = (system: string) => (system.includes('snomed') ? 'SNOMED CT' : system.includes('whocc') ? 'ATC' : system);

import { describe, expect, it } from 'vitest';
import { CODE_SYSTEMS, codingSchema, modalities } from '@/lib/schemas/decision';
import { atcAgents } from './atc-agents';
import { allValueSetEntries, searchValueSet, toCoding, valueSetFor } from './index';
import { snomedProcedures } from './snomed-procedures';

/** SNOMED CT identifiers carry a Verhoeff check digit: a mistyped code fails it. */
function verhoeffValid(id: string): boolean {
  const d = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1], [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
  ];
  const p = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1], [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
  ];
  let c = 0;
  [...id].reverse().forEach((ch, i) => {
    c = d[c]![p[i % 8]![Number(ch)]!]!;
  });
  return c === 0;
}

describe('decision value sets', () => {
  it('has no duplicate codes within a system', () => {
    const keys = allValueSetEntries.map((e) => `${e.system}|${e.code}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('SNOMED CT codes are well-formed concept ids (digits, check digit, partition 00 = concept)', () => {
    for (const e of snomedProcedures) {
      expect(e.system).toBe(CODE_SYSTEMS.snomed);
      expect(e.code, e.display).toMatch(/^[1-9]\d{5,17}$/);
      expect(verhoeffValid(e.code), `${e.code} ${e.display}`).toBe(true);
      expect(e.code.slice(-3, -1), `${e.code} is not a concept id`).toBe('00');
    }
  });

  it('ATC codes are complete fifth-level codes of L01 (antineoplastic) or L02 (endocrine therapy)', () => {
    for (const e of atcAgents) {
      expect(e.system).toBe(CODE_SYSTEMS.atc);
      expect(e.code, e.display).toMatch(/^L0[12][A-Z]{2}\d{2}$/);
    }
    // Spot checks against the WHO index, so a shifted table is noticed.
    const byName = new Map(atcAgents.map((e) => [e.display, e.code]));
    expect(byName.get('cisplatin')).toBe('L01XA01');
    expect(byName.get('pembrolizumab')).toBe('L01FF02');
    expect(byName.get('tamoxifen')).toBe('L02BA01');
    expect(byName.get('letrozole')).toBe('L02BG04');
  });

  it('every entry is a valid decision coding and fits at least one modality', () => {
    for (const e of allValueSetEntries) {
      expect(codingSchema.safeParse(toCoding(e)).success, e.code).toBe(true);
      expect(e.modalities.length).toBeGreaterThan(0);
      for (const m of e.modalities) expect(modalities).toContain(m);
    }
  });

  it('filters by modality: procedures for surgery, drugs for systemic therapy, nothing for supportive care', () => {
    expect(valueSetFor('SURGERY').every((e) => e.system === CODE_SYSTEMS.snomed)).toBe(true);
    expect(valueSetFor('SYSTEMIC_THERAPY').every((e) => e.system === CODE_SYSTEMS.atc)).toBe(true);
    expect(valueSetFor('RADIOCHEMOTHERAPY').some((e) => e.system === CODE_SYSTEMS.snomed)).toBe(true);
    expect(valueSetFor('RADIOCHEMOTHERAPY').some((e) => e.code === 'L01XA01')).toBe(true);
    expect(valueSetFor('BEST_SUPPORTIVE_CARE')).toEqual([]);
  });

  it('searches by word prefix and code, prefix matches first', () => {
    const surgery = valueSetFor('SURGERY');
    expect(searchValueSet(surgery, 'lobec')[0]?.code).toBe('173171007');
    expect(searchValueSet(surgery, 'mastectomy').map((e) => e.code)).toEqual(expect.arrayContaining(['64368001', '69031006']));
    expect(searchValueSet(valueSetFor('SYSTEMIC_THERAPY'), 'L01XA').map((e) => e.display)).toEqual(['carboplatin', 'cisplatin', 'oxaliplatin']);
    expect(searchValueSet(surgery, 'zzz')).toEqual([]);
  });
});

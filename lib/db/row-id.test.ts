import { describe, expect, it } from 'vitest';
import { newRowId } from './row-id';

describe('newRowId', () => {
  it('makes unique ids in the cuid format Prisma uses for the other rows', () => {
    const ids = Array.from({ length: 10_000 }, newRowId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^c[0-9a-z]{24}$/);
  });

  it('ends in random characters drawn from the whole alphabet, across refills of the random pool', () => {
    // 2,000 ids use ~4 refills of the 4 kB pool; an unfilled (zeroed) or stuck pool would give one tail.
    const tails = Array.from({ length: 2_000 }, () => newRowId().slice(-8));
    expect(new Set(tails).size).toBe(tails.length);
    const counts = new Map<string, number>();
    for (const ch of tails.join('')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(36);
    // 16,000 characters: ~444 expected each (~499 for the 4 favoured by mod 36); none far off.
    for (const n of counts.values()) expect(n).toBeGreaterThan(300);
  });
});

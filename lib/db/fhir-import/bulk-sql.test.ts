import { describe, expect, it } from 'vitest';
import { newRowId } from './bulk-sql';

describe('newRowId', () => {
  it('makes unique ids in the cuid format Prisma uses for the other rows', () => {
    const ids = Array.from({ length: 10_000 }, newRowId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^c[0-9a-z]{24}$/);
  });
});

import { describe, expect, it } from 'vitest';
import { auditQuerySchema } from './audit-event';
import { caseListQuerySchema, caseListSearchParams, entitiesMatching, ignoredCaseListParams, searchWords } from './case';
import { userListQuerySchema } from './user';

describe('search params never turn into an error page', () => {
  it('drops malformed audit filters and keeps the good ones', () => {
    expect(
      auditQuerySchema.parse({
        action: 'user.create',
        outcome: 'BROKEN',
        from: '2024-13-45',
        to: '2026-02-30',
        before: '99999999999999999999',
        actor: ['a', 'b'],
        patientId: 'x'.repeat(41),
      }),
    ).toEqual({ action: 'user.create' });
  });
  it('keeps valid days and ids', () => {
    expect(auditQuerySchema.parse({ from: '2026-02-28', before: '9223372036854775807' })).toEqual({ from: '2026-02-28', before: '9223372036854775807' });
  });
  it('ignores repeated or over-long user searches', () => {
    expect(userListQuerySchema.parse({ q: ['a', 'b'] })).toEqual({ q: undefined, status: 'all' });
    expect(userListQuerySchema.parse({ q: 'x'.repeat(101), status: 'nope' })).toEqual({ q: undefined, status: 'all' });
    expect(userListQuerySchema.parse({ q: ' weber ', status: 'active' })).toEqual({ q: 'weber', status: 'active' });
  });

  it('reads the case list state from the URL and drops what it cannot use, saying what', () => {
    const raw = {
      q: ' Müller ',
      board: 'cmwxyczxb0010sh7dnfhcs6d3',
      status: ['SCHEDULED', 'NOPE', 'DECIDED', 'SCHEDULED'],
      from: '2026-03-01',
      to: '2026-02-30',
      mine: 'on',
      page: '3',
    };
    expect(caseListQuerySchema.parse(raw)).toEqual({
      q: 'Müller',
      board: 'cmwxyczxb0010sh7dnfhcs6d3',
      status: ['SCHEDULED', 'DECIDED'],
      from: '2026-03-01',
      to: undefined,
      mine: true,
      page: 3,
    });
    expect(ignoredCaseListParams(raw)).toEqual(['unknown status “NOPE”', 'the meeting date “to” (a date as YYYY-MM-DD)']);
  });
  it('falls back to the first page of everything for nonsense, never an error', () => {
    const raw = { q: ['a', 'b'], board: '../x', status: 'CLOSED', page: '-1', mine: ['1', '1'], from: 'yesterday' };
    expect(caseListQuerySchema.parse(raw)).toEqual({ q: undefined, board: undefined, status: ['CLOSED'], from: undefined, to: undefined, mine: false, page: 1 });
    expect(ignoredCaseListParams(raw)).toHaveLength(4);
    expect(caseListQuerySchema.parse({ page: '1e3' }).page).toBe(1000);
    expect(caseListQuerySchema.parse({ page: '2.5' }).page).toBe(1);
    expect(ignoredCaseListParams({ page: '2.5' })).toEqual(['the page number']);
    expect(ignoredCaseListParams({ q: '', page: '', status: [] })).toEqual([]);
  });
  it('reads a reversed meeting range as the range meant', () => {
    expect(caseListQuerySchema.parse({ from: '2026-05-10', to: '2026-05-01' })).toMatchObject({ from: '2026-05-01', to: '2026-05-10' });
  });
  it('writes the state back as short, shareable search params', () => {
    const query = caseListQuerySchema.parse({ q: 'lung', status: ['REFERRED', 'ACCEPTED'], mine: '1', page: '2' });
    expect(caseListSearchParams(query).toString()).toBe('q=lung&status=REFERRED&status=ACCEPTED&mine=1&page=2');
    expect(caseListSearchParams(query, { page: 1 }).toString()).toBe('q=lung&status=REFERRED&status=ACCEPTED&mine=1');
  });
  it('matches entities by value or label and splits searches into words', () => {
    expect(entitiesMatching('neck')).toEqual(['HEAD_AND_NECK']);
    expect(entitiesMatching('upper_gi')).toEqual(['UPPER_GI']);
    expect(entitiesMatching('Upper')).toEqual(['UPPER_GI']);
    expect(searchWords(' Lind,  Maja ')).toEqual(['Lind', 'Maja']);
    expect(searchWords(undefined)).toEqual([]);
  });
});

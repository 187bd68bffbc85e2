import { describe, expect, it } from 'vitest';
import { auditQuerySchema } from './audit-event';
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
});

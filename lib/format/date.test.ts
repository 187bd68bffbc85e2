import { describe, expect, it } from 'vitest';
import { ageInYears, formatDateTime } from './date';

describe('date formatting', () => {
  it('shows UTC instants in the hospital time zone (CET/CEST)', () => {
    expect(formatDateTime('2026-01-13T15:00:00Z', 'Europe/Berlin')).toContain('16:00');
    expect(formatDateTime('2026-07-14T14:00:00Z', 'Europe/Berlin')).toContain('16:00');
  });
  it('computes age in whole years around the birthday', () => {
    expect(ageInYears('1958-03-14', new Date('2026-03-13T12:00:00Z'))).toBe(67);
    expect(ageInYears('1958-03-14', new Date('2026-03-14T00:00:00Z'))).toBe(68);
  });
});

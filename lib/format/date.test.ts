import { describe, expect, it } from 'vitest';
import { ageInYears, endOfDayInZone, formatDateTime, startOfDayInZone } from './date';

describe('date formatting', () => {
  it('shows UTC instants in the hospital time zone (CET/CEST)', () => {
    expect(formatDateTime('2026-01-13T15:00:00Z', 'Europe/Berlin')).toContain('16:00');
    expect(formatDateTime('2026-07-14T14:00:00Z', 'Europe/Berlin')).toContain('16:00');
  });
  it('computes age in whole years around the birthday', () => {
    expect(ageInYears('1958-03-14', new Date('2026-03-13T12:00:00Z'))).toBe(67);
    expect(ageInYears('1958-03-14', new Date('2026-03-14T00:00:00Z'))).toBe(68);
  });
  it('finds where a local calendar day begins and ends, across DST changes', () => {
    expect(startOfDayInZone('2026-01-13', 'Europe/Berlin').toISOString()).toBe('2026-01-12T23:00:00.000Z');
    expect(startOfDayInZone('2026-07-14', 'Europe/Berlin').toISOString()).toBe('2026-07-13T22:00:00.000Z');
    // 29 March 2026: clocks go forward at 02:00 local; the day still begins at 00:00 CET.
    expect(startOfDayInZone('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(endOfDayInZone('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(endOfDayInZone('2026-10-25', 'Europe/Berlin').toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(startOfDayInZone('2026-12-31', 'America/New_York').toISOString()).toBe('2026-12-31T05:00:00.000Z');
    expect(startOfDayInZone('2026-05-01', 'UTC').toISOString()).toBe('2026-05-01T00:00:00.000Z');
  });
});

import { describe, expect, it } from 'vitest';
import { IANAZone } from 'luxon';
import { formatRecurrence, nextOccurrences, occurrencesBetween, parseRecurrence, wallClockToInstant, type Recurrence } from './recurrence';

function parse(text: string): Recurrence {
  const result = parseRecurrence(text);
  if (!result.ok) throw new Error(result.message);
  return result.recurrence;
}

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('parseRecurrence', () => {
  it('reads the weekly and monthly subset and writes it back canonically', () => {
    expect(parse('RRULE:FREQ=WEEKLY;BYDAY=TU;BYHOUR=16;BYMINUTE=0')).toEqual({
      freq: 'WEEKLY', interval: 1, byDay: ['TU'], bySetPos: null, hour: 16, minute: 0, start: null,
    });
    expect(formatRecurrence(parse('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;BYHOUR=8;BYMINUTE=30'))).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;BYHOUR=8;BYMINUTE=30');
    expect(parse('FREQ=MONTHLY;BYDAY=1TU;BYHOUR=16;BYMINUTE=0')).toMatchObject({ freq: 'MONTHLY', byDay: ['TU'], bySetPos: 1 });
    expect(parse('FREQ=MONTHLY;BYDAY=TH;BYSETPOS=-1;BYHOUR=7;BYMINUTE=15').bySetPos).toBe(-1);
    const withStart = parse('DTSTART:20261103\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=16;BYMINUTE=0');
    expect(withStart.start).toBe('2026-11-03');
    expect(formatRecurrence(withStart)).toBe('DTSTART:20261103\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=16;BYMINUTE=0');
  });

  it.each([
    ['', /empty/],
    ['FREQ=DAILY;BYHOUR=8;BYMINUTE=0', /FREQ=DAILY is not supported/],
    ['FREQ=WEEKLY;BYDAY=TU;BYHOUR=16;BYMINUTE=0;COUNT=10', /COUNT is not supported/],
    ['FREQ=WEEKLY;BYDAY=TU;BYHOUR=16;BYMINUTE=0;UNTIL=20270101T000000Z', /UNTIL is not supported/],
    ['FREQ=WEEKLY;BYDAY=TU;BYMINUTE=0', /BYHOUR must be/],
    ['FREQ=WEEKLY;BYDAY=TU;BYHOUR=16,17;BYMINUTE=0', /BYHOUR must be one hour/],
    ['FREQ=WEEKLY;BYDAY=XX;BYHOUR=16;BYMINUTE=0', /"XX" is not a weekday/],
    ['FREQ=WEEKLY;BYHOUR=16;BYMINUTE=0', /BYDAY is missing/],
    ['FREQ=WEEKLY;BYDAY=TU;BYSETPOS=1;BYHOUR=16;BYMINUTE=0', /only supported with FREQ=MONTHLY/],
    ['FREQ=MONTHLY;BYDAY=TU;BYHOUR=16;BYMINUTE=0', /needs BYSETPOS/],
    ['FREQ=MONTHLY;BYDAY=TU,WE;BYSETPOS=1;BYHOUR=16;BYMINUTE=0', /exactly one weekday/],
    ['FREQ=WEEKLY;INTERVAL=0;BYDAY=TU;BYHOUR=16;BYMINUTE=0', /INTERVAL must be/],
    ['DTSTART:20260231\nFREQ=WEEKLY;BYDAY=TU;BYHOUR=16;BYMINUTE=0', /not a calendar date/],
    ['DTSTART;TZID=Europe/Berlin:20261103T160000\nFREQ=WEEKLY;BYDAY=TU;BYHOUR=16;BYMINUTE=0', /DTSTART must be a date/],
  ])('rejects %j with a clear message', (text, message) => {
    const result = parseRecurrence(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('occurrencesBetween: wall-clock time in the board time zone', () => {
  const tuesday16 = parse('FREQ=WEEKLY;BYDAY=TU;BYHOUR=16;BYMINUTE=0');

  it('keeps Tuesday 16:00 Europe/Berlin across the last Sunday of March (CET → CEST)', () => {
    const dates = occurrencesBetween({ recurrence: tuesday16, timeZone: 'Europe/Berlin', from: new Date('2026-03-20T00:00:00Z'), until: new Date('2026-04-08T00:00:00Z') });
    // 24 March: UTC+1 → 15:00Z; 31 March and 7 April: UTC+2 → 14:00Z.
    expect(iso(dates)).toEqual(['2026-03-24T15:00:00.000Z', '2026-03-31T14:00:00.000Z', '2026-04-07T14:00:00.000Z']);
  });

  it('keeps Tuesday 16:00 Europe/Berlin across the last Sunday of October (CEST → CET)', () => {
    const dates = occurrencesBetween({ recurrence: tuesday16, timeZone: 'Europe/Berlin', from: new Date('2026-10-19T00:00:00Z'), until: new Date('2026-11-04T00:00:00Z') });
    expect(iso(dates)).toEqual(['2026-10-20T14:00:00.000Z', '2026-10-27T15:00:00.000Z', '2026-11-03T15:00:00.000Z']);
  });

  it('uses America/New_York rules (second Sunday of March, first Sunday of November)', () => {
    const dates = occurrencesBetween({ recurrence: tuesday16, timeZone: 'America/New_York', from: new Date('2026-03-01T00:00:00Z'), until: new Date('2026-03-18T00:00:00Z') });
    expect(iso(dates)).toEqual(['2026-03-03T21:00:00.000Z', '2026-03-10T20:00:00.000Z', '2026-03-17T20:00:00.000Z']);
    const autumn = occurrencesBetween({ recurrence: tuesday16, timeZone: 'America/New_York', from: new Date('2026-10-26T00:00:00Z'), until: new Date('2026-11-11T00:00:00Z') });
    expect(iso(autumn)).toEqual(['2026-10-27T20:00:00.000Z', '2026-11-03T21:00:00.000Z', '2026-11-10T21:00:00.000Z']);
  });

  it('moves a local time inside the spring-forward gap forward (Sunday 02:30 → 03:30 CEST)', () => {
    const sunday0230 = parse('FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=30');
    const dates = occurrencesBetween({ recurrence: sunday0230, timeZone: 'Europe/Berlin', from: new Date('2026-03-21T00:00:00Z'), until: new Date('2026-04-06T00:00:00Z') });
    // 22 March 02:30 CET = 01:30Z; 29 March 02:30 does not exist → 03:30 CEST = 01:30Z; 5 April 02:30 CEST = 00:30Z.
    expect(iso(dates)).toEqual(['2026-03-22T01:30:00.000Z', '2026-03-29T01:30:00.000Z', '2026-04-05T00:30:00.000Z']);
  });

  it('takes the first of a local time that occurs twice (fall-back 02:30 is still summer time)', () => {
    const zone = IANAZone.create('Europe/Berlin');
    expect(wallClockToInstant(Date.UTC(2026, 9, 25, 2, 30), zone).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('holds a biweekly rhythm fixed by DTSTART, whatever the window', () => {
    const biweekly = parse('DTSTART:20261103\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=16;BYMINUTE=0');
    const a = occurrencesBetween({ recurrence: biweekly, timeZone: 'Europe/Berlin', from: new Date('2026-11-01T00:00:00Z'), until: new Date('2026-12-10T00:00:00Z') });
    expect(iso(a)).toEqual(['2026-11-03T15:00:00.000Z', '2026-11-17T15:00:00.000Z', '2026-12-01T15:00:00.000Z']);
    // Starting the window in an "off" week does not shift the series.
    const b = nextOccurrences({ recurrence: biweekly, timeZone: 'Europe/Berlin', from: new Date('2026-11-09T00:00:00Z'), count: 2 });
    expect(iso(b)).toEqual(['2026-11-17T15:00:00.000Z', '2026-12-01T15:00:00.000Z']);
    // Nothing before DTSTART.
    expect(occurrencesBetween({ recurrence: biweekly, timeZone: 'Europe/Berlin', from: new Date('2026-10-01T00:00:00Z'), until: new Date('2026-11-02T00:00:00Z') })).toEqual([]);
  });

  it('finds the first Tuesday of each month', () => {
    const firstTuesday = parse('FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1;BYHOUR=16;BYMINUTE=0');
    const dates = nextOccurrences({ recurrence: firstTuesday, timeZone: 'Europe/Berlin', from: new Date('2026-09-15T00:00:00Z'), count: 4 });
    expect(iso(dates)).toEqual(['2026-10-06T14:00:00.000Z', '2026-11-03T15:00:00.000Z', '2026-12-01T15:00:00.000Z', '2027-01-05T15:00:00.000Z']);
  });

  it('finds the last Thursday of each month', () => {
    const lastThursday = parse('FREQ=MONTHLY;BYDAY=TH;BYSETPOS=-1;BYHOUR=8;BYMINUTE=0');
    const dates = nextOccurrences({ recurrence: lastThursday, timeZone: 'UTC', from: new Date('2026-01-01T00:00:00Z'), count: 2 });
    expect(iso(dates)).toEqual(['2026-01-29T08:00:00.000Z', '2026-02-26T08:00:00.000Z']);
  });

  it('treats from and until as inclusive instants and rejects an unknown zone', () => {
    const at = new Date('2026-03-24T15:00:00Z');
    expect(iso(occurrencesBetween({ recurrence: tuesday16, timeZone: 'Europe/Berlin', from: at, until: at }))).toEqual([at.toISOString()]);
    expect(() => occurrencesBetween({ recurrence: tuesday16, timeZone: 'Mars/Olympus', from: at, until: at })).toThrow(/Unknown time zone/);
  });
});

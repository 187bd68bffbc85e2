// A board's meeting recurrence: the subset of an iCalendar RRULE Konsil understands, read as
// WALL-CLOCK time in the board's IANA time zone ("Tuesday 16:00 Europe/Berlin" stays 16:00
// local across daylight-saving changes, so its UTC instant moves by an hour twice a year).
//
// rrule computes the local calendar dates (it is good at "first Tuesday", "every other week"),
// but its own TZID handling depends on the host's zone, so we run it on "floating" times (the
// local wall clock stored in a Date's UTC fields) and convert each one with luxon ourselves.
// Pure: no database, no clock (callers pass `from`).
import { IANAZone } from 'luxon';
import * as rruleModule from 'rrule';
import type { Weekday as RRuleWeekday } from 'rrule';

// rrule ships an ES module (what bundlers and vitest load) and a UMD bundle without "exports"
// (what plain Node loads for the seed scripts), whose named exports sit only on `default`.
const rruleExports: Record<string, unknown> = rruleModule;
const { RRule } = ('RRule' in rruleExports ? rruleExports : rruleExports.default) as typeof rruleModule;

export const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof weekdays)[number];

export interface Recurrence {
  freq: 'WEEKLY' | 'MONTHLY';
  /** Every n weeks / months (1 = every). */
  interval: number;
  /** WEEKLY: one or more days; MONTHLY: exactly one. */
  byDay: Weekday[];
  /** MONTHLY only: which of the month's `byDay`s (1..4, or -1 for the last). */
  bySetPos: number | null;
  hour: number;
  minute: number;
  /**
   * The local date (YYYY-MM-DD) the series starts on; with an interval > 1 it fixes which weeks
   * or months are "on". Without it the series counts from DEFAULT_ANCHOR.
   */
  start: string | null;
}

/**
 * Where a series without DTSTART counts its weeks/months from (a Monday). Fixed, not "today", so
 * that generating meetings again later never shifts a biweekly board to the other week.
 */
export const DEFAULT_ANCHOR = '2024-01-01';

export type ParseResult = { ok: true; recurrence: Recurrence } | { ok: false; message: string };

const supportedKeys = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYSETPOS', 'BYHOUR', 'BYMINUTE', 'BYSECOND']);
const fail = (message: string): ParseResult => ({ ok: false, message });

/**
 * Parses and validates a recurrence. Accepts "FREQ=…;…", optionally prefixed "RRULE:", optionally
 * preceded by a line "DTSTART:YYYYMMDD" (or DTSTART;VALUE=DATE:YYYYMMDD). Anything outside the
 * subset is rejected with a message naming it, rather than silently ignored.
 */
export function parseRecurrence(text: string): ParseResult {
  const lines = text.trim().split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return fail('The recurrence is empty.');
  let start: string | null = null;
  let ruleLine: string | null = null;
  for (const line of lines) {
    const dt = /^DTSTART(?:;VALUE=DATE)?:(\d{4})(\d{2})(\d{2})$/i.exec(line);
    if (dt) {
      start = `${dt[1]}-${dt[2]}-${dt[3]}`;
      if (!isRealDate(start)) return fail(`DTSTART ${line.slice(line.indexOf(':') + 1)} is not a calendar date.`);
      continue;
    }
    if (/^DTSTART/i.test(line)) return fail('DTSTART must be a date (DTSTART:YYYYMMDD); the time comes from BYHOUR and BYMINUTE.');
    if (ruleLine !== null) return fail('Give one RRULE only.');
    ruleLine = line.replace(/^RRULE:/i, '');
  }
  if (ruleLine === null) return fail('The recurrence has no RRULE.');

  const parts = new Map<string, string>();
  for (const part of ruleLine.split(';').filter(Boolean)) {
    const [rawKey, value, ...rest] = part.split('=');
    const key = (rawKey ?? '').trim().toUpperCase();
    if (!key || value === undefined || rest.length > 0 || value.trim() === '') return fail(`"${part}" is not of the form KEY=VALUE.`);
    if (!supportedKeys.has(key)) return fail(`${key} is not supported (supported: FREQ, INTERVAL, BYDAY, BYSETPOS, BYHOUR, BYMINUTE).`);
    if (parts.has(key)) return fail(`${key} is given twice.`);
    parts.set(key, value.trim().toUpperCase());
  }

  const freq = parts.get('FREQ');
  if (!freq) return fail('FREQ is missing (WEEKLY or MONTHLY).');
  if (freq !== 'WEEKLY' && freq !== 'MONTHLY') return fail(`FREQ=${freq} is not supported; use WEEKLY or MONTHLY.`);

  const interval = parts.has('INTERVAL') ? integer(parts.get('INTERVAL')!) : 1;
  if (interval === null || interval < 1 || interval > 12) return fail('INTERVAL must be a whole number from 1 to 12.');

  const hour = integer(parts.get('BYHOUR') ?? '');
  if (hour === null || hour < 0 || hour > 23) return fail('BYHOUR must be one hour from 0 to 23 (the local start time).');
  const minute = integer(parts.get('BYMINUTE') ?? '');
  if (minute === null || minute < 0 || minute > 59) return fail('BYMINUTE must be one minute from 0 to 59.');
  if (parts.has('BYSECOND') && parts.get('BYSECOND') !== '0') return fail('BYSECOND, if given, must be 0.');

  const rawDays = (parts.get('BYDAY') ?? '').split(',').filter(Boolean);
  if (rawDays.length === 0) return fail('BYDAY is missing (e.g. BYDAY=TU).');
  const byDay: Weekday[] = [];
  let bySetPos: number | null = null;
  for (const raw of rawDays) {
    const m = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(raw);
    if (!m) return fail(`BYDAY value "${raw}" is not a weekday (MO, TU, WE, TH, FR, SA, SU).`);
    if (byDay.includes(m[2] as Weekday)) return fail(`BYDAY names ${m[2]} twice.`);
    byDay.push(m[2] as Weekday);
    // "BYDAY=1TU" is iCalendar's other spelling of "BYDAY=TU;BYSETPOS=1".
    if (m[1] !== undefined) bySetPos = Number(m[1]);
  }

  if (parts.has('BYSETPOS')) {
    if (bySetPos !== null) return fail('Give the position either in BYDAY (1TU) or as BYSETPOS, not both.');
    bySetPos = integer(parts.get('BYSETPOS')!.replace(/^\+/, ''));
  }

  if (freq === 'WEEKLY') {
    if (bySetPos !== null || parts.has('BYSETPOS')) return fail('BYSETPOS (or a position in BYDAY) is only supported with FREQ=MONTHLY.');
  } else {
    if (byDay.length !== 1) return fail('A monthly recurrence names exactly one weekday (e.g. BYDAY=TU;BYSETPOS=1).');
    if (bySetPos === null || ![1, 2, 3, 4, -1].includes(bySetPos)) {
      return fail('A monthly recurrence needs BYSETPOS 1, 2, 3, 4 or -1 (the last), e.g. the first Tuesday: BYDAY=TU;BYSETPOS=1.');
    }
  }
  byDay.sort((a, b) => weekdays.indexOf(a) - weekdays.indexOf(b));
  return { ok: true, recurrence: { freq, interval, byDay, bySetPos, hour, minute, start } };
}

/** The canonical text of a recurrence (what is stored in Board.recurrence). */
export function formatRecurrence(r: Recurrence): string {
  const rule = [
    `FREQ=${r.freq}`,
    ...(r.interval > 1 ? [`INTERVAL=${r.interval}`] : []),
    `BYDAY=${r.byDay.join(',')}`,
    ...(r.freq === 'MONTHLY' && r.bySetPos !== null ? [`BYSETPOS=${r.bySetPos}`] : []),
    `BYHOUR=${r.hour}`,
    `BYMINUTE=${r.minute}`,
  ].join(';');
  return r.start ? `DTSTART:${r.start.replaceAll('-', '')}\nRRULE:${rule}` : rule;
}

/** Whether `zone` is an IANA time zone name this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  return zone.length > 0 && IANAZone.isValidZone(zone);
}

/**
 * The meeting start instants of the series in [from, until] (both inclusive), ascending.
 * A local time that does not exist (the spring-forward gap, e.g. 02:30 on the last Sunday of
 * March in Berlin) moves FORWARD by the length of the gap (03:30); a local time that occurs
 * twice (fall-back) is the FIRST of the two (the one still in summer time).
 */
export function occurrencesBetween(options: { recurrence: Recurrence; timeZone: string; from: Date; until: Date; limit?: number }): Date[] {
  const { recurrence: r, timeZone, from, until, limit = 1000 } = options;
  if (!isValidTimeZone(timeZone)) throw new Error(`Unknown time zone "${timeZone}".`);
  if (until < from) return [];
  const anchor = r.start ?? DEFAULT_ANCHOR;
  const [y, m, d] = anchor.split('-').map(Number) as [number, number, number];
  const rule = new RRule({
    freq: r.freq === 'WEEKLY' ? RRule.WEEKLY : RRule.MONTHLY,
    interval: r.interval,
    wkst: RRule.MO,
    byweekday: r.byDay.map(toRRuleWeekday),
    ...(r.bySetPos !== null ? { bysetpos: [r.bySetPos] } : {}),
    byhour: [r.hour],
    byminute: [r.minute],
    bysecond: [0],
    dtstart: new Date(Date.UTC(y, m - 1, d, 0, 0, 0)),
  });
  // Floating window: local wall clock differs from UTC by at most ±14 h; widen by a day and filter exactly below.
  const dayMs = 86_400_000;
  const floatingFrom = new Date(from.getTime() - dayMs);
  const floatingUntil = new Date(until.getTime() + dayMs);
  const zone = IANAZone.create(timeZone);
  const out: Date[] = [];
  for (const floating of rule.between(floatingFrom, floatingUntil, true)) {
    const instant = wallClockToInstant(floating.getTime(), zone);
    if (instant >= from && instant <= until) out.push(instant);
    if (out.length >= limit) break;
  }
  return out;
}

/** The first `count` occurrences at or after `from` (looks ahead at most `horizonDays`). */
export function nextOccurrences(options: { recurrence: Recurrence; timeZone: string; from: Date; count: number; horizonDays?: number }): Date[] {
  const { count, horizonDays = 800 } = options;
  const until = new Date(options.from.getTime() + horizonDays * 86_400_000);
  return occurrencesBetween({ ...options, until, limit: count });
}

/**
 * The instant a local wall-clock time (given as its "floating" ms: the wall clock read as if
 * it were UTC) denotes in `zone`. Offsets are taken 12 h either side: DST changes are months
 * apart, so these are the only two offsets that can apply.
 */
export function wallClockToInstant(floatingMs: number, zone: IANAZone): Date {
  const hour = 3_600_000;
  const before = zone.offset(floatingMs - 12 * hour);
  const after = zone.offset(floatingMs + 12 * hour);
  const candidates = [...new Set([before, after])]
    .map((offset) => floatingMs - offset * 60_000)
    .filter((instant) => zone.offset(instant) * 60_000 === floatingMs - instant)
    .sort((a, b) => a - b);
  // Fall-back: two candidates, the first is the earlier. Gap: none; read the wall clock with the
  // offset in force before the gap, which lands as far after the gap as the time was into it.
  return new Date(candidates[0] ?? floatingMs - before * 60_000);
}

function toRRuleWeekday(day: Weekday): RRuleWeekday {
  return RRule[day];
}

function integer(value: string): number | null {
  return /^-?\d{1,4}$/.test(value) ? Number(value) : null;
}

function isRealDate(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}

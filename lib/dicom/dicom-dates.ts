// DICOM dates and times → JavaScript dates. DA/TM carry no time zone: they are
// wall-clock time where the images were made, so they are read in the
// hospital's zone (KONSIL_TIME_ZONE) unless Timezone Offset From UTC
// (0008,0201) says otherwise. Old ACR-NEMA forms ("2004.01.19", "07:27:30")
// are accepted; anything else is "no date" (never an exception).

export interface DicomDate {
  year: number;
  month: number;
  day: number;
}

export function parseDicomDate(value: string | undefined): DicomDate | null {
  if (!value) return null;
  const match = /^(\d{4})\.?(\d{2})\.?(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1) return null;
  return { year, month, day };
}

/** A birth date for a `@db.Date` column: midnight UTC of that day. */
export function dicomDateToUtcDay(value: string | undefined): Date | null {
  const date = parseDicomDate(value);
  return date ? new Date(Date.UTC(date.year, date.month - 1, date.day)) : null;
}

interface DicomTime {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export function parseDicomTime(value: string | undefined): DicomTime | null {
  if (!value) return null;
  const match = /^(\d{2})(?::?(\d{2})(?::?(\d{2})(?:\.(\d{1,6}))?)?)?$/.exec(value.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  const second = Number(match[3] ?? 0);
  const millisecond = match[4] ? Math.floor(Number(`0.${match[4]}`) * 1000) : 0;
  // 60 is a leap second in DICOM; treat it as 59.
  if (hour > 23 || minute > 59 || second > 60) return null;
  return { hour, minute, second: Math.min(second, 59), millisecond };
}

/** "+0100" / "-0500" → minutes east of UTC. */
export function parseTimezoneOffset(value: string | undefined): number | null {
  const match = value ? /^([+-])(\d{2})(\d{2})$/.exec(value.trim()) : null;
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  if (minutes > 14 * 60) return null;
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * The instant of a study: its date, plus its time when the time is readable,
 * in the given offset or IANA time zone. Null when the date is missing or invalid.
 */
export function studyInstant(input: { date?: string; time?: string; offset?: string; timeZone: string }): Date | null {
  const date = parseDicomDate(input.date);
  if (!date) return null;
  const time = parseDicomTime(input.time) ?? { hour: 0, minute: 0, second: 0, millisecond: 0 };
  const wall = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute, time.second, time.millisecond);
  const offset = parseTimezoneOffset(input.offset);
  if (offset !== null) return new Date(wall - offset * 60_000);
  return new Date(wallTimeToUtc(wall, input.timeZone));
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** Building a formatter costs about a millisecond: one per zone, kept. */
function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(timeZone)) {
    let formatter: Intl.DateTimeFormat | null = null;
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      formatter = null;
    }
    formatters.set(timeZone, formatter);
  }
  return formatters.get(timeZone) ?? null;
}

/** Wall-clock milliseconds (as if UTC) in `timeZone` → real UTC milliseconds; UTC if the zone is unknown. */
function wallTimeToUtc(wall: number, timeZone: string): number {
  const formatter = formatterFor(timeZone);
  if (!formatter) return wall;
  const offsetAt = (utc: number) => {
    const parts = Object.fromEntries(formatter.formatToParts(new Date(utc)).map((p) => [p.type, p.value]));
    const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
    return asUtc - Math.floor(utc / 1000) * 1000;
  };
  // Two passes settle the offset across a daylight-saving change.
  const first = wall - offsetAt(wall);
  return wall - offsetAt(first);
}

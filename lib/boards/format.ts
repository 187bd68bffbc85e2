import { DateTime } from 'luxon';

/** An instant as the board's people read it: weekday, date, time and zone abbreviation in the board's zone. */
export function formatMeetingTime(instant: string | Date, timeZone: string): string {
  const dt = typeof instant === 'string' ? DateTime.fromISO(instant, { zone: timeZone }) : DateTime.fromJSDate(instant, { zone: timeZone });
  return dt.setLocale('en-GB').toFormat('ccc d LLL yyyy, HH:mm ZZZZ');
}

/** The value a datetime-local input shows for an instant, in the board's zone. */
export function toLocalInputValue(instant: string, timeZone: string): string {
  return DateTime.fromISO(instant, { zone: timeZone }).toFormat("yyyy-LL-dd'T'HH:mm");
}

// Calendar helpers. The world never reads the clock: every date is an offset in
// days from the reference date the caller passes in, computed in UTC.
const DAY_MS = 86_400_000;

/** Midnight UTC of the given date's calendar day. */
export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + Math.round(days) * DAY_MS);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

/** At `hour:minute` UTC on the same day (reports and lab draws have a time of day). */
export function atTime(date: Date, hour: number, minute = 0): Date {
  const d = startOfUtcDay(date);
  return new Date(d.getTime() + (hour * 60 + minute) * 60_000);
}

/** FHIR `date`: YYYY-MM-DD. */
export function fhirDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** FHIR `dateTime`/`instant` in UTC without milliseconds. */
export function fhirDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** DICOM DA: YYYYMMDD. */
export function dicomDate(date: Date): string {
  return fhirDate(date).replaceAll('-', '');
}

/** DICOM TM: HHMMSS. */
export function dicomTime(date: Date): string {
  return date.toISOString().slice(11, 19).replaceAll(':', '');
}

/** Whole years between a birth date and a day (for "67-year-old" in report text). */
export function ageInYears(birthDate: Date, on: Date): number {
  let age = on.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday =
    on.getUTCMonth() < birthDate.getUTCMonth() ||
    (on.getUTCMonth() === birthDate.getUTCMonth() && on.getUTCDate() < birthDate.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

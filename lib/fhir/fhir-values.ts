// Small readers for FHIR data types, shared by the mappers. They run after
// structural validation, so shapes are right; they deal with what may be absent.
import type { CodeableConcept, Coding, Period } from '@medplum/fhirtypes';

/** The first coding of `concept` in `system` (any of them when a set is given). */
export function codingIn(concept: CodeableConcept | undefined, system: string | ReadonlySet<string>): Coding | undefined {
  const matches = typeof system === 'string' ? (s?: string) => s === system : (s?: string) => s !== undefined && system.has(s);
  return concept?.coding?.find((c) => matches(c.system) && nonEmpty(c.code));
}

export function firstCoding(concept: CodeableConcept | undefined): Coding | undefined {
  return concept?.coding?.find((c) => nonEmpty(c.code) || nonEmpty(c.display));
}

/** What a person would call the concept: its text, else a coding's display, else a code. */
export function conceptLabel(concept: CodeableConcept | undefined, preferred?: Coding): string | undefined {
  return (
    clean(concept?.text) ??
    clean(preferred?.display) ??
    concept?.coding?.map((c) => clean(c.display)).find(Boolean) ??
    clean(preferred?.code) ??
    concept?.coding?.map((c) => clean(c.code)).find(Boolean)
  );
}

export function hasCode(concepts: CodeableConcept[] | undefined, system: string, code: string): boolean {
  return (concepts ?? []).some((cc) => (cc.coding ?? []).some((c) => c.system === system && c.code === code));
}

export function codesOf(concepts: CodeableConcept[] | undefined, system: string): string[] {
  return (concepts ?? []).flatMap((cc) => (cc.coding ?? []).filter((c) => c.system === system && c.code).map((c) => c.code!));
}

export function clean(value: string | undefined | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * A FHIR `date` or the date part of a `dateTime` as YYYY-MM-DD (for @db.Date
 * columns). Partial dates ("1960", "1960-05") become the first day of the
 * period: the column cannot say "only the year is known". The date is taken as
 * written, not converted to UTC, so 2024-03-01T00:30+01:00 stays 1 March.
 */
export function toDateOnly(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const match = DATE.exec(value.slice(0, 10));
  if (!match) return undefined;
  return `${match[1]}-${match[2] ?? '01'}-${match[3] ?? '01'}`;
}

/**
 * A FHIR `dateTime`/`instant` as an ISO instant (for timestamptz columns). Values
 * without a time (allowed in dateTime) are midnight UTC of that day.
 */
export function toInstant(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (value.length <= 10) {
    const day = toDateOnly(value);
    return day ? `${day}T00:00:00.000Z` : undefined;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export function periodStart(period: Period | undefined): string | undefined {
  return period?.start ?? undefined;
}

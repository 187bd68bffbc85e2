// The quorum: which of the board's required specialties are present among the attendees.

export interface Quorum {
  required: string[];
  present: string[];
  missing: string[];
  /** True when every required specialty has at least one attendee (or none is required). */
  met: boolean;
}

export function computeQuorum(required: readonly string[], attendeeSpecialties: readonly (string | null)[]): Quorum {
  const here = new Set(attendeeSpecialties.filter((s): s is string => s !== null));
  const unique = [...new Set(required)];
  const present = unique.filter((s) => here.has(s));
  const missing = unique.filter((s) => !here.has(s));
  return { required: unique, present, missing, met: missing.length === 0 };
}

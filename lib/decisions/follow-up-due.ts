// When a follow-up is due if the decision does not say. Six weeks after signing: long enough
// for surgery, the first cycle of systemic therapy or the start of radiotherapy to be booked,
// short enough that a recommendation that was never acted on is noticed while it still matters.
export const DEFAULT_FOLLOW_UP_DAYS = 42;

/** The due day (YYYY-MM-DD, UTC calendar day) for a decision signed at `signedAt`. */
export function defaultFollowUpDueOn(signedAt: Date, days = DEFAULT_FOLLOW_UP_DAYS): string {
  const due = new Date(signedAt.getTime() + days * 24 * 60 * 60 * 1000);
  return due.toISOString().slice(0, 10);
}

/** The due day the decision asked for, or the default. */
export function followUpDueOn(requested: string | null, signedAt: Date): string {
  return requested ?? defaultFollowUpDueOn(signedAt);
}

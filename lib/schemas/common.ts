import { z } from 'zod';

/** Database ids are cuids; anything else is rejected before a query runs. */
export const idSchema = z.string().trim().regex(/^[a-z0-9]{20,40}$/, 'Not a valid id');
/** The row version the user saw; an update with an older one is a conflict. */
export const versionSchema = z.coerce.number().int().min(0);
/** A form field that is optional: the empty string means "not given". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : undefined));

/**
 * A search-param that should be one short string: arrays, over-long values and
 * anything odd become "not given" instead of an error page.
 */
export const searchText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined))
    .catch(undefined);

/** A calendar day "YYYY-MM-DD" that exists; anything else is "not given". */
export const searchDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v))
  .optional()
  .catch(undefined);

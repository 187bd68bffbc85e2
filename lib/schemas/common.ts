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

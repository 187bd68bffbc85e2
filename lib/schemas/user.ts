import { z } from 'zod';
import { roles } from '@/lib/authz/roles';
import { idSchema, optionalText, searchText, versionSchema } from './common';

export const specialties = [
  'SURGERY',
  'MEDICAL_ONCOLOGY',
  'RADIATION_ONCOLOGY',
  'RADIOLOGY',
  'PATHOLOGY',
  'NUCLEAR_MEDICINE',
  'GASTROENTEROLOGY',
  'PULMONOLOGY',
  'GYNECOLOGY',
  'UROLOGY',
  'DERMATOLOGY',
  'HEMATOLOGY',
  'PALLIATIVE_CARE',
  'HUMAN_GENETICS',
  'PSYCHO_ONCOLOGY',
  'NURSING',
  'OTHER',
] as const;
export type Specialty = (typeof specialties)[number];

export const specialtyLabels: Record<Specialty, string> = {
  SURGERY: 'Surgery',
  MEDICAL_ONCOLOGY: 'Medical oncology',
  RADIATION_ONCOLOGY: 'Radiation oncology',
  RADIOLOGY: 'Radiology',
  PATHOLOGY: 'Pathology',
  NUCLEAR_MEDICINE: 'Nuclear medicine',
  GASTROENTEROLOGY: 'Gastroenterology',
  PULMONOLOGY: 'Pulmonology',
  GYNECOLOGY: 'Gynecology',
  UROLOGY: 'Urology',
  DERMATOLOGY: 'Dermatology',
  HEMATOLOGY: 'Hematology',
  PALLIATIVE_CARE: 'Palliative care',
  HUMAN_GENETICS: 'Human genetics',
  PSYCHO_ONCOLOGY: 'Psycho-oncology',
  NURSING: 'Oncology nursing',
  OTHER: 'Other',
};

// A checkbox group sends nothing when nothing is ticked, one string for one box,
// and an array for several: normalise before validating.
const roleList = z
  .preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(roles, { error: 'Unknown role' })).min(1, 'Choose at least one role'),
  )
  .transform((v) => [...new Set(v)]);

export const passwordSchema = z
  .string()
  .min(12, 'At least 12 characters')
  .max(256, 'At most 256 characters');

const specialtyField = z
  .union([z.enum(specialties), z.literal('')])
  .optional()
  .transform((v) => (v ? v : undefined));

export const userCreateSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid e-mail address').max(320),
  name: z.string().trim().min(2, 'Enter the full name').max(200, 'At most 200 characters'),
  title: optionalText(50),
  specialty: specialtyField,
  roles: roleList,
  password: passwordSchema,
});

const existingUser = z.object({ userId: idSchema, version: versionSchema });

export const userRolesSchema = existingUser.extend({ roles: roleList });
export const userProfileSchema = existingUser.extend({
  name: userCreateSchema.shape.name,
  title: optionalText(50),
  specialty: specialtyField,
});
export const userDeactivateSchema = existingUser.extend({ reason: optionalText(500) });
export const userReactivateSchema = existingUser;
export const userPasswordResetSchema = existingUser.extend({ password: passwordSchema });

export const userListQuerySchema = z.object({
  q: searchText(100),
  status: z.enum(['active', 'inactive', 'all']).catch('all'),
});

/** What the admin screens get for a user: never the password hash. */
export interface UserDto {
  id: string;
  email: string;
  name: string;
  title: string | null;
  specialty: Specialty | null;
  roles: (typeof roles)[number][];
  active: boolean;
  hasPassword: boolean;
  ssoLinked: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  version: number;
}

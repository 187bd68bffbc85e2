// Konsil's configuration, validated once. next.config.ts imports this file so a
// bad environment fails `next build` and `next start` instead of a request at 3 a.m.
// Secrets come only from the environment; nothing here has a production default.
import { z } from 'zod';
import { parseRoleMap } from './auth/oidc-roles';
import { DEFAULT_DICOM_LOCAL_ISSUERS } from './dicom/local-issuers';

const flag = z
  .enum(['1', '0', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /** PostgreSQL connection string. `npm run start:demo` sets it to the embedded database. */
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
    /** Secret that signs session cookies (≥ 32 characters; `openssl rand -base64 32`). */
    AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters'),
    /** Public base URL of this Konsil instance, e.g. https://konsil.hospital.example. */
    AUTH_URL: z.url().optional(),
    /** Demo mode: demo accounts may sign in and the UI says "demo". Never set in production. */
    KONSIL_DEMO_MODE: flag,
    /** Time zone the hospital works in; dates are stored in UTC and shown in this zone. */
    KONSIL_TIME_ZONE: z.string().default('Europe/Berlin'),
    /** Sessions end after this many seconds (default 8 h, one clinical shift). */
    SESSION_MAX_AGE_SECONDS: positiveInt(8 * 60 * 60),
    /** Failed password sign-ins allowed per account, and per address, inside the window. */
    LOGIN_MAX_FAILURES_PER_ACCOUNT: positiveInt(5),
    LOGIN_MAX_FAILURES_PER_ADDRESS: positiveInt(20),
    LOGIN_WINDOW_MINUTES: positiveInt(15),
    /** Number of reverse proxies in front of Konsil whose X-Forwarded-For may be trusted (0 = none). */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).default(0),
    /** Generic OpenID Connect single sign-on (Keycloak, Entra ID, …). All three or none. */
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** Button label on the sign-in page. */
    OIDC_DISPLAY_NAME: z.string().default('Hospital single sign-on'),
    /** Claim that carries the user's groups/roles; dots walk into objects (e.g. realm_access.roles). */
    OIDC_ROLES_CLAIM: z.string().default('roles'),
    /** Map from IdP role to Konsil role, e.g. "tumorboard-admin=ADMIN,tumorboard-clinician=CLINICIAN". */
    OIDC_ROLE_MAP: z.string().default('konsil-admin=ADMIN,konsil-coordinator=COORDINATOR,konsil-clinician=CLINICIAN'),
    /** Where Konsil keeps files: DICOM objects (content-addressed, `dicom/`) and uploads waiting for import (`staging/`). */
    KONSIL_STORAGE_DIR: z.string().min(1).default('.konsil/storage'),
    /** Largest upload accepted for import, in MiB (DICOM folders and FHIR bundles alike). */
    IMPORT_MAX_UPLOAD_MB: positiveInt(1024),
    /** FHIR bundles up to this many KiB posted to /api/fhir are imported while the client waits; larger ones become a background job (202). */
    IMPORT_SYNC_MAX_KB: positiveInt(1024),
    /** An external DICOMweb server (PACS, e.g. Orthanc) to read images from instead of Konsil's own store. */
    PACS_DICOMWEB_URL: z.url().optional(),
    PACS_USERNAME: z.string().min(1).optional(),
    PACS_PASSWORD: z.string().min(1).optional(),
    /**
     * Issuers of Patient ID (0010,0021) that mean "this hospital's MRN", comma-separated (e.g. "UKB-KIS,UKB").
     * A DICOM object whose Patient ID has another issuer is not linked to (nor creates) a patient by that ID:
     * it must be imported for a named patient. Objects without an issuer are matched by Patient ID as before.
     * Default `KONSIL-DEMO` (the demo world's issuer); empty means no issuer is local.
     */
    DICOM_LOCAL_ISSUERS: z.string().default(DEFAULT_DICOM_LOCAL_ISSUERS),
    /**
     * The SMTP server notifications are e-mailed through, e.g. smtp://user:pass@mail.hospital.example:587
     * (smtps:// for implicit TLS). Unset: e-mail is off and notifications are in-app only.
     */
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'SMTP_URL must be an smtp:// or smtps:// URL' }).optional(),
    /** Sender of Konsil's e-mails, e.g. "Konsil <tumorboard@hospital.example>". Required with SMTP_URL. */
    SMTP_FROM: z.string().min(3).optional(),
  })
  .superRefine((env, ctx) => {
    if ([env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter(Boolean).length % 3 !== 0) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER'], message: 'Set all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none' });
    }
    if (env.SMTP_URL && !env.SMTP_FROM) ctx.addIssue({ code: 'custom', path: ['SMTP_FROM'], message: 'Set SMTP_FROM (the sender address) when SMTP_URL is set' });
    try {
      parseRoleMap(env.OIDC_ROLE_MAP);
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_ROLE_MAP'], message: (error as Error).message });
    }
    // A real deployment (production, not the demo) sits behind a TLS-terminating proxy:
    // its public URL must be pinned, and only that proxy's X-Forwarded-For entry trusted,
    // or clients could pick the address that rate limiting and the audit trail record.
    if (env.NODE_ENV === 'production' && !env.KONSIL_DEMO_MODE) {
      if (!env.AUTH_URL) ctx.addIssue({ code: 'custom', path: ['AUTH_URL'], message: 'Required in production: the public URL of Konsil' });
      if (env.TRUSTED_PROXY_HOPS < 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['TRUSTED_PROXY_HOPS'],
          message: 'Required in production: the number of reverse proxies that append to X-Forwarded-For (usually 1)',
        });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Parses process.env once; throws a readable list of every problem. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new Error(`Konsil's environment is invalid:\n${lines.join('\n')}\nSee README.md, "Configuration".`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests change process.env between cases; production never calls this. */
export function resetEnvCache(): void {
  cached = undefined;
}

/** True when notifications also go out by e-mail (SMTP_URL set). */
export function isEmailEnabled(env: Env = getEnv()): boolean {
  return Boolean(env.SMTP_URL && env.SMTP_FROM);
}

/** True when single sign-on is configured. */
export function isOidcEnabled(env: Env = getEnv()): boolean {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}

import { describe, expect, it } from 'vitest';
import { envSchema } from './env';

const base = { DATABASE_URL: 'postgresql://u@localhost:5432/db', AUTH_SECRET: 'x'.repeat(32) };

describe('environment validation', () => {
  it('accepts a minimal development environment with defaults', () => {
    const env = envSchema.parse({ ...base });
    expect(env).toMatchObject({ NODE_ENV: 'development', SESSION_MAX_AGE_SECONDS: 28_800, KONSIL_DEMO_MODE: false, TRUSTED_PROXY_HOPS: 0 });
  });
  it('rejects a short secret and a non-PostgreSQL URL', () => {
    const result = envSchema.safeParse({ DATABASE_URL: 'mysql://x@y/z', AUTH_SECRET: 'short' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(['AUTH_SECRET', 'DATABASE_URL']);
  });
  it('wants all three OIDC settings or none, and a valid role map', () => {
    expect(envSchema.safeParse({ ...base, OIDC_ISSUER: 'https://idp.example' }).success).toBe(false);
    expect(envSchema.safeParse({ ...base, OIDC_ROLE_MAP: 'x=ROOT' }).success).toBe(false);
    expect(envSchema.safeParse({ ...base, OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'k', OIDC_CLIENT_SECRET: 's' }).success).toBe(true);
  });
  it('requires a pinned public URL and a trusted proxy in production, but not for the demo', () => {
    const prod = envSchema.safeParse({ ...base, NODE_ENV: 'production' });
    expect(prod.error?.issues.map((i) => i.path[0]).sort()).toEqual(['AUTH_URL', 'TRUSTED_PROXY_HOPS']);
    expect(envSchema.safeParse({ ...base, NODE_ENV: 'production', AUTH_URL: 'https://k.example', TRUSTED_PROXY_HOPS: '1' }).success).toBe(true);
    expect(envSchema.safeParse({ ...base, NODE_ENV: 'production', KONSIL_DEMO_MODE: '1' }).success).toBe(true);
  });
  it('takes e-mail as optional: an smtp(s) URL with a sender, or nothing', () => {
    expect(envSchema.parse({ ...base }).SMTP_URL).toBeUndefined();
    expect(envSchema.safeParse({ ...base, SMTP_URL: 'smtp://127.0.0.1:2525', SMTP_FROM: 'Konsil <k@h.example>' }).success).toBe(true);
    expect(envSchema.safeParse({ ...base, SMTP_URL: 'smtp://127.0.0.1:2525' }).error?.issues.map((i) => i.path[0])).toEqual(['SMTP_FROM']);
    expect(envSchema.safeParse({ ...base, SMTP_URL: 'http://mail.example', SMTP_FROM: 'k@h.example' }).success).toBe(false);
  });
});

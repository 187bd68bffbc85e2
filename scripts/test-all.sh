#!/usr/bin/env bash
# `npm test`: every test Konsil has, in the order that fails fastest.
#   1. generate the Prisma client, type-check
#   2. unit tests (pure logic); the ONNX models re-trained and checked against their cards
#   3. the demo world's synthetic CT checked with dciodvfy (Debian dicom3tools)
#   4. integration tests against the real PostgreSQL (TEST_DATABASE_ADMIN_URL,
#      default postgresql://postgres@127.0.0.1:5432/postgres) and a local Orthanc
#   5. production build + Playwright end-to-end tests in Debian's Chromium
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

step "test services (Chromium, PostgreSQL)"
bash scripts/ensure-test-services.sh

step "prisma generate"
npx prisma generate

step "typecheck"
SKIP_ENV_VALIDATION=1 npx tsc --noEmit

step "unit tests"
SKIP_ENV_VALIDATION=1 npx vitest run --project unit

step "models: re-train, reproduce card metrics, ONNX checker"
npx tsx scripts/models/verify-models.ts
/usr/bin/python3 scripts/models/check-onnx.py

step "demo world DICOM against the standard (dciodvfy)"
bash scripts/check-demo-dicom.sh

step "integration tests (real PostgreSQL, Orthanc)"
SKIP_ENV_VALIDATION=1 npx vitest run --project int

step "production build"
# The build validates the environment (lib/env.ts); these values are for the e2e stack only.
DATABASE_URL="${E2E_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/konsil_e2e}" \
AUTH_SECRET="e2e-only-auth-secret-0123456789abcdefghij" \
AUTH_URL="http://localhost:${E2E_PORT:-3100}" TRUSTED_PROXY_HOPS=1 \
  npx next build --webpack

step "end-to-end tests (Chromium)"
npx playwright test

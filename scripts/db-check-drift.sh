#!/usr/bin/env bash
# Fails when prisma/schema.prisma has changes that no committed migration
# creates (exit 2, with a summary of the difference; exit 1 on error).
# Needs a reachable PostgreSQL for the throwaway shadow database the committed
# migrations are replayed into; DATABASE_URL only picks the server (default:
# postgres@127.0.0.1:5432, see prisma.config.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
exec npx prisma migrate diff \
  --from-migrations prisma/migrations \
  --to-schema prisma/schema.prisma \
  --exit-code

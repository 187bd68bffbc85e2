#!/usr/bin/env bash
# Optional (not in CI): checks the TypeScript Cox fits, baselines, C-index, calibration and
# O/E against R's survival package. Needs Rscript with r-cran-survival. Output goes to stdout;
# models/README.md quotes it.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
npx tsx scripts/models/cross-check/export-for-r.ts "$dir"
Rscript scripts/models/cross-check/cross-check.R "$dir"

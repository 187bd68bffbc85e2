#!/usr/bin/env bash
# Optional (not in CI): checks the TypeScript Cox fits, baselines, C-index, calibration and
# O/E against R's survival package (Rscript + r-cran-survival), and the WDBC logistic
# regression against scikit-learn (Debian python3-sklearn). models/README.md quotes the output.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
npx tsx scripts/models/cross-check/export-for-r.ts "$dir"
Rscript scripts/models/cross-check/cross-check.R "$dir"
/usr/bin/python3 scripts/models/cross-check/wdbc-sklearn.py "$dir"

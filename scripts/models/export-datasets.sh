#!/usr/bin/env bash
# Re-creates the training data in models/data/ from Debian packages (the only place these
# real datasets exist on a machine without internet). CI does not run this: it uses the
# committed CSVs. Needs apt (root) for r-base-core + r-cran-survival and `apt-get download`.
#   WDBC:      python3-sklearn ships sklearn/datasets/data/breast_cancer.csv
#   rotterdam, gbsg, lung: R survival's lazy-load data, written with write.csv
set -euo pipefail
cd "$(dirname "$0")/../.."
out=models/data
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v Rscript >/dev/null || ! Rscript -e 'library(survival)' >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends r-base-core r-cran-survival >/dev/null
fi

# R survival datasets, unchanged (NA stays "NA"; no field contains a comma, so no quoting).
Rscript -e '
  library(survival)
  args <- commandArgs(trailingOnly = TRUE)
  for (name in c("rotterdam", "gbsg", "lung")) {
    write.csv(get(name, envir = asNamespace("survival")), file.path(args[1], paste0(name, ".csv")),
              row.names = FALSE, quote = FALSE)
  }
  writeLines(paste("R", getRversion(), "survival", packageVersion("survival")), file.path(args[1], "r-versions.txt"))
' "$out"
mv "$out/r-versions.txt" "$work/"

# WDBC: sklearn's copy has a count line instead of a header and codes 0 = malignant, 1 = benign.
# Written here with named columns and malignant = 1, so the CSV reads on its own.
(cd "$work" && apt-get download -qq python3-sklearn && dpkg -x python3-sklearn_*.deb x)
src=$(find "$work/x" -path '*sklearn/datasets/data/breast_cancer.csv' | head -1)
{
  features="radius texture perimeter area smoothness compactness concavity concave_points symmetry fractal_dimension"
  header=""
  for stat in mean se worst; do for f in $features; do header="$header${header:+,}${f}_${stat}"; done; done
  echo "$header,malignant"
  tail -n +2 "$src" | awk -F, 'BEGIN { OFS = "," } { $NF = ($NF == 0) ? 1 : 0; print }'
} > "$out/wdbc.csv"

echo "Wrote:"; wc -l "$out"/*.csv
echo "Sources: $(cat "$work/r-versions.txt"); $(dpkg-deb -f "$work"/python3-sklearn_*.deb Package Version | tr '\n' ' ')"

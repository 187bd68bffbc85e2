#!/usr/bin/env bash
# Validates the demo world's synthetic CT against the DICOM standard with
# dciodvfy (Debian dicom3tools): generates a small world (3 patients, all their
# series, default 64 × 256² geometry), checks the first, middle and last slice of
# every series and every slice of the first series, and fails on any "Error" line.
# Warnings are listed (distinct) but do not fail the check.
#   bash scripts/check-demo-dicom.sh [PATIENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
patients="${1:-3}"

if ! command -v dciodvfy >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "dciodvfy not found: installing dicom3tools with apt-get"
    apt-get install -y dicom3tools >/dev/null || { apt-get update >/dev/null && apt-get install -y dicom3tools >/dev/null; }
  else
    echo "dciodvfy (Debian package dicom3tools) is not installed; run as root: apt-get install -y dicom3tools" >&2
    exit 2
  fi
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
npx tsx scripts/generate-demo-world.ts --out "$work/world" --patients "$patients" --seed 1 --reference-date 2026-11-15

files=()
first_series=1
while IFS= read -r series_dir; do
  mapfile -t slices < <(find "$series_dir" -name '*.dcm' | sort)
  count=${#slices[@]}
  [ "$count" -gt 0 ] || continue
  if [ "$first_series" = 1 ]; then
    files+=("${slices[@]}")
    first_series=0
  else
    files+=("${slices[0]}" "${slices[$((count / 2))]}" "${slices[$((count - 1))]}")
  fi
done < <(find "$work/world/dicom" -mindepth 3 -maxdepth 3 -type d | sort)

if [ "${#files[@]}" -eq 0 ]; then
  echo "no DICOM files were generated" >&2
  exit 1
fi

log="$work/dciodvfy.log"
: >"$log"
for f in "${files[@]}"; do
  # dciodvfy reports on stderr; its first line names the IOD ("CTImage").
  dciodvfy "$f" >>"$log" 2>&1 || true
done

errors=$(grep -c 'Error' "$log" || true)
echo
echo "dciodvfy: ${#files[@]} files checked, errors: $errors"
echo "IODs recognised: $(grep -v -e '^Error' -e '^Warning' "$log" | sort | uniq -c | tr -s ' ' | paste -sd ',' -)"
if grep -q '^Warning' "$log"; then
  echo "distinct warnings:"
  grep '^Warning' "$log" | sort | uniq -c
else
  echo "distinct warnings: none"
fi
if [ "$errors" != "0" ]; then
  echo "distinct errors:"
  grep 'Error' "$log" | sort | uniq -c
  exit 1
fi

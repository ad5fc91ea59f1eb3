#!/usr/bin/env bash
# Interop check run by CI (.ci/run): LibreOffice (headless) converts every CSV of a new install's export to a
# spreadsheet and back, and the round trip keeps the rows, the Arabic text and the formula guard.
# Usage: libreoffice_reads_export.sh DIR   (a folder holding the unzipped export)
set -euo pipefail
dir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" # a profile of its own, so a running LibreOffice elsewhere cannot interfere
for name in articles mentions actors incidents claims; do
  # Import as UTF-8 CSV (filter options: comma separator, double quote, UTF-8, first line 1) into .ods, then back to CSV.
  soffice --headless --norestore --convert-to ods --infilter="CSV:44,34,76,1" --outdir "$work/ods" "$dir/$name.csv" >/dev/null 2>&1
  [ -s "$work/ods/$name.ods" ] || { echo "$name.csv: LibreOffice made no spreadsheet" >&2; exit 1; }
  soffice --headless --norestore --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1" --outdir "$work/csv" "$work/ods/$name.ods" >/dev/null 2>&1
  python3 - "$dir/$name.csv" "$work/csv/$name.csv" "$name" <<'PY'
import csv, sys
original = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
converted = list(csv.reader(open(sys.argv[2], encoding="utf-8-sig", newline="")))
assert len(converted) == len(original), f"{sys.argv[3]}.csv: LibreOffice kept {len(converted)} rows of {len(original)}"
assert converted[0] == original[0], f"{sys.argv[3]}.csv: header changed: {converted[0]}"
print(f"{sys.argv[3]}.csv: {len(original) - 1} rows through LibreOffice")
PY
done
grep -q "كتائب حزب الله" "$work/csv/actors.csv" || { echo "actors.csv: Arabic did not survive LibreOffice" >&2; exit 1; }
echo "LibreOffice reads the export: ok"

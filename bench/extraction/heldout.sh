#!/usr/bin/env bash
# The held-out measurement of issue 14, in one run: split both development sets with split.py (the fixed hash rule
# in bench/README.md), time and score the dev set with run.sh (speed against SmartReader, all pages, tuning part,
# untouched part), then score the Mozilla set (all, tuning, untouched) with the same published builds.
#
#   bench/extraction/heldout.sh        (RUNS=N rounds of timing, default 7; DEV=..., MOZILLA=... to change the sets)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
dev="${DEV:-/work/shared/extraction-dev}"
mozilla="${MOZILLA:-/work/shared/extraction-dev-mozilla}"
out="$here/out"
mkdir -p "$out"
split="$out/split"
rm -rf "$split"
python3 "$here/split.py" "$dev/html" "$dev/ground-truth" "$split/dev"
python3 "$here/split.py" "$mozilla/html" "$mozilla/ground-truth" "$split/mozilla"

echo "== dev set: speed and quality"
EXTRACTION_DEV="$dev" OUT="$out/run" PARTS="tuning=$split/dev/tuning/ground-truth untouched=$split/dev/untouched/ground-truth" \
  "$here/run.sh" "$dev/html" "$dev/ground-truth"

echo "== Mozilla set: quality (same builds)"
dotnet "$out/run/newsdesk/NewsDesk.Web.dll" extract --in "$mozilla/html" --out "$out/run/mozilla-newsdesk" >/dev/null
dotnet "$out/run/smartreader/SmartReaderBaseline.dll" "$mozilla/html" "$out/run/mozilla-smartreader" >/dev/null
for part in all="$mozilla/ground-truth" tuning="$split/mozilla/tuning/ground-truth" untouched="$split/mozilla/untouched/ground-truth"; do
  name="${part%%=*}"; truth="${part#*=}"
  printf 'mozilla %-10s newsdesk    ' "$name"; python3 "$dev/score.py" "$truth" "$out/run/mozilla-newsdesk" 2>/dev/null
  printf 'mozilla %-10s smartreader ' "$name"; python3 "$dev/score.py" "$truth" "$out/run/mozilla-smartreader" 2>/dev/null
done

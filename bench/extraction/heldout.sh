#!/usr/bin/env bash
# The held-out measurement of issue 14, in one run: time and score the dev set with run.sh (speed against
# SmartReader), extract the Mozilla set with the same published build, then score both sets by fold with folds.py
# (5 folds by hash of the file name over both sets together; the rule is in bench/README.md).
#
#   bench/extraction/heldout.sh        (RUNS=N rounds of timing, default 7; DEV=..., MOZILLA=... to change the sets;
#                                       K=N folds, default 5; HELD_OUT=F the fold not tuned on, default 1 for
#                                       session 6: fold = session mod 5, ADR 1400)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
dev="${DEV:-/work/shared/extraction-dev}"
mozilla="${MOZILLA:-/work/shared/extraction-dev-mozilla}"
out="$here/out"
mkdir -p "$out"

echo "== dev set: speed and quality"
EXTRACTION_DEV="$dev" OUT="$out/run" "$here/run.sh" "$dev/html" "$dev/ground-truth"

echo "== Mozilla set: quality (same builds)"
dotnet "$out/run/newsdesk/NewsDesk.Web.dll" extract --in "$mozilla/html" --out "$out/run/mozilla-newsdesk" >/dev/null
dotnet "$out/run/smartreader/SmartReaderBaseline.dll" "$mozilla/html" "$out/run/mozilla-smartreader" >/dev/null

echo "== folds (k=${K:-5}) over both sets: NewsDesk"
python3 "$here/folds.py" "$dev/score.py" \
  dev="$dev/ground-truth:$out/run/pred-newsdesk" mozilla="$mozilla/ground-truth:$out/run/mozilla-newsdesk" \
  --k "${K:-5}" --held-out "${HELD_OUT:-1}" --json "$out/folds-newsdesk.json"
echo "== folds (k=${K:-5}) over both sets: SmartReader"
python3 "$here/folds.py" "$dev/score.py" \
  dev="$dev/ground-truth:$out/run/pred-smartreader" mozilla="$mozilla/ground-truth:$out/run/mozilla-smartreader" --k "${K:-5}" --held-out "${HELD_OUT:-1}"

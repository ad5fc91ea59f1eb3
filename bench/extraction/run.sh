#!/usr/bin/env bash
# Extraction benchmark: NewsDesk's `extract` verb against SmartReader on the same pages, in the same run.
#   bench/extraction/run.sh [PAGES_DIR] [GROUND_TRUTH_DIR]
# Defaults to the dev set in /work/shared/extraction-dev. Both programs are published the same way (Release,
# ReadyToRun, framework-dependent) and timed as whole processes, start-up included.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
dev="${EXTRACTION_DEV:-/work/shared/extraction-dev}"
pages="${1:-$dev/html}"
truth="${2:-$dev/ground-truth}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
runs="${RUNS:-5}"

echo "== building (Release, ReadyToRun)"
dotnet publish "$repo/src/NewsDesk.Web" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$work/newsdesk" -v quiet -nologo >/dev/null
dotnet publish "$here/SmartReaderBaseline" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$work/smartreader" -v quiet -nologo >/dev/null

ours=(dotnet "$work/newsdesk/NewsDesk.Web.dll" extract --in "$pages" --out "$work/pred-newsdesk")
theirs=(dotnet "$work/smartreader/SmartReaderBaseline.dll" "$pages" "$work/pred-smartreader")
parse=(dotnet "$work/smartreader/SmartReaderBaseline.dll" "$pages" "$work/unused" --parse-only)
ours_parse=(dotnet "$work/newsdesk/NewsDesk.Web.dll" extract --in "$pages" --out "$work/unused" --parse-only)

echo "== machine: $(nproc) cores, $(dotnet --version) SDK, $(ls "$pages"/*.html | wc -l) pages"
echo "== timing whole processes ($runs runs each)"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs "$runs" --export-json "$work/times.json" \
    -n newsdesk "${ours[*]}" -n smartreader "${theirs[*]}" \
    -n newsdesk-parse-only "${ours_parse[*]}" -n anglesharp-parse-only-1-thread "${parse[*]}"
  python3 - "$work/times.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
o, s = r["newsdesk"]["mean"], r["smartreader"]["mean"]
print(f"wall mean: newsdesk {o:.3f} s, smartreader {s:.3f} s, ratio {o/s:.3f} (target <= 0.25)")
PY
else
  for name in ours theirs; do
    declare -n cmd="$name"
    best=""
    for _ in $(seq "$runs"); do
      t=$( { /usr/bin/time -f "%e" "${cmd[@]}" >/dev/null; } 2>&1 | tail -1)
      best=$(python3 -c "print(min(float('$t'), float('${best:-1e9}')))")
    done
    echo "$name best wall: $best s"
    eval "${name}_best=$best"
  done
  python3 -c "print(f'ratio {float($ours_best)/float($theirs_best):.3f} (target <= 0.25)')"
fi

echo "== scoring (F1 P R accuracy N)"
"${ours[@]}" >/dev/null
"${theirs[@]}" >/dev/null
printf 'newsdesk    '; python3 "$dev/score.py" "$truth" "$work/pred-newsdesk" 2>/dev/null
printf 'smartreader '; python3 "$dev/score.py" "$truth" "$work/pred-smartreader" 2>/dev/null

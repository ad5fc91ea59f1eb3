#!/usr/bin/env bash
# Extraction benchmark: NewsDesk's `extract` verb against SmartReader on the same pages, in the same run.
#
#   bench/extraction/run.sh [PAGES_DIR] [GROUND_TRUTH_DIR]      (RUNS=N to change the number of rounds, default 7)
#
# Any folder of <id>.html pages with a folder of <id>.json ground truth ({"articleBody": ...}) works. Optional:
#   PARTS="name=TRUTH_DIR ..."  also score these subsets of the ground truth against the same predictions
#                               (the tuning and untouched parts made by split.py);
#   OUT=DIR                     keep the published programs and predictions in DIR (heldout.sh reuses them).
#
# Defaults to the dev set in /work/shared/extraction-dev (score.py lives there). Both programs are published the
# same way (Release, ReadyToRun, framework-dependent) and timed as whole processes, start-up included. Rounds
# alternate the programs (ours, SmartReader, ours, ...) so a busy shared machine slows both alike; the ratio uses
# medians. Parse-only runs (AngleSharp alone, on all cores for ours, one thread for SmartReader's copy) show how
# much of the time is parsing.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
dev="${EXTRACTION_DEV:-/work/shared/extraction-dev}"
pages="${1:-$dev/html}"
truth="${2:-$dev/ground-truth}"
runs="${RUNS:-7}"
if [ -n "${OUT:-}" ]; then
  work="$OUT"; rm -rf "$work"; mkdir -p "$work"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi

if ! command -v hyperfine >/dev/null && command -v apt-get >/dev/null; then
  (apt-get install -y -qq hyperfine >/dev/null 2>&1 || true)
fi

echo "== building (Release, ReadyToRun)"
dotnet publish "$repo/src/NewsDesk.Web" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$work/newsdesk" -v quiet -nologo >/dev/null
dotnet publish "$here/SmartReaderBaseline" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$work/smartreader" -v quiet -nologo >/dev/null

ours="dotnet $work/newsdesk/NewsDesk.Web.dll extract --in $pages --out $work/pred-newsdesk"
theirs="dotnet $work/smartreader/SmartReaderBaseline.dll $pages $work/pred-smartreader"
ours_parse="dotnet $work/newsdesk/NewsDesk.Web.dll extract --in $pages --out $work/unused --parse-only"
theirs_parse="dotnet $work/smartreader/SmartReaderBaseline.dll $pages $work/unused --parse-only"

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), .NET SDK $(dotnet --version), $(ls "$pages"/*.html | wc -l) pages"
echo "== timing whole processes: $runs alternating rounds"
$ours >/dev/null; $theirs >/dev/null   # warm the file cache
: >"$work/times.tsv"
for round in $(seq "$runs"); do
  for name in newsdesk smartreader newsdesk-parse-only anglesharp-parse-only-1-thread; do
    case $name in
      newsdesk) cmd=$ours ;; smartreader) cmd=$theirs ;;
      newsdesk-parse-only) cmd=$ours_parse ;; *) cmd=$theirs_parse ;;
    esac
    if command -v hyperfine >/dev/null; then
      hyperfine --runs 1 --style none --export-json "$work/one.json" "$cmd" >/dev/null
      python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(sys.argv[2], r['mean'], r['user'], sep='\t')" \
        "$work/one.json" "$name" >>"$work/times.tsv"
    else
      /usr/bin/time -f "$name	%e	%U" -a -o "$work/times.tsv" $cmd >/dev/null
    fi
  done
done

python3 - "$work/times.tsv" <<'PY'
import statistics, sys
rows = [l.split('\t') for l in open(sys.argv[1]) if l.strip()]
by = {}
for name, wall, user in rows:
    by.setdefault(name, []).append((float(wall), float(user)))
med = {}
for name, xs in by.items():
    walls = [w for w, _ in xs]; users = [u for _, u in xs]
    med[name] = statistics.median(walls)
    print(f"{name:32s} wall median {statistics.median(walls):6.2f} s  min {min(walls):6.2f} s  user CPU median {statistics.median(users):6.2f} s")
print(f"ratio newsdesk / smartreader (median wall): {med['newsdesk'] / med['smartreader']:.3f}  (target <= 0.25)")
PY

echo "== scoring: F1 P R accuracy N"
printf 'newsdesk    '; python3 "$dev/score.py" "$truth" "$work/pred-newsdesk" 2>/dev/null
printf 'smartreader '; python3 "$dev/score.py" "$truth" "$work/pred-smartreader" 2>/dev/null
for part in ${PARTS:-}; do
  name="${part%%=*}"; part_truth="${part#*=}"
  printf '%-12s newsdesk    ' "$name"; python3 "$dev/score.py" "$part_truth" "$work/pred-newsdesk" 2>/dev/null
  printf '%-12s smartreader ' "$name"; python3 "$dev/score.py" "$part_truth" "$work/pred-smartreader" 2>/dev/null
done

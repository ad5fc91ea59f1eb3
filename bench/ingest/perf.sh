#!/usr/bin/env bash
# CPU profile of `scrape --once` with Linux perf (CPU samples only, unlike dotnet-trace's thread time), of the app as
# run.sh builds it, and each sample charged to the nearest frame of a known kind (perf-categories.py).
#
#   bench/ingest/perf.sh [ARTICLES]      (default 2000; PORT=5197; APP=dir of a NewsDesk.Web build, default out/app)
#   JIT=1 bench/ingest/perf.sh           (DOTNET_ReadyToRun=0: every method JIT-compiled, so every managed frame has
#                                         a name; ReadyToRun code has none in perf's view, only its assembly)
#
# Writes out/perf-N.data; prints CPU by thread and by library, then by kind of work.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="$here/out"
port="${PORT:-5197}"
n="${1:-2000}"
app="${APP:-$out/app}"
mkdir -p "$out"
[ -f "$app/NewsDesk.Web.dll" ] || { echo "no app in $app: run run.sh first (or set APP)" >&2; exit 1; }
[ -f "$out/site-bin/Site.dll" ] || dotnet build "$here/Site" -c Release -o "$out/site-bin" -v q -nologo >/dev/null
data="$out/site-$n-0-p$port"  # generate.py writes the port into the pages
[ -d "$data/site" ] || python3 "$here/generate.py" "$data" --articles "$n" --base "http://127.0.0.1:$port"
(exec dotnet "$out/site-bin/Site.dll" "$data/site" "http://127.0.0.1:$port" 2>/dev/null) &
site_pid=$!
trap 'kill $site_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/robots.txt" >/dev/null && break; sleep 0.5; done

db="$out/perf-$n.db"
rm -f "$db" "$db-wal" "$db-shm"
settings=("--ConnectionStrings:NewsDesk=Data Source=$db" --NewsDesk:ImportSeedsOnStart=false
  --Ingest:Enabled=false --Ingest:AllowPrivateNetworks=true --Ingest:PerHostDelay=00:00:00 --Ingest:PerHostConcurrency=4
  --Ingest:MaxItemsPerFetch=100000 --Ingest:MaxNewArticlesPerFetch=100000 --Ingest:MaxChildSitemaps=10
  --Serilog:MinimumLevel:Default=Warning)
dotnet "$app/NewsDesk.Web.dll" migrate "${settings[@]}" >/dev/null
for k in 1 2 3 4 5; do dotnet "$app/NewsDesk.Web.dll" sources add "http://127.0.0.1:$port/feeds/feed-$k.xml" --kind feed "${settings[@]}" >/dev/null 2>&1; done
dotnet "$app/NewsDesk.Web.dll" sources add "http://127.0.0.1:$port/sitemap.xml" --kind sitemap "${settings[@]}" >/dev/null 2>&1
echo "== load $(cut -d' ' -f1-3 /proc/loadavg)"
jit=()
[[ -n "${JIT:-}" ]] && jit=(DOTNET_ReadyToRun=0)
env "${jit[@]}" DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 \
  perf record -F 499 -g -o "$out/perf-$n.data" -- dotnet "$app/NewsDesk.Web.dll" scrape --once "${settings[@]}" >"$out/perf-$n.log" 2>&1
tail -1 "$out/perf-$n.log"
echo "== by thread"; perf report -i "$out/perf-$n.data" --no-children --sort comm --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -8
echo "== by library"; perf report -i "$out/perf-$n.data" --no-children --sort dso --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -14
echo "== by kind of work"; perf script -i "$out/perf-$n.data" -F comm,tid,ip,sym,dso 2>/dev/null | python3 "$here/perf-categories.py"

#!/usr/bin/env bash
# What a `scrape --once`'s memory is made of, over time: one scrape of a generated site (fresh database, the five
# feeds and the sitemap added as run.sh adds them), its resident memory sampled every half second and split by kind
# (smaps-split.py: JIT code, images, native libraries, anonymous memory), the GC's own view with dotnet-counters
# and, optionally, heap dumps at chosen seconds.
#
#   bench/ingest/memory.sh APP_DIR SITE_DIR [LABEL]
#     APP_DIR: a publish or build of NewsDesk.Web (run.sh's out/app); SITE_DIR: generate.py's output folder
#     GCDUMP_AT="10 20"   dotnet-gcdump at these seconds after the start (dotnet tool install -g dotnet-gcdump)
#     DUMP_AT="60"        dotnet-dump (heap) at these seconds, for `dotnet-dump analyze`: dumpheap -stat, gcroot
#     DUMP_RSS_MB=450     one dotnet-dump when the resident memory first reaches this many MB
#     COUNTERS=1          dotnet-counters collect (System.Runtime) into OUT/LABEL.counters.csv (read it with counters.py)
#     OUT=dir PORT=5301   where results go (default bench/ingest/out/memory), the site's port
#     ENV="K=V ..."       extra environment for the scrape (runtime settings to compare)
# Prints the peak sample's split, the process's max RSS (/usr/bin/time) and CPU time.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
app_dir="$(cd "$1" && pwd)"
site_dir="$(cd "$2" && pwd)"
label="${3:-scrape}"
out="${OUT:-$here/out/memory}"
port="${PORT:-5301}"
mkdir -p "$out"
tools="$HOME/.dotnet/tools"
site_bin="$here/out/site-bin"
[ -f "$site_bin/Site.dll" ] || dotnet build "$here/Site" -c Release -o "$site_bin" -v q -nologo >/dev/null

site_pid=
trap 'kill $site_pid 2>/dev/null || true' EXIT
(exec dotnet "$site_bin/Site.dll" "$site_dir/site" "http://127.0.0.1:$port" 2>/dev/null) &
site_pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/robots.txt" >/dev/null && break; sleep 0.5; done

db="$out/$label.db"
rm -rf "$db" "$db-wal" "$db-shm" "$out/$label-data"
args=("--ConnectionStrings:NewsDesk=Data Source=$db" "--NewsDesk:DataDirectory=$out/$label-data" --NewsDesk:ImportSeedsOnStart=false
  --Ingest:Enabled=false --Ingest:AllowPrivateNetworks=true --Ingest:PerHostDelay=00:00:00 --Ingest:PerHostConcurrency=4
  --Ingest:MaxItemsPerFetch=100000 --Ingest:MaxNewArticlesPerFetch=100000 --Ingest:MaxChildSitemaps=10
  --Serilog:MinimumLevel:Default=Warning)
app() { dotnet "$app_dir/NewsDesk.Web.dll" "$@" "${args[@]}"; }
app migrate >/dev/null
# generate.py wrote the site's addresses with its --base; the site is served at that port here.
base_port=$(grep -o '127.0.0.1:[0-9]*' "$site_dir/site/sitemap.xml" | head -1 | cut -d: -f2)
[ "$base_port" = "$port" ] || { echo "the site was generated for port $base_port; run with PORT=$base_port" >&2; exit 1; }
for k in 1 2 3 4 5; do app sources add "http://127.0.0.1:$port/feeds/feed-$k.xml" --kind feed >/dev/null 2>&1; done
app sources add "http://127.0.0.1:$port/sitemap.xml" --kind sitemap >/dev/null 2>&1

echo "== $label: load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%TZ)"
# shellcheck disable=SC2086
env ${ENV:-} /usr/bin/time -f "%e %M %U %S" -o "$out/$label.time" dotnet "$app_dir/NewsDesk.Web.dll" scrape --once "${args[@]}" \
  >"$out/$label.log" 2>&1 &
time_pid=$!
pid=
for _ in $(seq 1 100); do pid=$(pgrep -P $time_pid || true); [ -n "$pid" ] && break; sleep 0.05; done

if [[ -n "${COUNTERS:-}" ]]; then
  sleep 0.5
  "$tools/dotnet-counters" collect -p "$pid" --refresh-interval 1 --format csv -o "$out/$label.counters.csv" \
    --counters System.Runtime >/dev/null 2>&1 &
fi

samples="$out/$label.samples"
echo "seconds $(python3 "$here/smaps-split.py" --header)" >"$samples"
start=$(date +%s.%N)
dumps=" ${GCDUMP_AT:-} "
full_dumps=" ${DUMP_AT:-} "
while kill -0 "$pid" 2>/dev/null; do
  now=$(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')")
  line=$(python3 "$here/smaps-split.py" "$pid" 2>/dev/null) && echo "$now $line" >>"$samples"
  for at in $dumps; do
    if python3 -c "import sys; sys.exit(0 if $now >= $at else 1)"; then
      "$tools/dotnet-gcdump" collect -p "$pid" -o "$out/$label-$at.gcdump" >/dev/null 2>&1 || true
      dumps="${dumps/ $at / }"
    fi
  done
  for at in $full_dumps; do
    if python3 -c "import sys; sys.exit(0 if $now >= $at else 1)"; then
      "$tools/dotnet-dump" collect -p "$pid" --type Heap -o "$out/$label-$at.dump" >/dev/null 2>&1 || true
      full_dumps="${full_dumps/ $at / }"
    fi
  done
  if [[ -n "${DUMP_RSS_MB:-}" ]] && (( $(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status" 2>/dev/null || echo 0) >= DUMP_RSS_MB )); then
    "$tools/dotnet-dump" collect -p "$pid" --type Heap -o "$out/$label-rss$DUMP_RSS_MB.dump" >/dev/null 2>&1 || true
    DUMP_RSS_MB=
  fi
  sleep 0.5
done
wait $time_pid || true
read -r wall kb user sys <"$out/$label.time"
stored=$(sqlite3 "$db" "select count(*) from Articles")
echo "stored $stored, wall ${wall}s, CPU $(python3 -c "print(f'{$user + $sys:.1f}')")s, max RSS $((kb / 1024)) MB"
echo "peak sample (MB): $(head -1 "$samples")"
sort -k2 -n "$samples" | tail -1

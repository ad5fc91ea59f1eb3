#!/usr/bin/env bash
# CPU profile of `scrape --once` over a generated site (bench/ingest/run.sh's setup), for finding what a stored
# article costs. Needs dotnet-trace (`dotnet tool install -g dotnet-trace`).
#
#   bench/ingest/profile.sh [ARTICLES]        (default 1000; PORT=5198)
#
# (bench/ingest/perf.sh profiles with Linux perf instead: CPU samples only.)
# Writes out/profile-N.nettrace and out/profile-N.speedscope.json, then prints the frames with the most samples
# (inclusive and exclusive, threads that were waiting left out) with top-frames.py.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/out"
port="${PORT:-5198}"
n="${1:-1000}"
trace="${DOTNET_TRACE:-$HOME/.dotnet/tools/dotnet-trace}"
mkdir -p "$out"

dotnet build "$root/src/NewsDesk.Web" -c Release -o "$out/app" -v q -nologo >/dev/null
dotnet build "$here/Site" -c Release -o "$out/site-bin" -v q -nologo >/dev/null
data="$out/site-$n-0-p$port"
[ -d "$data/site" ] || python3 "$here/generate.py" "$data" --articles "$n" --base "http://127.0.0.1:$port"
(exec dotnet "$out/site-bin/Site.dll" "$data/site" "http://127.0.0.1:$port" 2>/dev/null) &
site_pid=$!
trap 'kill $site_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/robots.txt" >/dev/null && break; sleep 0.5; done

db="$out/profile-$n.db"
rm -f "$db" "$db-wal" "$db-shm"
rm -rf "$out/profile-captures"
settings=("--ConnectionStrings:NewsDesk=Data Source=$db" --NewsDesk:ImportSeedsOnStart=false
  --Ingest:Enabled=false --Ingest:AllowPrivateNetworks=true --Ingest:PerHostDelay=00:00:00 --Ingest:PerHostConcurrency=4
  --Ingest:MaxItemsPerFetch=100000 --Ingest:MaxNewArticlesPerFetch=100000 --Ingest:MaxChildSitemaps=10
  --Serilog:MinimumLevel:Default=Warning)
dotnet "$out/app/NewsDesk.Web.dll" migrate "${settings[@]}" >/dev/null
for k in 1 2 3 4 5; do dotnet "$out/app/NewsDesk.Web.dll" sources add "http://127.0.0.1:$port/feeds/feed-$k.xml" --kind feed "${settings[@]}" >/dev/null 2>&1; done
dotnet "$out/app/NewsDesk.Web.dll" sources add "http://127.0.0.1:$port/sitemap.xml" --kind sitemap "${settings[@]}" >/dev/null 2>&1
"$trace" collect --profile dotnet-sampled-thread-time --format Speedscope -o "$out/profile-$n.nettrace" -- \
  dotnet "$out/app/NewsDesk.Web.dll" scrape --once "${settings[@]}" >"$out/profile-$n.log" 2>&1 || true
tail -1 "$out/profile-$n.log"
python3 "$here/top-frames.py" "$out/profile-$n.speedscope.json" | head -80

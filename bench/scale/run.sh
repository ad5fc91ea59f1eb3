#!/usr/bin/env bash
# Load benchmark at newsroom scale: the app in Release on 127.0.0.1 against a generated database.
# Usage: bench/scale/run.sh [ARTICLES ACTORS MENTIONS]   (defaults 100000 20000 1000000)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/out"
articles="${1:-100000}" actors="${2:-20000}" mentions="${3:-1000000}"
db="$out/scale-$articles.db"
port=5099
duration="${DURATION:-15s}"
mkdir -p "$out"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }

dotnet build "$root/src/NewsDesk.Web" -c Release -o "$out/app" -v q -nologo >/dev/null
app() { dotnet "$out/app/NewsDesk.Web.dll" "$@" "--ConnectionStrings:NewsDesk=Data Source=$db" --NewsDesk:ImportSeedsOnStart=false --Ingest:Enabled=false --Serilog:MinimumLevel:Default=Warning; }

if [ ! -f "$db" ]; then
  app migrate >/dev/null
  python3 "$here/generate.py" "$db" --articles "$articles" --actors "$actors" --mentions "$mentions"
fi

app --urls "http://127.0.0.1:$port" >"$out/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done

article=$(sqlite3 "$db" "SELECT ArticleId FROM Mentions GROUP BY ArticleId HAVING count(*) = 200 LIMIT 1")
query="militia"
declare -A urls=(
  [trivial]="/about"
  [list]="/"
  [article200]="/articles/$article"
  [search]="/?q=$query"
)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; articles=$articles actors=$actors mentions=$mentions; wrk -t2 -c8 -d$duration"
for name in trivial list article200 search; do
  url="http://127.0.0.1:$port${urls[$name]}"
  curl -sf -o /dev/null "$url" || { echo "$name: $url failed"; exit 1; }
  wrk -t2 -c8 -d5s "$url" >/dev/null   # warm-up: JIT, caches
  printf '%-11s %s\n' "$name" "$(wrk -t2 -c8 -d"$duration" -s "$here/report.lua" "$url" | tail -n 1)"
done
kill $pid; wait $pid 2>/dev/null || true
printf '%-11s %s\n' "fts-direct" "$(python3 "$here/fts_direct.py" "$db" "$query")"

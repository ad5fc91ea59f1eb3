#!/usr/bin/env bash
# Issue 20 (finding 8): the server memory one large article costs when it is viewed, read through the API, tagged,
# asked for suggestions and exported with its text, each step against the same step on a 30 KB article in the same
# run (Soak large). The articles come in through import-seeds (the starter actors beside them, so suggestions find
# names); the scraper's own cost of a large page is bench/ingest's. Peak RSS is the server's VmHWM after resetting it.
# Usage: bench/soak/large-article.sh [MEGABYTES]   (default 5; REUSE_BUILDS=1 keeps out/'s builds)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$here/out"
megabytes=${1:-5}
run="$out/large-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$run/data" "$run/seeds"
reuse=${REUSE_BUILDS:-0}
[ "$reuse" = 1 ] && [ -f "$out/app/NewsDesk.Web.dll" ] || dotnet build "$root/src/NewsDesk.Web" -c Release -o "$out/app" -v q -nologo >/dev/null
[ "$reuse" = 1 ] && [ -f "$out/soak/Soak.dll" ] || dotnet build "$here/Soak" -c Release -o "$out/soak" -v q -nologo >/dev/null

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
settings=("--ConnectionStrings:NewsDesk=Data Source=$run/data/newsdesk.db" "--NewsDesk:DataDirectory=$run/data" "--NewsDesk:SeedsDirectory=$run/seeds"
  --NewsDesk:ImportSeedsOnStart=false --Ingest:Enabled=false --Serilog:MinimumLevel:Default=Warning)
app=(dotnet "$out/app/NewsDesk.Web.dll")
dotnet "$out/soak/Soak.dll" large-seeds "$run/seeds" "$megabytes"
cp "$root/seeds/actors.json" "$run/seeds/"
"${app[@]}" migrate "${settings[@]}" >/dev/null
"${app[@]}" import-seeds "${settings[@]}" >/dev/null
password="Large-article-$(date +%s)"
echo "$password" | "${app[@]}" users add large@newsdesk.test --role editor "${settings[@]}" >/dev/null
token=$("${app[@]}" tokens create --user large@newsdesk.test "${settings[@]}" | tail -n 1)
printf 'large@newsdesk.test\t%s\t%s\n' "$password" "$token" > "$run/accounts.tsv"

"${app[@]}" --urls "http://127.0.0.1:$port" "${settings[@]}" > "$run/app.log" 2>&1 & server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 1; done
echo "server RSS when started: $(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$server/status") MB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$out/soak/Soak.dll" large "http://127.0.0.1:$port/" "$run/accounts.tsv" "$server" | tee "$run/report.md"
echo "server RSS at the end: $(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$server/status") MB, peak $(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$server/status") MB since the last reset; load average $(cut -d' ' -f1-3 /proc/loadavg)"

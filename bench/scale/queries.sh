#!/usr/bin/env bash
# Counts the SQL commands each measured page sends, from EF Core's command log: run.sh's pages, as served (the same
# URL twice: the second request is what "as served" measures) and uncached (a URL nobody asked for), then the article
# with the page cache off (the cold view).
# Usage: bench/scale/queries.sh [--db sqlite|postgres] [ARTICLES]   (after run.sh has built the app and the database)
#   Environment: APP_PORT=5099 (this script uses APP_PORT+2), PG_PORT=55498, QUERY=militia.
# With --db postgres the cluster run.sh left in out/pg is started and stopped again.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/out"
engine=sqlite articles=100000
while [ $# -gt 0 ]; do
  case "$1" in
    --db) engine="$2"; shift 2 ;;
    *) articles="$1"; shift ;;
  esac
done
port=$((${APP_PORT:-5099} + 2)) pg_port="${PG_PORT:-55498}" query="${QUERY:-militia}"
db="$out/scale-$articles.db"
[ -f "$db" ] && [ -f "$out/app/NewsDesk.Web.dll" ] || { echo "run bench/scale/run.sh $articles ... first" >&2; exit 1; }
common=(--NewsDesk:ImportSeedsOnStart=false --Ingest:Enabled=false --Serilog:MinimumLevel:Default=Warning
  --Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command=Information
  --RateLimits:SearchesPerMinute=100000000 "--NewsDesk:DataDirectory=$out/data-$engine")
store=("--ConnectionStrings:NewsDesk=Data Source=$db")
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ "$engine" = postgres ] && [ -f "$out/pg/data/postmaster.pid" ]; then "$root/.ci/postgres" stop "$out/pg" >/dev/null || true; fi
}
trap cleanup EXIT
if [ "$engine" = postgres ]; then
  pg_base=$("$root/.ci/postgres" start "$out/pg" "$pg_port" | tail -n 1)
  store=(--NewsDesk:Database=PostgreSQL "--ConnectionStrings:NewsDesk=$pg_base;Database=scale_$articles")
fi
app() { dotnet "$out/app/NewsDesk.Web.dll" "$@" "${store[@]}" "${common[@]}"; }
email="queries-$(date +%s)@newsdesk.local" password="Queries-$(date +%s)-Pa55word!"
printf '%s\n' "$password" | app users add "$email" --role viewer >/dev/null
article=$(sqlite3 "$db" "SELECT ArticleId FROM Mentions GROUP BY ArticleId HAVING count(*) = 200 LIMIT 1")
log="$out/queries-$engine.log"

serve() {
  (exec dotnet "$out/app/NewsDesk.Web.dll" --urls "http://127.0.0.1:$port" "${store[@]}" "${common[@]}" "$@") >"$log" 2>&1 &
  served=$!
  pids+=("$served")
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return 0
    sleep 0.5
  done
  echo "the app did not answer" >&2; exit 1
}
cookie=""
signin() {
  local jar="$out/queries-cookies.txt" login="http://127.0.0.1:$port/account/login" token
  rm -f "$jar"
  token=$(curl -s -c "$jar" -b "$jar" "$login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Form.Email=$email" \
    --data-urlencode "Form.Password=$password" --data-urlencode "__RequestVerificationToken=$token" "$login"
  cookie=$(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }')
}
commands() { grep -c 'Executed DbCommand' "$log" || true; }
count() { # label, path: the commands one request sends (the log is flushed by the console sink at once)
  local before after code
  before=$(commands)
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "http://127.0.0.1:$port$2")
  sleep 0.3
  after=$(commands)
  printf '%-34s %3s  %s commands\n' "$1" "$code" $((after - before))
}

echo "engine=$engine articles=$articles article=$article"
serve
signin
for path in /about / "/articles/$article" "/?q=$query"; do
  count "$path (first)" "$path"
  count "$path (as served)" "$path"
done
count "/ (uncached)" "/?n=$RANDOM$RANDOM"
count "/?q=$query (uncached)" "/?q=$query&n=$RANDOM$RANDOM"
kill "$served"; wait "$served" 2>/dev/null || true
pids=()
serve --NewsDesk:PageCacheMegabytes=0
signin
count "/about (cache off)" /about
count "/articles/$article (cold)" "/articles/$article"
count "/articles/$article (cold, again)" "/articles/$article"
echo "log: $log"

#!/usr/bin/env bash
# Ingest benchmark: `scrape --once` over a generated news site on loopback against the `extract` verb alone on the
# same pages, whole processes, in one run.
#
#   bench/ingest/run.sh            (SIZES="2500 10000" article counts; PORT=5199)
#   SIZES="1000 1000:1" bench/ingest/run.sh     (N:K = N articles of which the last K are about 5 MB each)
#   BUILD=1 bench/ingest/run.sh                 (`dotnet build` output instead of the ReadyToRun publish)
#
# For each size: generate the site (generate.py), serve it with Site (Kestrel, static files), time `extract` over
# the article pages (the baseline: pages/s), then on a fresh database add the five feeds and the sitemap index as
# sources and time `scrape --once` (articles stored/s). Peak memory is each process's maximum resident set size
# (/usr/bin/time), and CPU time (user + system) gives a second ratio, steadier than wall time on a shared machine.
# Politeness delay is 0 for the benchmark host; 4 requests in flight to it.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/out"
port="${PORT:-5199}"
sizes="${SIZES:-2500 10000}"
mkdir -p "$out"

# The app as the README's Deploy section publishes it (ReadyToRun); BUILD=1 measures `dotnet build` output instead.
# REUSE_BUILDS=1 keeps what an earlier run built. Both sides run the same executable either way.
if [[ -z "${REUSE_BUILDS:-}" ]]; then
  rm -rf "$out/app"
  if [[ -n "${BUILD:-}" ]]; then
    dotnet build "$root/src/NewsDesk.Web" -c Release -o "$out/app" -v q -nologo >/dev/null
  else
    dotnet publish "$root/src/NewsDesk.Web" -c Release -r linux-x64 --no-self-contained -p:PublishReadyToRun=true -o "$out/app" -v q -nologo >/dev/null
  fi
  dotnet build "$here/Site" -c Release -o "$out/site-bin" -v q -nologo >/dev/null
fi
echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"

site_pid=
trap 'kill $site_pid 2>/dev/null || true' EXIT
printf '%-8s %-10s %-9s %-10s %-10s %-9s %-10s %-10s %-8s\n' articles extract/s ext-MB stored scrape/s scr-MB ratio cpu-ratio mem-ratio
for spec in $sizes; do
  n="${spec%%:*}"
  large=0
  [[ "$spec" == *:* ]] && large="${spec#*:}"
  data="$out/site-$n-$large"
  [ -d "$data/site" ] || python3 "$here/generate.py" "$data" --articles "$n" --large "$large" --base "http://127.0.0.1:$port"
  (exec dotnet "$out/site-bin/Site.dll" "$data/site" "http://127.0.0.1:$port" 2>/dev/null) &
  site_pid=$!
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/robots.txt" >/dev/null && break; sleep 0.5; done

  rm -rf "$out/extracted"
  /usr/bin/time -f "%e %M %U %S" -o "$out/extract.time" dotnet "$out/app/NewsDesk.Web.dll" extract --in "$data/site/articles" --out "$out/extracted" >/dev/null
  read -r ext_s ext_kb ext_user ext_sys <"$out/extract.time"

  db="$out/ingest-$n-$large.db"
  rm -f "$db" "$db-wal" "$db-shm"
  app() {
    dotnet "$out/app/NewsDesk.Web.dll" "$@" "--ConnectionStrings:NewsDesk=Data Source=$db" --NewsDesk:ImportSeedsOnStart=false \
      --Ingest:Enabled=false --Ingest:AllowPrivateNetworks=true --Ingest:PerHostDelay=00:00:00 --Ingest:PerHostConcurrency=4 \
      --Ingest:MaxItemsPerFetch=100000 --Ingest:MaxNewArticlesPerFetch=100000 --Ingest:MaxChildSitemaps=10 \
      --Serilog:MinimumLevel:Default=Warning
  }
  app migrate >/dev/null
  for k in 1 2 3 4 5; do app sources add "http://127.0.0.1:$port/feeds/feed-$k.xml" --kind feed >/dev/null 2>&1 || echo "adding feed $k failed" >&2; done
  app sources add "http://127.0.0.1:$port/sitemap.xml" --kind sitemap >/dev/null 2>&1 || echo "adding the sitemap failed" >&2
  /usr/bin/time -f "%e %M %U %S" -o "$out/scrape.time" bash -c "$(declare -f app); db='$db' out='$out' port='$port'; app scrape --once" >"$out/scrape-$n-$large.log"
  read -r scr_s scr_kb scr_user scr_sys <"$out/scrape.time"
  stored=$(sqlite3 "$db" "select count(*) from Articles")
  kill $site_pid; wait $site_pid 2>/dev/null || true

  python3 - "$spec" "$ext_s" "$ext_kb" "$stored" "$scr_s" "$scr_kb" "$ext_user" "$ext_sys" "$scr_user" "$scr_sys" <<'PY'
import sys
n, ext_s, ext_kb, stored, scr_s, scr_kb, ext_user, ext_sys, scr_user, scr_sys = sys.argv[1:]
ext_rate, scr_rate = int(n.split(":")[0]) / float(ext_s), int(stored) / float(scr_s)
# Pages per CPU second of each process, the same ratio by CPU time instead of wall time.
ext_cpu, scr_cpu = int(n.split(":")[0]) / (float(ext_user) + float(ext_sys)), int(stored) / (float(scr_user) + float(scr_sys))
print(f"{n:<8} {ext_rate:<10.0f} {int(ext_kb) / 1024:<9.0f} {stored:<10} {scr_rate:<10.0f} {int(scr_kb) / 1024:<9.0f} "
      f"{scr_rate / ext_rate:<10.1%} {scr_cpu / ext_cpu:<10.1%} {int(scr_kb) / int(ext_kb):<8.2f}")
PY
  tail -1 "$out/scrape-$n-$large.log"
done

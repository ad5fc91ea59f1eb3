#!/usr/bin/env bash
# Ingest benchmark: `scrape --once` over a generated news site on loopback against the `extract` verb alone on the
# same pages, whole processes, in one run.
#
#   bench/ingest/run.sh            (SIZES="2500 10000" article counts; PORT=5199)
#   SIZES="1000 1000:1" bench/ingest/run.sh     (N:K = N articles of which the last K are about 5 MB each)
#   BUILD=1 bench/ingest/run.sh                 (`dotnet build` output instead of the ReadyToRun publish)
#   ROUNDS=5 SIZES=10000 bench/ingest/run.sh    (5 rounds of extract then scrape; a row per round, then the medians)
#   APP=/tmp/main-app bench/ingest/run.sh       (an app built elsewhere, e.g. main's publish for an A/B; not rebuilt)
#   SETTINGS="--Ingest:StoreBatchSize=64" bench/ingest/run.sh   (settings added to every app command, to try one)
#
# For each size: generate the site (generate.py), serve it with Site (Kestrel, static files), time `extract` over
# the article pages (the baseline: pages/s), then on a fresh database add the five feeds and the sitemap index as
# sources and time `scrape --once` (articles stored/s). Peak memory is each process's maximum resident set size
# (/usr/bin/time), and CPU time (user + system) gives a second ratio, steadier than wall time on a shared machine.
# Politeness delay is 0 for the benchmark host; 4 requests in flight to it.
# On a shared machine one run's wall-time ratio is noise (four extract runs in a row took 3.5-5.9 s): ROUNDS alternates
# the two, each round's ratio is against the extract of the same round, and the last row is the median of each column.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/out"
port="${PORT:-5199}"
sizes="${SIZES:-2500 10000}"
rounds="${ROUNDS:-1}"
mkdir -p "$out"

# The app as the README's Deploy section publishes it (ReadyToRun); BUILD=1 measures `dotnet build` output instead.
# REUSE_BUILDS=1 keeps what an earlier run built. Both sides run the same executable either way.
app_dir="${APP:-$out/app}"
if [[ -z "${REUSE_BUILDS:-}" && -z "${APP:-}" ]]; then
  rm -rf "$out/app"
  if [[ -n "${BUILD:-}" ]]; then
    dotnet build "$root/src/NewsDesk.Web" -c Release -o "$out/app" -v q -nologo >/dev/null
  else
    dotnet publish "$root/src/NewsDesk.Web" -c Release -r linux-x64 --no-self-contained -p:PublishReadyToRun=true -o "$out/app" -v q -nologo >/dev/null
  fi
fi
[[ -n "${REUSE_BUILDS:-}" && -f "$out/site-bin/Site.dll" ]] || dotnet build "$here/Site" -c Release -o "$out/site-bin" -v q -nologo >/dev/null
echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"

site_pid=
trap 'kill $site_pid 2>/dev/null || true' EXIT
printf '%-12s %-10s %-9s %-10s %-10s %-9s %-10s %-10s %-8s %-5s\n' articles extract/s ext-MB stored scrape/s scr-MB ratio cpu-ratio mem-ratio load
for spec in $sizes; do
  n="${spec%%:*}"
  large=0
  [[ "$spec" == *:* ]] && large="${spec#*:}"
  data="$out/site-$n-$large"
  [ -d "$data/site" ] || python3 "$here/generate.py" "$data" --articles "$n" --large "$large" --base "http://127.0.0.1:$port"
  (exec dotnet "$out/site-bin/Site.dll" "$data/site" "http://127.0.0.1:$port" 2>/dev/null) &
  site_pid=$!
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/robots.txt" >/dev/null && break; sleep 0.5; done

  rows="$out/rows-$n-$large.tsv"
  : >"$rows"
  for round in $(seq 1 "$rounds"); do
    rm -rf "$out/extracted"
    /usr/bin/time -f "%e %M %U %S" -o "$out/extract.time" dotnet "$app_dir/NewsDesk.Web.dll" extract --in "$data/site/articles" --out "$out/extracted" >/dev/null
    read -r ext_s ext_kb ext_user ext_sys <"$out/extract.time"

    db="$out/ingest-$n-$large.db"
    rm -f "$db" "$db-wal" "$db-shm"
    app() {
      dotnet "$app_dir/NewsDesk.Web.dll" "$@" "--ConnectionStrings:NewsDesk=Data Source=$db" --NewsDesk:ImportSeedsOnStart=false \
        --Ingest:Enabled=false --Ingest:AllowPrivateNetworks=true --Ingest:PerHostDelay=00:00:00 --Ingest:PerHostConcurrency=4 \
        --Ingest:MaxItemsPerFetch=100000 --Ingest:MaxNewArticlesPerFetch=100000 --Ingest:MaxChildSitemaps=10 \
        --Serilog:MinimumLevel:Default=Warning ${SETTINGS:-}
    }
    app migrate >/dev/null
    for k in 1 2 3 4 5; do app sources add "http://127.0.0.1:$port/feeds/feed-$k.xml" --kind feed >/dev/null 2>&1 || echo "adding feed $k failed" >&2; done
    app sources add "http://127.0.0.1:$port/sitemap.xml" --kind sitemap >/dev/null 2>&1 || echo "adding the sitemap failed" >&2
    /usr/bin/time -f "%e %M %U %S" -o "$out/scrape.time" bash -c "$(declare -f app); db='$db' app_dir='$app_dir' port='$port' SETTINGS='${SETTINGS:-}'; app scrape --once" >"$out/scrape-$n-$large.log"
    read -r scr_s scr_kb scr_user scr_sys <"$out/scrape.time"
    stored=$(sqlite3 "$db" "select count(*) from Articles")
    echo "$ext_s $ext_kb $stored $scr_s $scr_kb $ext_user $ext_sys $scr_user $scr_sys $(cut -d' ' -f1 /proc/loadavg)" >>"$rows"
    tail -1 "$out/scrape-$n-$large.log" >&2
  done
  kill $site_pid; wait $site_pid 2>/dev/null || true

  python3 - "$spec" "$rows" <<'PY'
import statistics, sys
spec, rows = sys.argv[1:]
n = int(spec.split(":")[0])
table = []
for line in open(rows):
    ext_s, ext_kb, stored, scr_s, scr_kb, ext_user, ext_sys, scr_user, scr_sys, load = line.split()
    ext_rate, scr_rate = n / float(ext_s), int(stored) / float(scr_s)
    # Pages per CPU second of each process: the same ratio by CPU time instead of wall time.
    ext_cpu, scr_cpu = n / (float(ext_user) + float(ext_sys)), int(stored) / (float(scr_user) + float(scr_sys))
    table.append((ext_rate, int(ext_kb) / 1024, int(stored), scr_rate, int(scr_kb) / 1024, scr_rate / ext_rate,
                  scr_cpu / ext_cpu, int(scr_kb) / int(ext_kb), float(load)))
label = lambda i: f"{spec}" + (f" r{i}" if len(table) > 1 else "")
def show(name, r):
    print(f"{name:<12} {r[0]:<10.0f} {r[1]:<9.0f} {r[2]:<10.0f} {r[3]:<10.0f} {r[4]:<9.0f} {r[5]:<10.1%} {r[6]:<10.1%} {r[7]:<8.2f} {r[8]:<5.1f}")
for i, r in enumerate(table, 1):
    show(label(i), r)
if len(table) > 1:
    show(f"{spec} median", [statistics.median(c) for c in zip(*table)])
PY
done

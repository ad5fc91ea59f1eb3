#!/usr/bin/env bash
# Export benchmark: NewsDesk's `export` verb (Release) against `sqlite3 -csv` running the same mentions join
# (the same 60-character context cut from the article text) on the same database, in the same run.
# Reports rows/s of both, the ratio (target: at least 50%) by wall time and by CPU time (user + system), and peak
# RSS (GNU time) of the export writing about 10% and 100% of the mentions, which must be about the same: rows are
# streamed, never collected. The same mentions export built from BASELINE_REF (default main) runs beside it.
# The database is bench/scale/generate.py's newsroom (the app's own migrations, then 100k articles, 20k actors,
# 1M mentions by default), built once into bench/export/out/ and reused.
# Closure (issue 18): the five CSV files over the ~10% slice (a date filter, so the selection is closed over every
# reference) are timed with this build, with BASELINE_REF's, and with the app built from CLOSURE_BASELINE_REF
# (default 326e992: main before closed selections), in the same run; the ratio to the last is what closing the
# selection costs (target: at most +10%).
# Usage: bench/export/run.sh [ARTICLES ACTORS MENTIONS]   (defaults 100000 20000 1000000; BASELINE_REF=main,
# BASELINE_REF=none leaves that build out (when this build is main); CLOSURE_BASELINE_REF=326e992; FULL=1 also times
# the export of all seven files; REUSE_BUILDS=1 keeps out/'s builds)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$here/out"
articles=${1:-100000} actors=${2:-20000} mentions=${3:-1000000}
db="$out/export-$articles-$mentions.db"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

command -v sqlite3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }

reuse=${REUSE_BUILDS:-0} # 1: keep the builds already in out/ (app, baseline-app, closure-baseline-app)
[ "$reuse" = 1 ] && [ -f "$out/app/NewsDesk.Web.dll" ] || dotnet build "$root/src/NewsDesk.Web" -c Release -o "$out/app" -v q -nologo >/dev/null
build_ref() { # git ref, output folder; the sources stay in out/ (a build's static-asset manifest points into them)
  [ "$reuse" = 1 ] && [ -f "$out/$2/NewsDesk.Web.dll" ] && return
  rm -rf "$out/src-$2" && mkdir -p "$out/src-$2"
  git -C "$root" archive "$1" | tar x -C "$out/src-$2"
  dotnet build "$out/src-$2/src/NewsDesk.Web" -c Release -o "$out/$2" -v q -nologo >/dev/null
}
baseline_ref=${BASELINE_REF:-main}
closure_ref=${CLOSURE_BASELINE_REF:-326e992}
[ "$baseline_ref" = none ] || build_ref "$baseline_ref" baseline-app
build_ref "$closure_ref" closure-baseline-app
settings=("--ConnectionStrings:NewsDesk=Data Source=$db" --NewsDesk:ImportSeedsOnStart=false --Serilog:MinimumLevel:Default=Warning)
app=(dotnet "$out/app/NewsDesk.Web.dll")

if [ ! -f "$db" ]; then
  "${app[@]}" migrate "${settings[@]}" >/dev/null
  python3 "$root/bench/scale/generate.py" "$db" --articles "$articles" --actors "$actors" --mentions "$mentions"
  sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
fi
cat "$db" >/dev/null # every contender starts with the file in the page cache

query=$(cat <<'SQL'
SELECT m.Id AS mention_id, m.ArticleId AS article_id, a.Url AS article_url, a.Title AS article_title, a.SiteName AS site,
       a.PublishedAt AS published_at,
       CASE WHEN m.ActorId IS NOT NULL THEN 'Actor' WHEN m.IncidentId IS NOT NULL THEN 'Incident' ELSE 'Claim' END AS record_type,
       coalesce(m.ActorId, m.IncidentId, m.ClaimId) AS record_id, coalesce(ac.Name, i.Title, c.Text) AS record_name,
       m.Quote AS quote, m.Start AS start, m."End" AS "end",
       substr(a.Text, max(m.Start - 59, 1), min(m.Start, 60)) AS context_before, substr(a.Text, m."End" + 1, 60) AS context_after,
       m.CreatedBy AS annotator, m.CreatedAt AS created_at
FROM Mentions m JOIN Articles a ON a.Id = m.ArticleId
LEFT JOIN Actors ac ON ac.Id = m.ActorId LEFT JOIN Incidents i ON i.Id = m.IncidentId LEFT JOIN Claims c ON c.Id = m.ClaimId
ORDER BY m.ArticleId, m.Start, m.Id;
SQL
)

measure() { # name, output file, command...; prints "seconds peak_kib cpu_seconds"
  local name=$1 file=$2; shift 2
  /usr/bin/time -v -o "$work/$name.time" "$@" > "$file"
  local wall rss cpu
  wall=$(grep 'Elapsed (wall clock)' "$work/$name.time" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  rss=$(grep 'Maximum resident set size' "$work/$name.time" | awk '{print $NF}')
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/$name.time")
  echo "$name $wall $rss $cpu" >> "$out/progress.log"
  echo "$wall $rss $cpu"
}
rows_of() { grep "$2" "$1" | awk '{print $(NF-1)}'; } # rows the verb reported for a file

# The last ~10% of the publication days: the same export over about a tenth of the mentions.
slice_from=$(sqlite3 "$db" "SELECT date(julianday(max(PublishedAt)) - (julianday(max(PublishedAt)) - julianday(min(PublishedAt))) / 10) FROM Articles")

csv_files=(--file articles.csv --file mentions.csv --file actors.csv --file incidents.csv --file claims.csv)
base=(dotnet "$out/baseline-app/NewsDesk.Web.dll")
open_app=(dotnet "$out/closure-baseline-app/NewsDesk.Web.dll")
: > "$out/progress.log"
read -r sqlite_s sqlite_kib sqlite_cpu < <(measure sqlite "$work/sqlite.csv" sqlite3 -csv -header "$db" "$query")
read -r ours_s ours_kib ours_cpu < <(measure ours "$work/ours.out" "${app[@]}" export --out "$work/ours" --file mentions.csv "${settings[@]}")
base_s=0 base_kib=0 base_cpu=0 bclosed_s=0 bclosed_kib=0 bclosed_cpu=0
[ "$baseline_ref" = none ] || read -r base_s base_kib base_cpu < <(measure base "$work/base.out" "${base[@]}" export --out "$work/base" --file mentions.csv "${settings[@]}")
read -r closed_s closed_kib closed_cpu < <(measure closed "$work/closed.out" "${app[@]}" export --out "$work/closed" "${csv_files[@]}" --from "$slice_from" "${settings[@]}")
[ "$baseline_ref" = none ] || read -r bclosed_s bclosed_kib bclosed_cpu < <(measure bclosed "$work/bclosed.out" "${base[@]}" export --out "$work/bclosed" "${csv_files[@]}" --from "$slice_from" "${settings[@]}")
read -r open_s open_kib open_cpu < <(measure open "$work/open.out" "${open_app[@]}" export --out "$work/open" "${csv_files[@]}" --from "$slice_from" "${settings[@]}")
read -r slice_s slice_kib slice_cpu < <(measure slice "$work/slice.out" "${app[@]}" export --out "$work/slice" --file mentions.csv --from "$slice_from" "${settings[@]}")
all_s=0 all_kib=0 all_cpu=0
if [ "${FULL:-0}" = 1 ]; then
  read -r all_s all_kib all_cpu < <(measure all "$work/all.out" "${app[@]}" export --out "$work/all" "${settings[@]}")
fi
[ "$baseline_ref" = none ] || cmp -s "$work/ours/mentions.csv" "$work/base/mentions.csv" || echo "note: mentions.csv differs from $baseline_ref's" >&2

# Records, not lines: context cells hold the articles' paragraph breaks.
rows=$(python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))) - 1)' "$work/sqlite.csv")
ours_rows=$(rows_of "$work/ours.out" mentions.csv)
slice_rows=$(rows_of "$work/slice.out" mentions.csv)
all_rows=$( [ -f "$work/all.out" ] && awk '{s += $(NF-1)} END {print s}' "$work/all.out" || echo 0)
closed_rows=$(awk '{s += $(NF-1)} END {print s}' "$work/closed.out")
bclosed_rows=$( [ -f "$work/bclosed.out" ] && awk '{s += $(NF-1)} END {print s}' "$work/bclosed.out" || echo 0)
open_rows=$(awk '{s += $(NF-1)} END {print s}' "$work/open.out")
[ "$rows" = "$ours_rows" ] || { echo "row counts differ: sqlite3 $rows, export $ours_rows" >&2; exit 1; }

echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM; $(dotnet --version) SDK; $(sqlite3 --version | cut -d' ' -f1) sqlite3"
echo "database: $articles articles, $actors actors, $rows mentions ($(du -m "$db" | cut -f1) MB)"
printf '%s\n' "| run | rows | wall s | CPU s (user+sys) | peak RSS MiB |" "|---|---|---|---|---|"
row() { printf '| %s | %s | %.1f | %.1f | %.1f |\n' "$1" "$2" "$3" "$5" "$(echo "$4 / 1024" | bc -l)"; }
row "sqlite3 -csv, mentions join" "$rows" "$sqlite_s" "$sqlite_kib" "$sqlite_cpu"
row "export --file mentions.csv" "$ours_rows" "$ours_s" "$ours_kib" "$ours_cpu"
[ "$baseline_ref" = none ] || row "same, built from $baseline_ref" "$(rows_of "$work/base.out" mentions.csv)" "$base_s" "$base_kib" "$base_cpu"
row "export mentions.csv, ~10% slice (--from $slice_from)" "$slice_rows" "$slice_s" "$slice_kib" "$slice_cpu"
row "five CSV files, ~10% slice, closed" "$closed_rows" "$closed_s" "$closed_kib" "$closed_cpu"
[ "$baseline_ref" = none ] || row "same, built from $baseline_ref (closed)" "$bclosed_rows" "$bclosed_s" "$bclosed_kib" "$bclosed_cpu"
row "same, built from $closure_ref (not closed)" "$open_rows" "$open_s" "$open_kib" "$open_cpu"
[ "$all_rows" = 0 ] || row "export, all seven files" "$all_rows" "$all_s" "$all_kib" "$all_cpu"
awk -v ss="$sqlite_s" -v os="$ours_s" -v bs="$base_s" -v sc="$sqlite_cpu" -v oc="$ours_cpu" -v bc="$base_cpu" \
    -v sk="$slice_kib" -v ok="$ours_kib" -v cs="$closed_s" -v cc="$closed_cpu" -v os2="$open_s" -v oc2="$open_cpu" -v ref="$baseline_ref" 'BEGIN {
  printf "\nexport speed, share of sqlite3 rows/s  : %.0f%% by wall, %.0f%% by CPU (target >= 50%%)", 100 * ss / os, 100 * sc / oc
  if (bs > 0) printf "; built from %s: %.0f%% by wall, %.0f%% by CPU", ref, 100 * ss / bs, 100 * sc / bc
  printf "\n"
  printf "memory, 10%% slice vs all mentions     : x%.2f peak RSS\n", sk / ok
  printf "closure (closed vs not closed)        : %+.0f%% wall, %+.0f%% CPU (target <= +10%%)\n", 100 * (cs - os2) / os2, 100 * (cc - oc2) / oc2
}'

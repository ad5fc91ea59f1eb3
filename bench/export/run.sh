#!/usr/bin/env bash
# Export benchmark: NewsDesk's `export` verb (Release) against `sqlite3 -csv` running the same mentions join
# (the same 60-character context cut from the article text) on the same database, in the same run.
# Reports rows/s of both, the ratio (target: at least 50%), and peak RSS (GNU time) of the export writing
# about 10% and 100% of the mentions, which must be about the same: rows are streamed, never collected.
# The database is bench/scale/generate.py's newsroom (the app's own migrations, then 100k articles, 20k actors,
# 1M mentions by default), built once into bench/export/out/ and reused.
# Closure (issue 18): the full export over the ~10% slice (a date filter, so the selection is closed over every
# reference) is timed again with the app built from BASELINE_REF (default main: before closed selections), in
# the same run; the ratio is what closing the selection costs (target: at most +10%).
# Usage: bench/export/run.sh [ARTICLES ACTORS MENTIONS]   (defaults 100000 20000 1000000; BASELINE_REF=main)
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

dotnet build "$root/src/NewsDesk.Web" -c Release -o "$out/app" -v q -nologo >/dev/null
baseline_ref=${BASELINE_REF:-main}
rm -rf "$work/baseline-src" && mkdir -p "$work/baseline-src"
git -C "$root" archive "$baseline_ref" | tar x -C "$work/baseline-src"
dotnet build "$work/baseline-src/src/NewsDesk.Web" -c Release -o "$out/baseline-app" -v q -nologo >/dev/null
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

measure() { # name, output file, command...; prints "seconds peak_kib"
  local name=$1 file=$2; shift 2
  /usr/bin/time -v -o "$work/$name.time" "$@" > "$file"
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$work/$name.time" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  rss=$(grep 'Maximum resident set size' "$work/$name.time" | awk '{print $NF}')
  echo "$wall $rss"
}
rows_of() { grep "$2" "$1" | awk '{print $(NF-1)}'; } # rows the verb reported for a file

# The last ~10% of the publication days: the same export over about a tenth of the mentions.
slice_from=$(sqlite3 "$db" "SELECT date(julianday(max(PublishedAt)) - (julianday(max(PublishedAt)) - julianday(min(PublishedAt))) / 10) FROM Articles")

read -r sqlite_s sqlite_kib < <(measure sqlite "$work/sqlite.csv" sqlite3 -csv -header "$db" "$query")
read -r ours_s ours_kib < <(measure ours "$work/ours.out" "${app[@]}" export --out "$work/ours" --file mentions.csv "${settings[@]}")
read -r slice_s slice_kib < <(measure slice "$work/slice.out" "${app[@]}" export --out "$work/slice" --file mentions.csv --from "$slice_from" "${settings[@]}")
read -r all_s all_kib < <(measure all "$work/all.out" "${app[@]}" export --out "$work/all" "${settings[@]}")
read -r closed_s closed_kib < <(measure closed "$work/closed.out" "${app[@]}" export --out "$work/closed" --from "$slice_from" "${settings[@]}")
read -r open_s open_kib < <(measure open "$work/open.out" dotnet "$out/baseline-app/NewsDesk.Web.dll" export --out "$work/open" --from "$slice_from" "${settings[@]}")

# Records, not lines: context cells hold the articles' paragraph breaks.
rows=$(python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))) - 1)' "$work/sqlite.csv")
ours_rows=$(rows_of "$work/ours.out" mentions.csv)
slice_rows=$(rows_of "$work/slice.out" mentions.csv)
all_rows=$(awk '{s += $(NF-1)} END {print s}' "$work/all.out")
closed_rows=$(awk '{s += $(NF-1)} END {print s}' "$work/closed.out")
open_rows=$(awk '{s += $(NF-1)} END {print s}' "$work/open.out")
[ "$rows" = "$ours_rows" ] || { echo "row counts differ: sqlite3 $rows, export $ours_rows" >&2; exit 1; }

echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM; $(dotnet --version) SDK; $(sqlite3 --version | cut -d' ' -f1) sqlite3"
echo "database: $articles articles, $actors actors, $rows mentions ($(du -m "$db" | cut -f1) MB)"
awk -v rows="$rows" -v ss="$sqlite_s" -v os="$ours_s" -v sk="$sqlite_kib" -v ok="$ours_kib" \
    -v srows="$slice_rows" -v sls="$slice_s" -v slk="$slice_kib" -v all="$all_rows" -v as="$all_s" -v ak="$all_kib" \
    -v crows="$closed_rows" -v cs="$closed_s" -v ck="$closed_kib" -v orows="$open_rows" -v os2="$open_s" -v ok2="$open_kib" -v ref="$baseline_ref" 'BEGIN {
  printf "sqlite3 -csv, mentions join      : %7d rows %7.1f s %8.0f rows/s  peak RSS %6.1f MiB\n", rows, ss, rows / ss, sk / 1024
  printf "export --file mentions.csv       : %7d rows %7.1f s %8.0f rows/s  peak RSS %6.1f MiB\n", rows, os, rows / os, ok / 1024
  printf "ratio                            : %.0f%% of sqlite3 rows/s (target >= 50%%)\n", 100 * ss / os
  printf "export mentions.csv, ~10%% slice  : %7d rows %7.1f s %8.0f rows/s  peak RSS %6.1f MiB (vs %.1f MiB for all: x%.2f)\n", srows, sls, srows / sls, slk / 1024, ok / 1024, ok / slk
  printf "export, all files                : %7d rows %7.1f s %8.0f rows/s  peak RSS %6.1f MiB\n", all, as, all / as, ak / 1024
  printf "export, all files, ~10%% slice    : %7d rows %7.1f s  peak RSS %6.1f MiB (closed selection)\n", crows, cs, ck / 1024
  printf "same, built from %-15s : %7d rows %7.1f s  peak RSS %6.1f MiB (not closed)\n", ref, orows, os2, ok2 / 1024
  printf "closure                          : %+.0f%% time (target <= +10%%)\n", 100 * (cs - os2) / os2
}'

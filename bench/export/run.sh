#!/usr/bin/env bash
# Times NewsDesk's `export` verb (Release build, all five CSV files) against `sqlite3 -csv` running the same
# mentions join (with the same 60-character context cut from the article text) on the same database, in the
# same run, and reports rows/s for both, the ratio, and the peak RSS of each process (GNU time -v).
# Usage: bench/export/run.sh DB
set -euo pipefail
db=$(realpath "${1:?usage: run.sh DB (make one with generate.sh)}")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
app="$root/src/NewsDesk.Web/bin/Release/net10.0"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v sqlite3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null; }
dotnet build "$root/src/NewsDesk.Web" -c Release -v q >/dev/null
cat "$db" >/dev/null # both contenders start with the file in the page cache

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

measure() { # name, file for the command's output, then the command; prints "seconds peak_kib"
  local name=$1 out=$2; shift 2
  /usr/bin/time -v -o "$work/$name.time" "$@" > "$out"
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$work/$name.time" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  rss=$(grep 'Maximum resident set size' "$work/$name.time" | awk '{print $NF}')
  echo "$wall $rss"
}

read -r sqlite_s sqlite_kib < <(measure sqlite "$work/sqlite-mentions.csv" sqlite3 -csv -header "$db" "$query")
read -r ours_s ours_kib < <(cd "$app" && measure ours "$work/ours.out" dotnet NewsDesk.Web.dll export --out "$work/ours" \
  "--ConnectionStrings:NewsDesk=Data Source=$db" --Serilog:MinimumLevel:Default=Warning)

rows=$(( $(wc -l < "$work/sqlite-mentions.csv") - 1 ))
ours_rows=$(grep 'mentions.csv' "$work/ours.out" | awk '{print $(NF-1)}')
[ "$rows" = "$ours_rows" ] || { echo "row counts differ: sqlite3 $rows, export $ours_rows" >&2; exit 1; }
all_rows=$(awk '{s += $(NF-1)} END {print s}' "$work/ours.out")

awk -v rows="$rows" -v all="$all_rows" -v ss="$sqlite_s" -v os="$ours_s" -v sk="$sqlite_kib" -v ok="$ours_kib" 'BEGIN {
  printf "mentions: %d rows (export writes %d rows over its five files)\n", rows, all
  printf "sqlite3 -csv   : %6.2f s  %9.0f rows/s  peak RSS %6.1f MiB\n", ss, rows / ss, sk / 1024
  printf "newsdesk export: %6.2f s  %9.0f rows/s  peak RSS %6.1f MiB (whole process: start-up, migrations check, all five files)\n", os, rows / os, ok / 1024
  printf "ratio          : %.0f%% of sqlite3 rows/s\n", 100 * ss / os
}'

#!/usr/bin/env bash
# The export verb's process start (issue 18): the same `export --file mentions.csv` run by the Release build (as
# `dotnet run` and bench/export/run.sh run it) and by a ReadyToRun publish (`dotnet publish -c Release -r linux-x64
# -p:PublishReadyToRun=true`, the published executable), in alternating rounds, against `sqlite3 -csv` on the same
# join, in the same run. An export that selects nothing (`--from 2099-01-01`) is timed too: that is the start alone.
# Reuses bench/export/run.sh's database (bench/export/out/export-A-M.db; made by run.sh if missing).
# Usage: bench/export/readytorun.sh [ARTICLES ACTORS MENTIONS]   (defaults 20000 5000 200000; ROUNDS=3)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$here/out"
articles=${1:-20000} actors=${2:-5000} mentions=${3:-200000} rounds=${ROUNDS:-3}
db="$out/export-$articles-$mentions.db"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
dotnet build "$root/src/NewsDesk.Web" -c Release -o "$out/app" -v q -nologo >/dev/null
dotnet publish "$root/src/NewsDesk.Web" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/app-r2r" -v q -nologo >/dev/null
settings=("--ConnectionStrings:NewsDesk=Data Source=$db" --NewsDesk:ImportSeedsOnStart=false --Serilog:MinimumLevel:Default=Warning)
if [ ! -f "$db" ]; then
  dotnet "$out/app/NewsDesk.Web.dll" migrate "${settings[@]}" >/dev/null
  python3 "$root/bench/scale/generate.py" "$db" --articles "$articles" --actors "$actors" --mentions "$mentions"
  sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
fi
cat "$db" >/dev/null
query=$(sed -n '/^query=\$(cat <<.SQL.$/,/^SQL$/p' "$here/run.sh" | sed '1d;$d')

cpu() { # command...: prints "cpu_seconds wall_seconds"
  /usr/bin/time -f '%U %S %e' -o "$work/t" "$@" > /dev/null
  awk '{printf "%.2f %.2f\n", $1 + $2, $3}' "$work/t"
}
printf '%s\n' "| round | load | sqlite3 -csv | build: mentions.csv | ReadyToRun: mentions.csv | build: selects nothing | ReadyToRun: selects nothing |" "|---|---|---|---|---|---|---|"
for round in $(seq "$rounds"); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  s=$(cpu sqlite3 -csv -header "$db" "$query")
  b=$(cpu dotnet "$out/app/NewsDesk.Web.dll" export --out "$work/b" --file mentions.csv "${settings[@]}")
  r=$(cpu "$out/app-r2r/NewsDesk.Web" export --out "$work/r" --file mentions.csv "${settings[@]}")
  be=$(cpu dotnet "$out/app/NewsDesk.Web.dll" export --out "$work/be" --file mentions.csv --from 2099-01-01 "${settings[@]}")
  re=$(cpu "$out/app-r2r/NewsDesk.Web" export --out "$work/re" --file mentions.csv --from 2099-01-01 "${settings[@]}")
  cmp -s "$work/b/mentions.csv" "$work/r/mentions.csv" || { echo "the two builds wrote different files" >&2; exit 1; }
  echo "$round $load $s $b $r $be $re" >> "$work/rounds"
  awk '{printf "| %s | %s | %s s CPU (%s s wall) | %s (%s) | %s (%s) | %s (%s) | %s (%s) |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12}' <<< "$round $load $s $b $r $be $re"
done
# Medians of the CPU columns, and the ratios the target is judged by (sqlite3's CPU over the export's, same rows).
python3 - "$work/rounds" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1])]
med = lambda i: statistics.median(r[i] for r in rows)
s, b, r, be, re = med(2), med(4), med(6), med(8), med(10)
print(f"\nmedian CPU: sqlite3 {s:.2f} s; export, build {b:.2f} s, ReadyToRun {r:.2f} s ({(r / b - 1) * 100:+.0f}%); start alone, build {be:.2f} s, ReadyToRun {re:.2f} s ({(re / be - 1) * 100:+.0f}%)")
print(f"export speed by CPU, share of sqlite3's rows/s: build {100 * s / b:.0f}%, ReadyToRun {100 * s / r:.0f}% (target >= 50%); rows alone (start taken off): build {100 * s / (b - be):.0f}%, ReadyToRun {100 * s / (r - re):.0f}%")
PY

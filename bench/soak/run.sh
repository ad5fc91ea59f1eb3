#!/usr/bin/env bash
# Issue 20's long mixed load: API clients and Chromium pages (bench/soak/Soak) read, search, tag, re-point, delete,
# ask for suggestions, open pages and export against the app (Release build, one process serving and scraping, as
# users run it) while its scraper ingests a loopback feed that gains 20 stories a minute (fetched every minute). Samples the server's RSS,
# its managed heap (dotnet-counters) and the database's size every 10 s; afterwards stops the server and checks the
# store: every client's acknowledged mentions there and its deletions gone, the mention count equal to the seeds' plus
# the kept ones, PRAGMA integrity_check, the search index's integrity-check, every scraped article once with its
# version 1 and capture, and the `verify` verb (captures and audit chain).
# Usage: bench/soak/run.sh [MINUTES API_CLIENTS BROWSERS]   (defaults 10 28 4: 32 clients; REUSE_BUILDS=1 keeps out/'s builds); WARMUP_SECONDS (default 300) is left out of the memory figures; GCDUMP=1 takes heap dumps after it and at the end
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$here/out"
minutes=${1:-10} api_clients=${2:-28} browsers=${3:-4}
run="$out/run-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$run/data"
command -v sqlite3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null; }
counters=$(command -v dotnet-counters || echo "$HOME/.dotnet/tools/dotnet-counters")
[ -x "$counters" ] || dotnet tool install -g dotnet-counters >/dev/null

reuse=${REUSE_BUILDS:-0}
[ "$reuse" = 1 ] && [ -f "$out/app/NewsDesk.Web.dll" ] || dotnet build "$root/src/NewsDesk.Web" -c Release -o "$out/app" -v q -nologo >/dev/null
[ "$reuse" = 1 ] && [ -f "$out/soak/Soak.dll" ] || dotnet build "$here/Soak" -c Release -o "$out/soak" -v q -nologo >/dev/null

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
site_port=$(free_port) app_port=$(free_port)
db="$run/data/newsdesk.db"
settings=("--ConnectionStrings:NewsDesk=Data Source=$db" "--NewsDesk:DataDirectory=$run/data" --Serilog:MinimumLevel:Default=Warning
  --Ingest:AllowPrivateNetworks=true --Ingest:MinFetchInterval=00:01:00 --Ingest:PollInterval=00:00:05 --Ingest:PerHostDelay=00:00:00
  --Auth:LoginAttemptsPerMinute=100) # 32 people sign in from one address (a newsroom behind one NAT); the default is 10 a minute
app=(dotnet "$out/app/NewsDesk.Web.dll")
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

dotnet "$out/soak/Soak.dll" site "$site_port" & pids+=($!)
"${app[@]}" migrate "${settings[@]}" >/dev/null
"${app[@]}" import-seeds "${settings[@]}" >/dev/null
: > "$run/accounts.tsv"
for i in 1 2 3 4; do
  email="soak-editor-$i@newsdesk.test" password="Soak-password-$i-$(date +%s)"
  echo "$password" | "${app[@]}" users add "$email" --role editor "${settings[@]}" >/dev/null
  token=$("${app[@]}" tokens create --user "$email" --name soak "${settings[@]}" | tail -n 1)
  printf '%s\t%s\t%s\n' "$email" "$password" "$token" >> "$run/accounts.tsv"
done
"${app[@]}" sources add "http://127.0.0.1:$site_port/feed.xml" --kind feed --name "Soak wire" "${settings[@]}" >/dev/null
# A source is fetched hourly unless its form says otherwise (the verb has no option for it): every minute here, as an
# editor would set it on the source's page, so the scraper writes throughout the run.
sqlite3 "$db" 'UPDATE Sources SET FetchIntervalMinutes = 1'
mentions_before=$(sqlite3 "$db" 'SELECT count(*) FROM Mentions')

"${app[@]}" --urls "http://127.0.0.1:$app_port" "${settings[@]}" > "$run/app.log" 2>&1 & server=$!; pids+=($server)
until curl -sf "http://127.0.0.1:$app_port/healthz" >/dev/null; do sleep 1; done
echo "app pid $server on port $app_port, site on $site_port, run folder $run"

# Memory and size over time: RSS from /proc, the managed heap from the runtime's own counters, the database files.
(
  echo "seconds rss_kib db_bytes wal_bytes load1"
  start=$(date +%s)
  while kill -0 "$server" 2>/dev/null; do
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$server/status" 2>/dev/null || echo 0)
    echo "$(( $(date +%s) - start )) $rss $(stat -c %s "$db" 2>/dev/null || echo 0) $(stat -c %s "$db-wal" 2>/dev/null || echo 0) $(cut -d' ' -f1 /proc/loadavg)"
    sleep 10
  done
) > "$run/memory.txt" & pids+=($!)
"$counters" collect -p "$server" --refresh-interval 10 --format csv -o "$run/counters.csv" --counters System.Runtime > /dev/null 2>&1 & pids+=($!)
# GCDUMP=1: a heap dump by type after the warm-up and one 30 s before the load ends, to tell what grows
# (`dotnet-gcdump report FILE` lists the types by size; compare the two). A walk of a few hundred MB at a high load
# can take longer than the tool's default 30 s, hence the long timeout; its output goes to gcdump.log.
if [ "${GCDUMP:-0}" = 1 ]; then
  gcdump=$(command -v dotnet-gcdump || echo "$HOME/.dotnet/tools/dotnet-gcdump")
  [ -x "$gcdump" ] || dotnet tool install -g dotnet-gcdump >/dev/null
  ( sleep "${WARMUP_SECONDS:-300}"; "$gcdump" collect -p "$server" --timeout 600 -o "$run/after-warm-up.gcdump" >>"$run/gcdump.log" 2>&1
    sleep $(( minutes * 60 - ${WARMUP_SECONDS:-300} - 30 )); "$gcdump" collect -p "$server" --timeout 600 -o "$run/at-the-end.gcdump" >>"$run/gcdump.log" 2>&1 ) & pids+=($!)
fi

status=0
dotnet "$out/soak/Soak.dll" load "http://127.0.0.1:$app_port/" "$run/accounts.tsv" "$minutes" "$api_clients" "$browsers" "$run" | tee "$run/load.log" || status=$?

# Stop the server as a service manager does (SIGTERM), then check the store it leaves.
kill -TERM "$server"; wait "$server" || true
sleep 1
python3 - "$run" "$db" "$mentions_before" <<'PY' | tee "$run/checks.txt"
import csv, json, os, sys, sqlite3
run, db, before = sys.argv[1], sys.argv[2], int(sys.argv[3])
ledgers = json.load(open(f"{run}/ledgers.json"))
con = sqlite3.connect(db)
q = lambda sql: con.execute(sql).fetchall()
print("integrity_check:", q("PRAGMA integrity_check")[0][0])
try:
    con.execute("INSERT INTO ArticleSearch(ArticleSearch) VALUES('integrity-check')"); print("search index integrity-check: ok")
except sqlite3.DatabaseError as e:
    print("search index integrity-check: FAILED", e)
mentions = q("SELECT count(*) FROM Mentions")[0][0]
# A create whose answer no client read (cancelled as the run stopped, a browser step that timed out) may have been
# saved: the store may hold up to that many beyond the kept ones (each listed), never fewer.
unanswered = ledgers.get("unanswered", 0)
ids = {r[0] for r in q("SELECT Id FROM Mentions")}
# Likewise a delete whose answer no client read (cancelled as the run stopped): that mention may be there or gone.
unsure = set(ledgers.get("unsure", []))
unsure_there = len(unsure & ids)
surplus = mentions - before - len(ledgers["kept"]) - unsure_there
print(f"mentions: {mentions} = {before} before + {len(ledgers['kept'])} kept by the clients + {unsure_there} of the "
      f"{len(unsure)} whose delete was never answered + {surplus} unacknowledged (creates whose answer no client read: "
      f"{unanswered}): {'yes' if 0 <= surplus <= unanswered else 'NO'}")
known = set(ledgers["kept"]) | set(ledgers["gone"]) | unsure
for row in q(f"SELECT Id, ArticleId, Quote, CreatedAt, CreatedBy FROM Mentions ORDER BY Id LIMIT -1 OFFSET {before}"):
    if row[0] not in known: print("  unacknowledged mention:", row)
print("acknowledged and missing:", len(set(ledgers["kept"]) - ids), "; deleted and present:", len(set(ledgers["gone"]) & ids))
print("scraped articles:", q("SELECT count(*) FROM Articles WHERE SourceId IS NOT NULL")[0][0],
      "; duplicate URLs:", q("SELECT count(*) FROM (SELECT Url FROM Articles GROUP BY Url HAVING count(*) > 1)")[0][0],
      "; without version 1:", q("SELECT count(*) FROM Articles a WHERE a.SourceId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ArticleVersions v WHERE v.ArticleId = a.Id AND v.Number = 1)")[0][0])
con.close()
mem = [l.split() for l in open(f"{run}/memory.txt").read().splitlines()[1:] if l.strip()]
mem = [(int(s), int(r) / 1024, int(d) + int(w), float(l)) for s, r, d, w, l in mem if int(r) > 0]
heap, committed = {}, {}
try:
    for row in csv.reader(open(f"{run}/counters.csv")):
        if len(row) < 5: continue
        if row[2].startswith("dotnet.gc.last_collection.heap.size"): heap[row[0]] = heap.get(row[0], 0) + float(row[4]) / 2**20
        if row[2].startswith("dotnet.gc.last_collection.memory.committed_size"): committed[row[0]] = float(row[4]) / 2**20
except FileNotFoundError:
    pass
heap, committed = list(heap.values()), list(committed.values())
warmup_seconds = int(os.environ.get("WARMUP_SECONDS", "300"))
def summary(name, values):
    if len(values) < 4: print(name, "too few samples"); return
    # Warm-up: the first fifth of the run, and at least the page cache's entry lifetime (VersionedCache.MaxAge,
    # 5 minutes; samples every 10 s): under steady writes the cache fills for that long, then entries expire as fast
    # as new ones come, so growth after it is what the target is about.
    skip = max(len(values) // 5, warmup_seconds // 10)
    if len(values) - skip < 6: print(name, f"too few samples after the {warmup_seconds} s warm-up: run longer"); return
    warm = values[skip:]
    first, last = sum(warm[:3]) / 3, sum(warm[-3:]) / 3
    print(f"{name}: after warm-up ({skip * 10} s) {first:.0f} MB, at the end {last:.0f} MB ({(last / first - 1) * 100:+.0f}%), min {min(warm):.0f}, max {max(warm):.0f}, peak of the whole run {max(values):.0f} MB")
summary("RSS", [m[1] for m in mem])
summary("managed heap after the last GC (all generations)", heap)
summary("GC committed memory", committed)
if mem:
    print(f"database (file + WAL) at the end of the load: {mem[-1][2] / 1e6:.1f} MB; load average during the run {min(m[3] for m in mem):.1f}-{max(m[3] for m in mem):.1f}")
PY
"${app[@]}" verify "${settings[@]}" > "$run/verify.txt" 2>&1 && echo "verify: ok (captures and audit chain)" || { echo "verify: FAILED (see $run/verify.txt)"; status=1; }
cat "$run/app.log" "$run"/data/logs/* 2>/dev/null | grep -c -E '"Level":"(Error|Fatal)"|\[(ERR|FTL)\]|fail:' | sed 's/^/error lines in the app logs (console and file): /' || true
exit $status

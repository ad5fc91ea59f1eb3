#!/usr/bin/env bash
# Feed benchmark: NewsDesk's feed parser against what feedparser 6.0.10 reads in its own 2,107 test feeds.
#
#   bench/feeds/run.sh [FEEDS_DEV_DIR]        (default /work/shared/feeds-dev; LIST=1 prints every disagreement)
#
# The files are split once, deterministically, into a tuning part and a held-out part: a file is held out when the
# first byte of the SHA-256 of its path (the key in expected.json, e.g. "wellformed/rss/item_link.xml") is below
# 86, about one file in three. Parser changes are tuned on the tuning part only; the held-out part is scored at the
# end. Both are reported (and all files together), each with agree.py's two figures (links agree; entry count
# equal) and literal.py's: the same entries (count and links) on every file where feedparser finds any.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
dev="${1:-/work/shared/feeds-dev}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build "$here/FeedsBench" -c Release -o "$work/bin" -v quiet -nologo >/dev/null
echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
dotnet "$work/bin/FeedsBench.dll" "$dev/feeds" "$dev/expected.json" "$work/results.jsonl" || true

python3 - "$dev/expected.json" "$work" <<'PY'
import hashlib, json, sys
expected = json.load(open(sys.argv[1], encoding="utf-8"))
for part in ("tuning", "heldout"):
    files = {p: e for p, e in expected["files"].items()
             if (hashlib.sha256(p.encode()).digest()[0] < 86) == (part == "heldout")}
    json.dump({"about": expected["about"], "files": files}, open(f"{sys.argv[2]}/{part}.json", "w"))
PY
cp "$dev/expected.json" "$work/all.json"
for part in tuning heldout all; do
  echo "== $part part ($(python3 -c "import json;print(len(json.load(open('$work/$part.json'))['files']))" ) files)"
  python3 "$dev/agree.py" "$work/$part.json" "$work/results.jsonl" ${LIST:+--list}
  # The issue's literal measure, from the same results: every file with entries, linked or not.
  python3 "$here/literal.py" "$dev/agree.py" "$work/$part.json" "$work/results.jsonl" ${LIST:+--list}
done
if [[ -n "${KEEP:-}" ]]; then cp "$work/results.jsonl" "$KEEP"; fi

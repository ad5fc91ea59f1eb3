#!/usr/bin/env bash
# Actor type-ahead benchmark: ActorNameIndex (folded word starts in memory) against the LIKE '%q%' query it replaced,
# both on the same SQLite database of ACTORS actors (default 20000, each with two aliases) made by the app's own
# migrations, in one run. Target: an answer <= 100 ms at 20,000 actors.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/out"
dotnet run -c Release --project "$here/TypeAheadBench" -v q -- "$here/out/typeahead.db" "${1:-20000}"

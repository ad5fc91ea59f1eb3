#!/usr/bin/env bash
# The 200-kill-point run of issue 20's crash test (the test suite runs 20): the app is killed with SIGKILL while it
# scrapes a loopback site and an editor tags through the API; after each kill the store is checked.
# Usage: bench/crash/run.sh [kill-points] [seed]   (prints one line per kill and the seed to repeat it; the whole
# test output is kept in bench/crash/out/last-run.log, and each kill's line is written to bench/crash/out/progress.log
# as it happens)
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p bench/crash/out
export NEWSDESK_KILL_POINTS="${1:-200}"
[ -n "${2:-}" ] && export NEWSDESK_CRASH_SEED="$2"
export NEWSDESK_CRASH_LOG="$PWD/bench/crash/out/progress.log" # one line per kill as it happens
: > "$NEWSDESK_CRASH_LOG"
dotnet test tests/NewsDesk.Web.Tests --filter "FullyQualifiedName~CrashSafetyTests" --logger "console;verbosity=detailed" \
  | tee bench/crash/out/last-run.log | grep -E "^ +(seed|kill|after the final)|Passed|Failed|Total time"

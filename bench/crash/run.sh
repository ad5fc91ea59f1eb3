#!/usr/bin/env bash
# The 200-kill-point run of issue 20's crash test (the test suite runs 20): the app is killed with SIGKILL while it
# scrapes a loopback site and an editor tags through the API; after each kill the store is checked.
# Usage: bench/crash/run.sh [kill-points] [seed]   (prints one line per kill and the seed to repeat it; the whole
# test output is kept in bench/crash/out/last-run.log)
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p bench/crash/out
export NEWSDESK_KILL_POINTS="${1:-200}"
[ -n "${2:-}" ] && export NEWSDESK_CRASH_SEED="$2"
dotnet test tests/NewsDesk.Web.Tests --filter "FullyQualifiedName~CrashSafetyTests" --logger "console;verbosity=detailed" \
  | tee bench/crash/out/last-run.log | grep -E "^ +(seed|kill|after the final)|Passed|Failed|Total time"

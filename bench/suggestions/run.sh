#!/usr/bin/env bash
# Suggestions benchmark (issue 16): automaton build time and memory for 20,000 actors / 60,000 aliases, and
# suggestion time for a 5,000-word and a 5 MB article, each against a baseline measured in the same run (see
# SuggestionsBench/Program.cs). Targets: build <= 2 s and <= 100 MB; 5,000 words <= 20 ms; 5 MB <= 1 s; watchlist
# matching <= 10% of ingest (here: of extracting the same article).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dotnet run -c Release --project "$here/SuggestionsBench" -v q -nologo -- "$@"

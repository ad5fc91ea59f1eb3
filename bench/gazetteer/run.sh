#!/usr/bin/env bash
# Gazetteer benchmark: load time and memory of the offline gazetteer and its type-ahead latency, each against a
# baseline measured in the same run (see GazetteerBench/Program.cs). Targets: load <= 1 s, <= 150 MB; type-ahead <= 50 ms.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dotnet run -c Release --project "$here/GazetteerBench" -v q -nologo

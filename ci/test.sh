#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: set-up, build, then unit and
# integration tests against a real throwaway PostgreSQL 15 cluster.
#
#   ci/test.sh                          the suite, RelWithDebInfo build in build/
#   PGVEIL_SANITIZE=ON ci/test.sh       the same under AddressSanitizer + UBSan (build-asan/)
set -euo pipefail
cd "$(dirname "$0")/.."
ci/setup.sh
build_dir=build
[ "${PGVEIL_SANITIZE:-OFF}" = ON ] && build_dir=build-asan

cluster=$(mktemp -d /tmp/pgveil-test-XXXXXX)
trap 'ci/pg.sh stop "$cluster"' EXIT
PGVEIL_TEST_DSN=$(ci/pg.sh start "$cluster")
export PGVEIL_TEST_DSN PGVEIL_BINARY="$PWD/$build_dir/pgveil"

ctest --test-dir "$build_dir" --output-on-failure -j 2

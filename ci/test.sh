#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: set-up, build, then unit and
# integration tests against a real throwaway PostgreSQL 15 cluster, then the
# hardening suites (ci/hardening.sh: AddressSanitizer + UBSan, ThreadSanitizer
# on the parallel scan and copy, every fuzz target briefly).
#
#   ci/test.sh                          the suite (build/), then the hardening suites
#   PGVEIL_HARDENING=OFF ci/test.sh     the suite only
#   PGVEIL_SANITIZE=ON ci/test.sh       the suite under AddressSanitizer + UBSan only (build-asan/)
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
if [ "$build_dir" = build ] && [ "${PGVEIL_HARDENING:-ON}" != OFF ]; then
  ci/hardening.sh
fi

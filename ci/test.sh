#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: set-up, build, then unit and
# integration tests against a real throwaway PostgreSQL 15 cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
ci/setup.sh

cluster=$(mktemp -d /tmp/pgveil-test-XXXXXX)
trap 'ci/pg.sh stop "$cluster"' EXIT
PGVEIL_TEST_DSN=$(ci/pg.sh start "$cluster")
export PGVEIL_TEST_DSN PGVEIL_BINARY="$PWD/build/pgveil"

ctest --test-dir build --output-on-failure -j 2

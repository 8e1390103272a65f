#!/usr/bin/env bash
# The hardening suites, run by ci/test.sh after the plain suite (so .ci/run
# gets them), against the cluster it started (PGVEIL_TEST_DSN):
#
#   1. AddressSanitizer + UBSan: the unit and integration tests built and run
#      under both (build-asan/); any report fails the test that caused it.
#   2. ThreadSanitizer: pgveil built with -fsanitize=thread (build-tsan/,
#      the binary only) runs a parallel scan (--jobs 4) and a parallel masked
#      copy (--jobs 2 in page ranges, the end-to-end test that checks it); a
#      data race makes it exit 66 and fails the step. The scan's findings must
#      equal a one-job scan's.
#   3. Every fuzz target for FUZZ_SECONDS (default 5) each, from its corpus
#      (bench/fuzz.sh, clang, build-fuzz/).
#
#   ci/hardening.sh [asan] [tsan] [fuzz]      default: all three
set -euo pipefail
cd "$(dirname "$0")/.."
: "${PGVEIL_TEST_DSN:?run through ci/test.sh, which starts the cluster}"
STEPS=("$@")
[ ${#STEPS[@]} -eq 0 ] && STEPS=(asan tsan fuzz)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
# A sanitizer report is a failure, never a line in a log nobody reads.
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export TSAN_OPTIONS=halt_on_error=1:exitcode=66:second_deadlock_stack=1

step() { echo "hardening: $* ($(date -u +%H:%M:%S))"; }

run_asan() {
  step "AddressSanitizer + UBSan build"
  PGVEIL_SANITIZE=ON ci/setup.sh
  step "unit and integration tests under AddressSanitizer + UBSan"
  PGVEIL_BINARY="$PWD/build-asan/pgveil" \
    ctest --test-dir build-asan --output-on-failure -j 2 -L 'unit|integration'
}

run_tsan() {
  step "ThreadSanitizer build (pgveil only)"
  local flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DPGVEIL_TSAN=ON -DPGVEIL_BENCH=OFF)
  [ "${CI:-}" = true ] && flags+=(-DPGVEIL_WERROR=ON)
  cmake -S . -B build-tsan -G Ninja "${flags[@]}" >/dev/null
  cmake --build build-tsan -j "$(nproc)" --target pgveil

  step "parallel scan under ThreadSanitizer"
  local database="${PGVEIL_TEST_DSN/dbname=postgres/dbname=hardening_tsan}"
  "$PG_BIN/psql" -X -q "$PGVEIL_TEST_DSN" -c "DROP DATABASE IF EXISTS hardening_tsan" \
    -c "CREATE DATABASE hardening_tsan"
  build/pgveil-datagen --dataset shop --seed 5 --scale 0.5 --sql - |
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 "$database" >/dev/null
  local work
  work=$(mktemp -d /tmp/pgveil-tsan-XXXXXX)
  build-tsan/pgveil scan --dsn "$database" --jobs 4 --format json -o "$work/parallel.json"
  build/pgveil scan --dsn "$database" --jobs 1 --format json -o "$work/serial.json"
  # duration_ms differs from run to run; everything else must not.
  local timeless='s/"duration_ms": *[0-9]+//'
  if ! cmp -s <(sed -E "$timeless" "$work/parallel.json") <(sed -E "$timeless" "$work/serial.json")
  then
    echo "hardening: a 4-job scan found something else than a 1-job scan" >&2
    exit 1
  fi
  rm -rf "$work"

  step "parallel masked copy under ThreadSanitizer"
  PGVEIL_BINARY="$PWD/build-tsan/pgveil" build/tests/e2e_test \
    "a masked copy matches the source in shape and shares no personal data with it"
}

run_fuzz() {
  step "fuzz targets, ${FUZZ_SECONDS:-5} s each"
  bench/fuzz.sh "${FUZZ_SECONDS:-5}"
}

for s in "${STEPS[@]}"; do
  case $s in
    asan) run_asan ;;
    tsan) run_tsan ;;
    fuzz) run_fuzz ;;
    *) echo "ci/hardening.sh: unknown step '$s' (asan, tsan, fuzz)" >&2; exit 2 ;;
  esac
done
step done

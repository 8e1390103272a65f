#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (build-fuzz/,
# AddressSanitizer + UBSan) and runs each for SECONDS, one after another.
#
#   bench/fuzz.sh [SECONDS] [TARGET...]    (default 60 s each, every target)
#
# Each target starts from its committed corpus (tests/fuzz/corpus/<target>/)
# and grows a scratch copy in build-fuzz/corpus/<target>/, so the committed
# seeds stay small. Prints one line per target: executions, exec/s, new
# corpus size, crashes. A crash or sanitizer report stops with its input in
# build-fuzz/crashes/<target>/: fix the bug, then keep the input as
# tests/fuzz/corpus/<target>/crash-<what-it-pinned> so fuzz_replay_test
# replays it in every build. Exit status 1 when any target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(policy_loader json_walker copy_row_codec sql_tokenizer
                                     pgoutput change_event conninfo value_detector)
CLANG_VERSION=${CLANG_VERSION:-14}
build=build-fuzz

if [ ! -f "$build/build.ninja" ]; then
  CC=clang-$CLANG_VERSION CXX=clang++-$CLANG_VERSION cmake -S . -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPGVEIL_FUZZ=ON -DPGVEIL_BENCH=OFF >/dev/null
fi
# The build runs the Hyperscan compiler tool, itself instrumented: its
# one-off allocations at exit are not worth a leak report.
ASAN_OPTIONS=detect_leaks=0 cmake --build "$build" -j "$(nproc)" \
  --target "${TARGETS[@]/%/_fuzz}" >/dev/null

failed=0
printf '%-16s %12s %10s %8s %s\n' target executions exec/s corpus result
for target in "${TARGETS[@]}"; do
  work="$build/corpus/$target"
  crashes="$build/crashes/$target"
  mkdir -p "$work" "$crashes"
  log="$build/fuzz-$target.log"
  status=ok
  # -timeout: an input that takes over 10 s is a hang, reported like a crash.
  if ! "$build/tests/fuzz/${target}_fuzz" -max_total_time="$SECONDS_EACH" -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/" \
      "$work" "tests/fuzz/corpus/$target" >"$log" 2>&1; then
    status="CRASH (see $log and $crashes/)"
    failed=1
  fi
  runs=$(awk '/stat::number_of_executed_units/ { print $2 }' "$log")
  rate=$(awk '/stat::average_exec_per_sec/ { print $2 }' "$log")
  printf '%-16s %12s %10s %8s %s\n' "$target" "${runs:-?}" "${rate:-?}" \
    "$(find "$work" -type f | wc -l)" "$status"
  grep -m1 -E 'ERROR: (AddressSanitizer|libFuzzer)|runtime error:|check failed' "$log" || true
done
exit $failed

#!/usr/bin/env bash
# Does detection hide behind I/O? Times a whole `pgveil scan` against merely
# reading the same sample -- the exact queries the scan runs (`scan --plan`),
# as COPY (...) TO STDOUT through psql -- on a generated database of about
# 8 MB per unit of scale (default 135: about 1.1 GB). The scan runs as users
# run it (default --jobs, 2) and on one connection (--jobs 1) like psql;
# runs alternate so drift in machine speed hits all alike. Target: the
# default scan within 1.5x of the COPY.
#
#   bench/scan_vs_copy.sh [SCALE] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-135}
runs=${2:-5}

ci/setup.sh >/dev/null
dir=$(mktemp -d /tmp/pgveil-bench-XXXXXX)
trap 'ci/pg.sh stop "$dir"' EXIT
server=$(ci/pg.sh start "$dir")
psql "$server" -qc "CREATE DATABASE bench"
db="$server dbname=bench"
echo "loading a generated database (scale $scale)..."
build/pgveil-datagen --seed 5 --scale "$scale" --sql - --truth /dev/null |
  psql "$db" -q -v ON_ERROR_STOP=1 >/dev/null
psql "$db" -qc "VACUUM ANALYZE"
echo "database size: $(psql "$db" -Atc "SELECT pg_size_pretty(pg_database_size(current_database()))")"
build/pgveil scan --plan --dsn "$db" -o "$dir/plan.sql"

seconds() {  # runs "$@", prints its wall time in seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$dir/scan.times"
: >"$dir/scan1.times"
: >"$dir/copy.times"
: >"$dir/ratios"
: >"$dir/ratios1"
for i in $(seq 0 "$runs"); do
  scan=$(seconds build/pgveil scan --dsn "$db" -o /dev/null)
  scan1=$(seconds build/pgveil scan --jobs 1 --dsn "$db" -o /dev/null)
  copy=$(seconds psql "$db" -q -v ON_ERROR_STOP=1 -f "$dir/plan.sql")
  [ "$i" = 0 ] && continue  # warm-up: fills the page cache for all
  echo "$scan" >>"$dir/scan.times"
  echo "$scan1" >>"$dir/scan1.times"
  echo "$copy" >>"$dir/copy.times"
  awk -v a="$scan" -v b="$copy" 'BEGIN { printf "%.3f\n", a / b }' >>"$dir/ratios"
  awk -v a="$scan1" -v b="$copy" 'BEGIN { printf "%.3f\n", a / b }' >>"$dir/ratios1"
  echo "run $i: pgveil scan ${scan}s (--jobs 1: ${scan1}s), psql COPY of the same sample ${copy}s"
done
echo "median: pgveil scan $(median <"$dir/scan.times")s (--jobs 1: $(median <"$dir/scan1.times")s)," \
  "psql COPY $(median <"$dir/copy.times")s"
echo "ratio scan/COPY $(median <"$dir/ratios") (target <= 1.5); --jobs 1: $(median <"$dir/ratios1")"

#!/usr/bin/env bash
# Does detection hide behind I/O? Times a whole `pgveil scan` against merely
# reading the same sample -- the exact queries the scan runs (`scan --plan`),
# as COPY (...) TO STDOUT through psql -- on a generated database of about
# 18 MB per unit of scale (default 60: about 1.1 GB). Both read through one
# connection; runs alternate so drift in machine speed hits both alike.
#
#   bench/scan_vs_copy.sh [SCALE] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-60}
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
: >"$dir/copy.times"
: >"$dir/ratios"
for i in $(seq 0 "$runs"); do
  scan=$(seconds build/pgveil scan --jobs 1 --dsn "$db" -o /dev/null)
  copy=$(seconds psql "$db" -q -v ON_ERROR_STOP=1 -f "$dir/plan.sql")
  [ "$i" = 0 ] && continue  # warm-up: fills the page cache for both
  echo "$scan" >>"$dir/scan.times"
  echo "$copy" >>"$dir/copy.times"
  awk -v a="$scan" -v b="$copy" 'BEGIN { printf "%.3f\n", a / b }' >>"$dir/ratios"
  echo "run $i: pgveil scan ${scan}s, psql COPY of the same sample ${copy}s"
done
echo "median: pgveil scan $(median <"$dir/scan.times")s, psql COPY $(median <"$dir/copy.times")s," \
  "ratio scan/COPY $(median <"$dir/ratios") (target <= 1.5)"

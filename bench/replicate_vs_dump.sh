#!/usr/bin/env bash
# The masked copy's speed on a generated shop of at least 2 GB, side by side
# in one run with the two ways to copy a database without masking:
#
#   pgveil replicate --snapshot-only --jobs N   full bootstrapped policy (masks ~60 columns)
#   pg_dump | psql                              one stream, no masking
#   pgcopydb clone --table-jobs N --index-jobs N   parallel COPY, no masking
#
# Targets: pgveil faster than pg_dump | psql, and within 1.2x of pgcopydb.
#
#   bench/replicate_vs_dump.sh [RUNS]        (default 3 runs of each)
#
# Starts a source and a target cluster (ci/pg.sh), both with the same
# settings for every tool (max_wal_size 16GB, checkpoint_timeout 1h,
# maintenance_work_mem 256MB), generates the shop with pgveil-datagen at
# SCALE (default 260, about 2.1 GB; the script checks pg_database_size),
# bootstraps a policy and gives it the review the shop's messy data needs
# (see ReviewDraft in tests/e2e/e2e_fixture.h), then runs the three copies
# in rotating order into a fresh target database each time, checks the row
# count of one table, and prints every run, the medians and the ratios.
# JOBS (default 2) is the parallelism of pgveil and pgcopydb.
# PGVEIL_BINARY picks the binary (default build/pgveil); pgveil-datagen is
# taken from the same folder. pgcopydb is installed with apt-get if missing.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
source bench/common.sh

RUNS=${1:-3}
SCALE=${SCALE:-260}
JOBS=${JOBS:-2}
PGVEIL=${PGVEIL_BINARY:-$PWD/build/pgveil}
DATAGEN=${PGVEIL_DATAGEN:-$(dirname "$PGVEIL")/pgveil-datagen}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
export PGVEIL_KEY=${PGVEIL_KEY:-replicate-bench-key-0123456789abcdef}

if ! command -v pgcopydb >/dev/null; then
  SUDO=""
  [ "$(id -u)" != 0 ] && SUDO=sudo
  $SUDO apt-get install -y -qq pgcopydb >/dev/null
fi

source_dir=$(mktemp -d /tmp/pgveil-bench-source-XXXXXX)
target_dir=$(mktemp -d /tmp/pgveil-bench-target-XXXXXX)
work=$(mktemp -d /tmp/pgveil-bench-work-XXXXXX)
trap 'ci/pg.sh stop "$source_dir"; ci/pg.sh stop "$target_dir"; rm -rf "$work"' EXIT
source_server=$(ci/pg.sh start "$source_dir")
target_server=$(ci/pg.sh start "$target_dir")
for server in "$source_server" "$target_server"; do
  "$PG_BIN/psql" "$server" -qX -c "ALTER SYSTEM SET max_wal_size = '16GB'" \
    -c "ALTER SYSTEM SET checkpoint_timeout = '1h'" \
    -c "ALTER SYSTEM SET maintenance_work_mem = '256MB'" -c "SELECT pg_reload_conf()" >/dev/null
done
source_dsn="$source_server dbname=shop"

# "host=DIR port=P user=postgres dbname=postgres" -> postgresql:///DB?host=DIR&port=P&user=postgres
uri() {
  local server=$1 db=$2 host port
  host=$(sed -E 's/.*host=([^ ]+).*/\1/' <<<"$server")
  port=$(sed -E 's/.*port=([^ ]+).*/\1/' <<<"$server")
  echo "postgresql:///$db?host=$host&port=$port&user=postgres"
}

echo "generating the shop at scale $SCALE ..." >&2
"$PG_BIN/psql" "$source_server" -qXc "CREATE DATABASE shop"
"$DATAGEN" --seed 7 --scale "$SCALE" --sql - | "$PG_BIN/psql" "$source_dsn" -qX -v ON_ERROR_STOP=1 >/dev/null
bytes=$("$PG_BIN/psql" "$source_dsn" -qAtXc "SELECT pg_database_size(current_database())")
rows=$("$PG_BIN/psql" "$source_dsn" -qAtXc "SELECT count(*) FROM public.orders")
echo "database shop: $(numfmt --to=iec "$bytes"), $rows orders" >&2
[ "$bytes" -ge 2000000000 ] || echo "warning: the database is smaller than 2 GB; raise SCALE" >&2

reviewed_policy "$PGVEIL" "$source_dsn" "$work"
"$PGVEIL" check --dsn "$source_dsn" --policy "$work/pgveil.yaml" --mode strict >/dev/null

fresh_target() {
  "$PG_BIN/psql" "$target_server" -qXc "DROP DATABASE IF EXISTS $1 WITH (FORCE)" \
    -c "CREATE DATABASE $1" >/dev/null
  echo "$target_server dbname=$1"
}
check_rows() {
  local got
  got=$("$PG_BIN/psql" "$1" -qAtXc "SELECT count(*) FROM public.orders")
  [ "$got" = "$rows" ] || { echo "$2: $got orders on the target, $rows on the source" >&2; exit 1; }
}

run_pgveil() {
  local target start end
  target=$(fresh_target pgveil_copy)
  start=$(seconds)
  "$PGVEIL" replicate --source "$source_dsn" --target "$target" --policy "$work/pgveil.yaml" \
    --snapshot-only --jobs "$JOBS" >"$work/pgveil.out"
  end=$(seconds)
  check_rows "$target" pgveil
  grep '^phases:' "$work/pgveil.out" >&2
  echo "$end - $start" | bc -l
}
run_dump() {
  local target start end
  target=$(fresh_target dump_copy)
  start=$(seconds)
  "$PG_BIN/pg_dump" --dbname "$source_dsn" | "$PG_BIN/psql" -qX -v ON_ERROR_STOP=1 "$target" >/dev/null
  end=$(seconds)
  check_rows "$target" "pg_dump | psql"
  echo "$end - $start" | bc -l
}
run_pgcopydb() {
  local start end
  fresh_target pgcopydb_copy >/dev/null
  rm -rf "$work/pgcopydb"
  start=$(seconds)
  pgcopydb clone --source "$(uri "$source_server" shop)" \
    --target "$(uri "$target_server" pgcopydb_copy)" --dir "$work/pgcopydb" \
    --table-jobs "$JOBS" --index-jobs "$JOBS" --no-owner --no-acl >"$work/pgcopydb.log" 2>&1
  end=$(seconds)
  check_rows "$target_server dbname=pgcopydb_copy" pgcopydb
  echo "$end - $start" | bc -l
}

pgveil_times=()
dump_times=()
copydb_times=()
tools=(pgveil dump pgcopydb)
for run in $(seq 1 "$RUNS"); do
  for i in 0 1 2; do  # rotate the order, so no tool always runs on a warm or cold cache
    case ${tools[$(((run + i) % 3))]} in
      pgveil) pgveil_times+=("$(run_pgveil)") ;;
      dump) dump_times+=("$(run_dump)") ;;
      pgcopydb) copydb_times+=("$(run_pgcopydb)") ;;
    esac
  done
  printf 'run %d: pgveil replicate %.1f s   pg_dump | psql %.1f s   pgcopydb clone %.1f s\n' "$run" \
    "${pgveil_times[-1]}" "${dump_times[-1]}" "${copydb_times[-1]}"
done
pgveil_median=$(printf '%s\n' "${pgveil_times[@]}" | median)
dump_median=$(printf '%s\n' "${dump_times[@]}" | median)
copydb_median=$(printf '%s\n' "${copydb_times[@]}" | median)
printf 'median of %d: pgveil replicate %.1f s   pg_dump | psql %.1f s   pgcopydb clone %.1f s\n' \
  "$RUNS" "$pgveil_median" "$dump_median" "$copydb_median"
printf 'ratio pgveil / (pg_dump | psql) = %.2f (target < 1.00)\n' \
  "$(echo "$pgveil_median / $dump_median" | bc -l)"
printf 'ratio pgveil / pgcopydb = %.2f (target <= 1.20)\n' \
  "$(echo "$pgveil_median / $copydb_median" | bc -l)"

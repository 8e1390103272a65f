#!/usr/bin/env bash
# What a branch costs, side by side in one run, on a masked replica of a
# generated shop of about 2 GB:
#
#   branch    `pgveil branch create` while `pgveil replicate` streams into
#             the replica (the stream steps aside at a transaction boundary,
#             CREATE DATABASE ... TEMPLATE ... STRATEGY FILE_COPY, the stream
#             comes back)
#   createdb  `createdb -T replica -S FILE_COPY` (the same copy) with nothing
#             connected to the replica: nothing to pause
#   dump      `pg_dump replica | psql` into a new database, the usual way
#
#   bench/branch_vs_dump.sh [RUNS]     (default 3; medians printed)
#
# Prints the median seconds of each and the ratios branch / dump (target
# <= 0.12) and branch / createdb (target <= 1.2). Starts a source and a
# target cluster (ci/pg.sh) with the same settings for every tool
# (max_wal_size 16GB, checkpoint_timeout 1h), generates the shop at SCALE
# (default 260, about 2.1 GB), bootstraps and reviews a policy (bench/common.sh)
# and replicates it. PGVEIL_BINARY picks the binary (default build/pgveil).
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
source bench/common.sh

RUNS=${1:-3}
SCALE=${SCALE:-260}
PGVEIL=${PGVEIL_BINARY:-$PWD/build/pgveil}
DATAGEN=${PGVEIL_DATAGEN:-$(dirname "$PGVEIL")/pgveil-datagen}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
export PGVEIL_KEY=${PGVEIL_KEY:-branch-bench-key-0123456789abcdef}
psql() { "$PG_BIN/psql" -qX -v ON_ERROR_STOP=1 "$@"; }

cleanup() {
  [ -n "${streamer:-}" ] && kill "$streamer" 2>/dev/null && wait "$streamer" 2>/dev/null || true
  stop_clusters
}
trap cleanup EXIT
start_clusters
source_dsn="$source_server dbname=shop"
replica_dsn="$target_server dbname=replica"

echo "generating the shop at scale $SCALE ..." >&2
psql "$source_server" -c "CREATE DATABASE shop"
"$DATAGEN" --seed 7 --scale "$SCALE" --sql - | psql "$source_dsn" >/dev/null
reviewed_policy "$PGVEIL" "$source_dsn" "$work"

echo "replicating it masked, then streaming ..." >&2
psql "$target_server" -c "CREATE DATABASE replica"
"$PGVEIL" replicate --source "$source_dsn" --target "$replica_dsn" --policy "$work/pgveil.yaml" \
  --jobs 2 >"$work/stream.out" 2>"$work/stream.err" &
streamer=$!
until grep -q "streaming from the slot" "$work/stream.err"; do
  kill -0 "$streamer" 2>/dev/null || { cat "$work/stream.err" >&2; exit 1; }
  sleep 1
done
bytes=$(psql "$replica_dsn" -Atc "SELECT pg_database_size(current_database())")
orders=$(psql "$replica_dsn" -Atc "SELECT count(*) FROM public.orders")
echo "replica: $(numfmt --to=iec "$bytes"), $orders orders" >&2
[ "$bytes" -ge 2000000000 ] || echo "warning: the replica is smaller than 2 GB; raise SCALE" >&2
# The copy's writes are flushed before anything is timed, so the first
# FILE_COPY's checkpoint does not pay for them.
psql "$target_server" -c "CHECKPOINT"

check_copy() {
  local got
  got=$(psql "$target_server dbname=$1" -Atc "SELECT count(*) FROM public.orders")
  [ "$got" = "$orders" ] || { echo "$1: $got orders, the replica has $orders" >&2; exit 1; }
  psql "$target_server" -c "DROP DATABASE \"$1\""
}
# Seconds `"$@"` took, its output dropped.
timed() {
  local start end
  start=$(seconds)
  "$@" >/dev/null
  end=$(seconds)
  echo "$end - $start" | bc -l
}
dump_into() {
  "$PG_BIN/pg_dump" --dbname "$replica_dsn" | psql "$target_server dbname=$1" >/dev/null
}

branch_times=()
for run in $(seq "$RUNS"); do
  branch_times+=("$(timed "$PGVEIL" branch create "bench-$run" --replica "$replica_dsn")")
  check_copy "bench-$run"
done
paused=$(grep -c "while a branch is cut" "$work/stream.err" || true)
[ "$paused" = "$RUNS" ] || { echo "the stream paused $paused times for $RUNS branches" >&2; exit 1; }
kill -TERM "$streamer"
wait "$streamer" || { cat "$work/stream.err" >&2; exit 1; }
streamer=""

createdb_times=()
dump_times=()
for run in $(seq "$RUNS"); do
  createdb_times+=("$(timed "$PG_BIN/createdb" -T replica -S FILE_COPY "plain_$run" \
    -h "$(sed -E 's/.*host=([^ ]+).*/\1/' <<<"$target_server")" \
    -p "$(sed -E 's/.*port=([^ ]+).*/\1/' <<<"$target_server")" -U postgres)")
  check_copy "plain_$run"
  psql "$target_server" -c "CREATE DATABASE dump_$run"
  dump_times+=("$(timed dump_into "dump_$run")")
  check_copy "dump_$run"
done

branch=$(printf '%s\n' "${branch_times[@]}" | median)
createdb=$(printf '%s\n' "${createdb_times[@]}" | median)
dump=$(printf '%s\n' "${dump_times[@]}" | median)
echo "runs: branch ${branch_times[*]}; createdb -T ${createdb_times[*]}; pg_dump | psql ${dump_times[*]}"
printf 'median seconds: pgveil branch create %.2f, createdb -T %.2f, pg_dump | psql %.2f\n' \
  "$branch" "$createdb" "$dump"
printf 'branch / pg_dump | psql = %.3f (target <= 0.12); branch / createdb -T = %.2f (target <= 1.2)\n' \
  "$(echo "$branch / $dump" | bc -l)" "$(echo "$branch / $createdb" | bc -l)"

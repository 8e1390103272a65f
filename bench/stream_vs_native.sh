#!/usr/bin/env bash
# The stream's speed, side by side in one run with PostgreSQL's own logical
# replication (CREATE SUBSCRIPTION, no masking):
#
#   catch-up   the same change workload (CHANGES row changes, default
#              1,000,000: multi-row inserts, updates of masked columns,
#              single-row update transactions, deletes) is written while
#              both replicas are stopped; then each catches up on its own:
#              the subscription is enabled until the workload's last row is
#              on its target, and `pgveil replicate --catch-up` runs (masked,
#              the bootstrapped policy) until it has applied it all.
#              Prints both rates and the ratio pgveil / native (target >= 1).
#   lag        pgveil streams while a paced workload writes about RATE row
#              changes per second (default 2,000) for LAG_SECONDS (default
#              30); pgveil's own summary gives the p50 and p99 of the time
#              from each source commit to its target commit (target p99 < 1 s).
#
#   bench/stream_vs_native.sh [RUNS]     (default 3 catch-up runs; medians printed)
#
# Starts a source and a target cluster (ci/pg.sh), generates the shop at
# SCALE (default 20) with pgveil-datagen, bootstraps and reviews a policy
# (reviewed_policy in bench/common.sh), copies it once with pgveil (kept slot) and
# once with a subscription (copy_data), and then measures. PGVEIL_BINARY picks
# the binary (default build/pgveil).
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
source bench/common.sh

RUNS=${1:-3}
SCALE=${SCALE:-20}
CHANGES=${CHANGES:-1000000}
RATE=${RATE:-2000}
LAG_SECONDS=${LAG_SECONDS:-30}
PGVEIL=${PGVEIL_BINARY:-$PWD/build/pgveil}
DATAGEN=${PGVEIL_DATAGEN:-$(dirname "$PGVEIL")/pgveil-datagen}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
export PGVEIL_KEY=${PGVEIL_KEY:-stream-bench-key-0123456789abcdef}
psql() { "$PG_BIN/psql" -qX -v ON_ERROR_STOP=1 "$@"; }

cleanup() {
  [ -n "${streamer:-}" ] && kill "$streamer" 2>/dev/null || true
  stop_clusters
}
trap cleanup EXIT
start_clusters
source_dsn="$source_server dbname=shop"
pgveil_dsn="$target_server dbname=masked"
native_dsn="$target_server dbname=native"

echo "generating the shop at scale $SCALE ..." >&2
psql "$source_server" -c "CREATE DATABASE shop"
"$DATAGEN" --seed 7 --scale "$SCALE" --sql - | psql "$source_dsn" >/dev/null
# A marker row the workload's last transaction writes: native replication is
# caught up when it arrives on the native target.
psql "$source_dsn" -c "CREATE TABLE public.bench_marker (id int PRIMARY KEY, run int NOT NULL)" \
  -c "INSERT INTO public.bench_marker VALUES (1, 0)"

reviewed_policy "$PGVEIL" "$source_dsn" "$work"
policy="$work/pgveil.yaml"

echo "copying: pgveil (masked) and a subscription (plain) ..." >&2
psql "$target_server" -c "CREATE DATABASE masked" -c "CREATE DATABASE native"
"$PGVEIL" replicate --source "$source_dsn" --target "$pgveil_dsn" --policy "$policy" --jobs 2 \
  --catch-up >/dev/null 2>"$work/copy.err" || { cat "$work/copy.err" >&2; exit 1; }
# pgveil's schema-change triggers fail to restore without their schema; nothing else does.
"$PG_BIN/pg_dump" --schema-only --no-publications --exclude-schema=pgveil "$source_dsn" |
  "$PG_BIN/psql" -qX "$native_dsn" >/dev/null 2>&1
psql "$source_dsn" -c "CREATE PUBLICATION native FOR ALL TABLES WITH (publish_via_partition_root = true)"
psql "$native_dsn" -c "CREATE SUBSCRIPTION native CONNECTION '$source_dsn' PUBLICATION native"
until [ "$(psql "$native_dsn" -At -c "SELECT count(*) FROM pg_subscription_rel WHERE srsubstate <> 'r'")" = 0 ]; do
  sleep 0.5
done


# CHANGES row changes, a quarter each: inserts (1,000 rows a transaction),
# updates of masked columns (2,000 a transaction), single-row update
# transactions, and deletes of the inserted rows (1,000 a transaction).
workload() {
  local run=$1 quarter=$((CHANGES / 4)) first last
  first=$(psql "$source_dsn" -At -c "SELECT min(order_id) FROM public.orders")
  last=$((first + quarter - 1))
  psql "$source_dsn" >/dev/null <<SQL
DO \$\$
DECLARE
  base bigint;
  orders bigint := (SELECT count(*) FROM public.orders);
BEGIN
  FOR i IN 0..($quarter / 1000 - 1) LOOP
    INSERT INTO public.orders (customer_id, order_no, product_id, sku, quantity, unit_price, total,
        currency, status, ordered_at, ship_street, ship_city, ship_postal_code, ship_country,
        ship_lat, ship_lon, client_ip, attr_x, payment_ref, barcode, tracking_no, gift_message)
      SELECT customer_id, 'B' || lpad((i * 1000 + g)::text, 9, '0'), product_id, sku, quantity,
        unit_price, total, currency, status, ordered_at, ship_street, ship_city, ship_postal_code,
        ship_country, ship_lat, ship_lon, client_ip, attr_x, payment_ref, barcode, tracking_no,
        gift_message
      FROM generate_series(1, 1000) g
      JOIN public.orders o ON o.order_id = (SELECT min(order_id) FROM public.orders) + (i * 1000 + g) % orders;
    COMMIT;
  END LOOP;
  FOR i IN 0..($quarter / 2000 - 1) LOOP
    UPDATE public.orders SET ship_city = ship_city || ' $run', ship_street = ship_street || ' $run'
      WHERE order_id BETWEEN $first + i * 2000 AND $first + i * 2000 + 1999;
    COMMIT;
  END LOOP;
  SELECT min(customer_id) INTO base FROM public.customers;
  FOR i IN 0..($quarter - 1) LOOP
    UPDATE public.customers SET email = 'run$run.' || i || '@bench.example'
      WHERE customer_id = base + i % 20000;
    COMMIT;
  END LOOP;
  FOR i IN 0..($quarter / 1000 - 1) LOOP
    DELETE FROM public.orders WHERE order_no BETWEEN 'B' || lpad((i * 1000 + 1)::text, 9, '0')
      AND 'B' || lpad(((i + 1) * 1000)::text, 9, '0');
    COMMIT;
  END LOOP;
  UPDATE public.bench_marker SET run = $run WHERE id = 1;
END
\$\$;
SQL
}

wait_native() {
  until [ "$(psql "$native_dsn" -At -c "SELECT run FROM public.bench_marker")" = "$1" ]; do
    sleep 0.05
  done
}

native() {
  local start end
  start=$(seconds)
  psql "$native_dsn" -c "ALTER SUBSCRIPTION native ENABLE"
  wait_native "$1"
  end=$(seconds)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }'
}

masked() {
  local start end
  start=$(seconds)
  "$PGVEIL" replicate --source "$source_dsn" --target "$pgveil_dsn" --policy "$policy" \
    --catch-up >"$work/run.out" 2>"$work/run.err" || { cat "$work/run.err" >&2; exit 1; }
  end=$(seconds)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }'
}

rates_pgveil=()
rates_native=()
ratios=()
for run in $(seq 1 "$RUNS"); do
  psql "$native_dsn" -c "ALTER SUBSCRIPTION native DISABLE"
  echo "run $run: writing $CHANGES row changes ..." >&2
  workload "$run"
  # Alternate who goes first, so neither always meets a warmer cache.
  if [ $((run % 2)) = 1 ]; then
    t_native=$(native "$run")
    t_pgveil=$(masked)
  else
    t_pgveil=$(masked)
    t_native=$(native "$run")
  fi
  [ "$(psql "$pgveil_dsn" -At -c "SELECT run FROM public.bench_marker")" = "$run" ] ||
    { echo "pgveil did not apply the whole workload" >&2; exit 1; }
  r_pgveil=$(awk -v n="$CHANGES" -v t="$t_pgveil" 'BEGIN { printf "%.0f", n / t }')
  r_native=$(awk -v n="$CHANGES" -v t="$t_native" 'BEGIN { printf "%.0f", n / t }')
  ratio=$(awk -v a="$r_pgveil" -v b="$r_native" 'BEGIN { printf "%.2f", a / b }')
  printf 'run %d: pgveil (masked) %s s, %s changes/s   native %s s, %s changes/s   ratio %s\n' \
    "$run" "$t_pgveil" "$r_pgveil" "$t_native" "$r_native" "$ratio"
  rates_pgveil+=("$r_pgveil")
  rates_native+=("$r_native")
  ratios+=("$ratio")
done
printf 'catch-up, median of %d: pgveil %s changes/s, native %s changes/s, pgveil / native %s (target >= 1.0)\n' \
  "$RUNS" "$(printf '%s\n' "${rates_pgveil[@]}" | median)" \
  "$(printf '%s\n' "${rates_native[@]}" | median)" "$(printf '%s\n' "${ratios[@]}" | median)"

# Steady state: pgveil streams while a paced workload writes RATE changes/s.
psql "$native_dsn" -c "ALTER SUBSCRIPTION native DISABLE"
"$PGVEIL" replicate --source "$source_dsn" --target "$pgveil_dsn" --policy "$policy" \
  >"$work/lag.out" 2>"$work/lag.err" &
streamer=$!
until grep -q "streaming from the slot" "$work/lag.err"; do sleep 0.1; done
per_tick=$((RATE / 100))
psql "$source_dsn" >/dev/null <<SQL
DO \$\$
DECLARE
  base bigint := (SELECT min(customer_id) FROM public.customers);
  started timestamptz := clock_timestamp();
BEGIN
  FOR i IN 0..($LAG_SECONDS * 100 - 1) LOOP
    UPDATE public.customers SET email = 'lag.' || i || '.' || customer_id || '@bench.example'
      WHERE customer_id >= base + (i * $per_tick) % 20000 AND customer_id < base + (i * $per_tick) % 20000 + $per_tick;
    COMMIT;
    -- 100 ticks a second, whatever the update took
    PERFORM pg_sleep(greatest(0, extract(epoch FROM started + (i + 1) * interval '10 ms' - clock_timestamp())));
  END LOOP;
END
\$\$;
SQL
sleep 2
kill -TERM "$streamer"
wait "$streamer" || { cat "$work/lag.err" >&2; exit 1; }
streamer=""
echo "steady state at $RATE changes/s for $LAG_SECONDS s: $(grep -o 'lag from source commit.*' "$work/lag.out")"

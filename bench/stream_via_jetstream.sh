#!/usr/bin/env bash
# The masked stream through NATS JetStream against the direct one, side by
# side in one run. The same change workload (CHANGES row changes, default
# 200,000: multi-row inserts, updates of masked columns, single-row update
# transactions, deletes) is written on the shop source while nothing
# streams, so the slots hold it; then it goes
#
#   direct  to one target: `pgveil replicate --source --target --catch-up`
#   one     through the stream to one target: `pgveil replicate --sink
#           --catch-up` publishes while one `pgveil apply` applies, at once
#   three   the same with three appliers, each into a target of its own
#   three direct  for reference: three direct streams at once, each from a
#           slot of its own into a target of its own, which shows what three
#           targets cost this machine whatever feeds them
#
# Each is timed from its start until the workload's last transaction (a
# marker row) is on every target of it; a rate is row changes per second
# reaching each target. Each run writes the workload twice: direct against
# one on the first, direct against three (both ways) on the second.
#
#   bench/stream_via_jetstream.sh [RUNS]     (default 3; medians printed)
#
# Prints the rates and the ratios one / direct and three / direct (target:
# three / direct >= 0.7), and three / three direct. Starts a source and a target cluster (ci/pg.sh) and
# NATS_SERVERS (1, or 3 for a cluster and a stream replicated three ways;
# default 1) nats-server processes with JetStream on loopback ports
# (NATS_SERVER picks the binary), generates the shop at SCALE (default 10)
# with pgveil-datagen, bootstraps and reviews a policy (bench/common.sh), and
# copies it once directly and once through the stream before measuring.
# Everything it started is stopped at exit. PGVEIL_BINARY picks the binary
# (default build/pgveil).
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
source bench/common.sh

RUNS=${1:-3}
SCALE=${SCALE:-10}
CHANGES=$(( ${CHANGES:-200000} / 8000 * 8000 ))  # whole transactions of each kind
NATS_SERVERS=${NATS_SERVERS:-1}
NATS_SERVER=${NATS_SERVER:-/usr/sbin/nats-server}
PGVEIL=${PGVEIL_BINARY:-$PWD/build/pgveil}
DATAGEN=${PGVEIL_DATAGEN:-$(dirname "$PGVEIL")/pgveil-datagen}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
STREAM=SHOP
export PGVEIL_KEY=${PGVEIL_KEY:-jetstream-bench-key-0123456789abcdef}
psql() { "$PG_BIN/psql" -qX -v ON_ERROR_STOP=1 "$@"; }

nats_pids=()
running=()  # pgveil processes in the background
cleanup() {
  local pid
  for pid in "${running[@]}" "${nats_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${running[@]}" "${nats_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "${nats_dir:-}" ] && rm -rf "$nats_dir"
  [ -n "${source_dir:-}" ] && stop_clusters
}
trap cleanup EXIT

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free loopback port found" >&2
  exit 1
}

# The body of GET $2 from 127.0.0.1:$1 when it answers 200; fails otherwise.
http_get() {
  local reply
  reply=$(exec 2>/dev/null 3<>"/dev/tcp/127.0.0.1/$1" &&
    printf 'GET %s HTTP/1.0\r\n\r\n' "$2" >&3 && cat <&3) || return 1
  [[ $reply =~ ^HTTP/1\.[01]\ 200 ]] || return 1
  printf '%s' "${reply#*$'\r\n\r\n'}"
}

# start_nats N: N servers (a cluster when N > 1) in nats_dir; sets nats_url
# once every one is healthy and, in a cluster, JetStream has a meta leader.
start_nats() {
  local n=$1 i routes="" url=""
  local -a client http route
  nats_dir=$(mktemp -d /tmp/pgveil-bench-nats-XXXXXX)
  for i in $(seq 0 $((n - 1))); do
    client[i]=$(free_port) http[i]=$(free_port) route[i]=$(free_port)
    routes+="    nats-route://127.0.0.1:${route[i]}"$'\n'
    url+="${url:+,}nats://127.0.0.1:${client[i]}"
  done
  for i in $(seq 0 $((n - 1))); do
    {
      echo "server_name: n$i"
      echo "listen: 127.0.0.1:${client[i]}"
      echo "http: 127.0.0.1:${http[i]}"
      echo "jetstream { store_dir: \"$nats_dir/n$i\" }"
      if [ "$n" -gt 1 ]; then
        printf 'cluster {\n  name: bench\n  listen: 127.0.0.1:%s\n  routes: [\n%s  ]\n}\n' \
          "${route[i]}" "$routes"
      fi
    } >"$nats_dir/n$i.conf"
    "$NATS_SERVER" -c "$nats_dir/n$i.conf" >"$nats_dir/n$i.log" 2>&1 &
    nats_pids+=($!)
  done
  for i in $(seq 0 $((n - 1))); do
    for _ in $(seq 1 600); do
      if http_get "${http[i]}" /healthz >/dev/null &&
        { [ "$n" = 1 ] || http_get "${http[i]}" /jsz | grep -q '"leader"'; }; then
        continue 2
      fi
      sleep 0.1
    done
    cat "$nats_dir/n$i.log" >&2
    echo "nats-server n$i did not become ready" >&2
    exit 1
  done
  nats_url=$url
}

start_clusters
start_nats "$NATS_SERVERS"
source_dsn="$source_server dbname=shop"
appliers=(jet_a jet_b jet_c)
directs=(direct_a direct_b direct_c)  # the three direct streams' targets

echo "generating the shop at scale $SCALE ..." >&2
psql "$source_server" -c "CREATE DATABASE shop"
"$DATAGEN" --seed 7 --scale "$SCALE" --sql - | psql "$source_dsn" >/dev/null
# The workload's last transaction updates the marker: a target holding its
# run number holds the whole workload.
psql "$source_dsn" -c "CREATE TABLE public.bench_marker (id int PRIMARY KEY, run int NOT NULL)" \
  -c "INSERT INTO public.bench_marker VALUES (1, 0)"
reviewed_policy "$PGVEIL" "$source_dsn" "$work"
policy="$work/pgveil.yaml"
orders=$(psql "$source_dsn" -At -c "SELECT count(*) FROM public.orders")
customers=$(psql "$source_dsn" -At -c "SELECT count(*) FROM public.customers")
[ "$orders" -gt 2000 ] || { echo "too few orders ($orders): raise SCALE" >&2; exit 1; }

# Commands, run straight from this shell (never through a function in the
# background), so the pid the script holds is pgveil's own.
publish=("$PGVEIL" replicate --source "$source_dsn" --sink "$nats_url" --stream "$STREAM"
  --policy "$policy" --catch-up -q)
apply=("$PGVEIL" apply --from "$nats_url" --stream "$STREAM" -q --target)  # + target DSN
direct=("$PGVEIL" replicate --source "$source_dsn" --policy "$policy" --catch-up -q
  --target)  # + target DSN
# logged NAME COMMAND...: in the foreground, output in $work/NAME.{out,err}.
logged() {
  local name=$1
  shift
  "$@" >"$work/$name.out" 2>"$work/$name.err" || { cat "$work/$name.err" >&2; exit 1; }
}

echo "copying: directly to $((1 + ${#directs[@]})), and through the stream to ${#appliers[@]} targets ..." >&2
for db in direct "${directs[@]}" "${appliers[@]}"; do
  psql "$target_server" -c "CREATE DATABASE $db"
done
for db in direct "${directs[@]}"; do logged "copy-$db" "${direct[@]}" "$target_server dbname=$db"; done
logged publish "${publish[@]}"
for db in "${appliers[@]}"; do logged "apply-$db" "${apply[@]}" "$target_server dbname=$db" --catch-up; done

# CHANGES row changes, a quarter each: inserts (1,000 rows a transaction),
# updates of masked columns (2,000 a transaction), single-row update
# transactions, and deletes of the inserted rows (1,000 a transaction).
workload() {
  local run=$1 quarter=$((CHANGES / 4))
  psql "$source_dsn" >/dev/null <<SQL
DO \$\$
DECLARE
  first_order bigint := (SELECT min(order_id) FROM public.orders);
  first_customer bigint := (SELECT min(customer_id) FROM public.customers);
  at bigint;
BEGIN
  FOR i IN 0..($quarter / 1000 - 1) LOOP
    INSERT INTO public.orders (customer_id, order_no, product_id, sku, quantity, unit_price, total,
        currency, status, ordered_at, ship_street, ship_city, ship_postal_code, ship_country,
        ship_lat, ship_lon, client_ip, attr_x, payment_ref, barcode, tracking_no, gift_message)
      SELECT customer_id, 'J' || lpad((i * 1000 + g)::text, 9, '0'), product_id, sku, quantity,
        unit_price, total, currency, status, ordered_at, ship_street, ship_city, ship_postal_code,
        ship_country, ship_lat, ship_lon, client_ip, attr_x, payment_ref, barcode, tracking_no,
        gift_message
      FROM generate_series(1, 1000) g
      JOIN public.orders o ON o.order_id = first_order + (i * 1000 + g) % $orders;
    COMMIT;
  END LOOP;
  FOR i IN 0..($quarter / 2000 - 1) LOOP
    at := first_order + (i * 2000) % ($orders - 2000);
    UPDATE public.orders SET ship_city = ship_city || ' $run', ship_street = ship_street || ' $run'
      WHERE order_id >= at AND order_id < at + 2000;
    COMMIT;
  END LOOP;
  FOR i IN 0..($quarter - 1) LOOP
    UPDATE public.customers SET email = 'run$run.' || i || '@bench.example'
      WHERE customer_id = first_customer + i % $customers;
    COMMIT;
  END LOOP;
  FOR i IN 0..($quarter / 1000 - 1) LOOP
    DELETE FROM public.orders WHERE order_no BETWEEN 'J' || lpad((i * 1000 + 1)::text, 9, '0')
      AND 'J' || lpad(((i + 1) * 1000)::text, 9, '0');
    COMMIT;
  END LOOP;
  UPDATE public.bench_marker SET run = $run WHERE id = 1;
END
\$\$;
SQL
}

has_run() { [ "$(psql "$target_server dbname=$1" -At -c "SELECT run FROM public.bench_marker")" = "$2" ]; }

elapsed() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.3f", e - s }'; }

# Sets took to the seconds direct streams, one into each target $2... at
# once, need to apply workload $1.
time_direct() {
  local run=$1 start end db pid
  shift
  start=$(seconds)
  for db in "$@"; do
    "${direct[@]}" "$target_server dbname=$db" >"$work/direct-$db.out" 2>"$work/direct-$db.err" &
    running+=($!)
  done
  for pid in "${running[@]}"; do wait "$pid" || { cat "$work"/direct-*.err >&2; exit 1; }; done
  running=()
  end=$(seconds)
  for db in "$@"; do
    has_run "$db" "$run" || { echo "replicate did not apply the whole workload to $db" >&2; exit 1; }
  done
  took=$(elapsed "$start" "$end")
}

# Sets took to the seconds until workload $1 is on every target $2...: the
# publisher catches up while an applier per target applies. The appliers
# run until stopped: `apply --catch-up` would stop at what the stream held
# when it started, before the publisher is through.
time_stream() {
  local run=$1 start end db pid publisher published=""
  shift
  start=$(seconds)
  "${publish[@]}" >"$work/publish.out" 2>"$work/publish.err" &
  publisher=$!
  running=("$publisher")
  for db in "$@"; do
    "${apply[@]}" "$target_server dbname=$db" >"$work/apply-$db.out" 2>"$work/apply-$db.err" &
    running+=($!)
  done
  for db in "$@"; do
    until has_run "$db" "$run"; do
      for pid in "${running[@]:1}"; do
        kill -0 "$pid" 2>/dev/null || { cat "$work"/apply-*.err >&2; exit 1; }
      done
      if [ -z "$published" ] && ! kill -0 "$publisher" 2>/dev/null; then published=$(seconds); fi
      sleep 0.05
    done
  done
  end=$(seconds)
  wait "$publisher" || { cat "$work/publish.err" >&2; exit 1; }
  # Which side is slower: the publisher's run against the whole.
  echo "  through JetStream to $#: published in $(elapsed "$start" "${published:-$(seconds)}") s," \
    "applied on every target in $(elapsed "$start" "$end") s" >&2
  for pid in "${running[@]:1}"; do kill -TERM "$pid"; done
  for pid in "${running[@]:1}"; do wait "$pid" || { cat "$work"/apply-*.err >&2; exit 1; }; done
  running=()
  took=$(elapsed "$start" "$end")
}

rate() { awk -v n="$CHANGES" -v t="$1" 'BEGIN { printf "%.0f", n / t }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

rates_direct=()
rates_one=()
rates_three=()
rates_three_direct=()
ratios_one=()
ratios_three=()
ratios_broker=()
for run in $(seq 1 "$RUNS"); do
  echo "run $run: writing $CHANGES row changes, direct against one target ..." >&2
  workload $((2 * run - 1))
  time_direct $((2 * run - 1)) direct
  r_direct=$(rate "$took")
  time_stream $((2 * run - 1)) jet_a
  r_one=$(rate "$took")
  # The other targets catch up with this workload, untimed.
  for db in jet_b jet_c; do logged "apply-$db" "${apply[@]}" "$target_server dbname=$db" --catch-up; done
  time_direct $((2 * run - 1)) "${directs[@]}"
  echo "run $run: writing $CHANGES row changes, direct against three targets ..." >&2
  workload $((2 * run))
  time_direct $((2 * run)) direct
  r_direct_again=$(rate "$took")
  time_stream $((2 * run)) "${appliers[@]}"
  r_three=$(rate "$took")
  time_direct $((2 * run)) "${directs[@]}"
  r_three_direct=$(rate "$took")
  printf 'run %d: direct %s and %s rows/s; through JetStream to one target %s rows/s (%s), to three %s rows/s each (%s); three direct streams %s rows/s each (%s)\n' \
    "$run" "$r_direct" "$r_direct_again" "$r_one" "$(ratio "$r_one" "$r_direct")" "$r_three" \
    "$(ratio "$r_three" "$r_direct_again")" "$r_three_direct" \
    "$(ratio "$r_three_direct" "$r_direct_again")"
  rates_direct+=("$r_direct" "$r_direct_again")
  rates_one+=("$r_one")
  rates_three+=("$r_three")
  rates_three_direct+=("$r_three_direct")
  ratios_one+=("$(ratio "$r_one" "$r_direct")")
  ratios_three+=("$(ratio "$r_three" "$r_direct_again")")
  ratios_broker+=("$(ratio "$r_three" "$r_three_direct")")
done
printf 'median of %d runs, %d NATS server(s): direct %s rows/s, via JetStream to one target %s rows/s, to three %s rows/s each; three direct streams %s rows/s each\n' \
  "$RUNS" "$NATS_SERVERS" "$(printf '%s\n' "${rates_direct[@]}" | median)" \
  "$(printf '%s\n' "${rates_one[@]}" | median)" "$(printf '%s\n' "${rates_three[@]}" | median)" \
  "$(printf '%s\n' "${rates_three_direct[@]}" | median)"
printf 'one / direct = %s; three / direct = %s (target >= 0.7); three / three direct streams = %s\n' \
  "$(printf '%s\n' "${ratios_one[@]}" | median)" "$(printf '%s\n' "${ratios_three[@]}" | median)" \
  "$(printf '%s\n' "${ratios_broker[@]}" | median)"

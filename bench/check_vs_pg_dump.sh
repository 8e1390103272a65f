#!/usr/bin/env bash
# The gate's speed on a big schema: `pgveil check --no-sample` (catalog only:
# four catalog queries, name and type evidence, the policy check) against
# `pg_dump --schema-only` of the same database, which any CI job could run
# instead. Target: check within 2x of pg_dump.
#
#   bench/check_vs_pg_dump.sh [RUNS]        (default 5 runs of each)
#
# Starts a throwaway cluster (ci/pg.sh), generates TABLES (default 2,000)
# tables of 15 columns each (30,000 columns: ids, PII-named text, numbers,
# JSONB, keys), bootstraps a policy once, then times both tools alternately
# and prints every run, the medians and their ratio. PGVEIL_BINARY picks the
# binary (default build/pgveil).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

RUNS=${1:-5}
TABLES=${TABLES:-2000}
PGVEIL=${PGVEIL_BINARY:-$PWD/build/pgveil}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

cluster=$(mktemp -d /tmp/pgveil-bench-XXXXXX)
work=$(mktemp -d /tmp/pgveil-bench-work-XXXXXX)
trap 'ci/pg.sh stop "$cluster"; rm -rf "$work"' EXIT
server=$(ci/pg.sh start "$cluster")
dsn="$server dbname=bench"

"$PG_BIN/psql" "$server" -qc "CREATE DATABASE bench"
cat >"$work/schema.sql" <<SQL
SELECT format(\$\$CREATE TABLE %I (
  id bigserial PRIMARY KEY,
  email text,
  first_name varchar(80),
  last_name varchar(80),
  phone text,
  created_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'new',
  amount numeric(12, 2),
  note text,
  profile jsonb,
  city text,
  zip varchar(10),
  ref_code varchar(20) UNIQUE,
  counter integer,
  flag boolean)\$\$, 'table_' || lpad(g::text, 4, '0'))
FROM generate_series(1, $TABLES) g
\gexec
SQL
echo "generating $TABLES tables x 15 columns ..." >&2
"$PG_BIN/psql" "$dsn" -q -v ON_ERROR_STOP=1 -f "$work/schema.sql" >/dev/null
"$PG_BIN/psql" "$dsn" -qAtc "ANALYZE" >/dev/null
columns=$("$PG_BIN/psql" "$dsn" -qAtc "SELECT count(*) FROM information_schema.columns
                                      WHERE table_schema = 'public'")
echo "database bench: $columns columns" >&2

"$PGVEIL" bootstrap --no-sample --dsn "$dsn" -o "$work/pgveil.yaml"
"$PGVEIL" check --no-sample --dsn "$dsn" --policy "$work/pgveil.yaml" >/dev/null

time_once() {
  local start end
  start=$(seconds)
  "$@" >/dev/null
  end=$(seconds)
  echo "$end - $start" | bc -l
}

check_times=()
dump_times=()
for run in $(seq 1 "$RUNS"); do
  dump_times+=("$(time_once "$PG_BIN/pg_dump" --schema-only --dbname "$dsn")")
  check_times+=("$(time_once "$PGVEIL" check --no-sample --dsn "$dsn" --policy "$work/pgveil.yaml")")
  printf 'run %d: pgveil check %.3f s   pg_dump --schema-only %.3f s\n' "$run" \
    "${check_times[-1]}" "${dump_times[-1]}"
done
check_median=$(printf '%s\n' "${check_times[@]}" | median)
dump_median=$(printf '%s\n' "${dump_times[@]}" | median)
printf 'median: pgveil check %.3f s   pg_dump --schema-only %.3f s   ratio %.2f (target <= 2.00)\n' \
  "$check_median" "$dump_median" "$(echo "$check_median / $dump_median" | bc -l)"

# Shell functions the benchmarks share; sourced, never run.

# Wall-clock seconds since the epoch, with nanoseconds.
seconds() { date +%s.%N; }

# The median of the numbers on stdin, one a line.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# reviewed_policy PGVEIL DSN DIR: a policy drafted by `pgveil bootstrap` for
# the database at DSN, with the review the generated shop's data needs (free
# text the draft left as keep for review is hashed; see ReviewDraft in
# tests/e2e/e2e_fixture.h), written to DIR/pgveil.yaml.
reviewed_policy() {
  local pgveil=$1 dsn=$2 dir=$3
  "$pgveil" bootstrap --dsn "$dsn" -o "$dir/draft.yaml" --force
  awk '
    /^    #/ { if ($0 ~ /, review$/) review = 1; print; next }
    {
      if (review && $0 ~ /: keep$/) sub(/keep$/, "{transform: hash}")
      review = 0
      print
    }' "$dir/draft.yaml" >"$dir/pgveil.yaml"
  echo "policy: $(grep -c 'transform:' "$dir/pgveil.yaml") masking rules" >&2
}

# start_clusters: a source and a target cluster (ci/pg.sh) with the settings
# a benchmark gives every tool alike (max_wal_size 16GB, checkpoint_timeout
# 1h), and a work directory. Sets source_dir, target_dir, work,
# source_server and target_server; stop_clusters undoes it all.
start_clusters() {
  source_dir=$(mktemp -d /tmp/pgveil-bench-source-XXXXXX)
  target_dir=$(mktemp -d /tmp/pgveil-bench-target-XXXXXX)
  work=$(mktemp -d /tmp/pgveil-bench-work-XXXXXX)
  source_server=$(ci/pg.sh start "$source_dir")
  target_server=$(ci/pg.sh start "$target_dir")
  local server
  for server in "$source_server" "$target_server"; do
    "${PG_BIN:-/usr/lib/postgresql/15/bin}/psql" -qX "$server" \
      -c "ALTER SYSTEM SET max_wal_size = '16GB'" -c "ALTER SYSTEM SET checkpoint_timeout = '1h'" \
      -c "SELECT pg_reload_conf()" >/dev/null
  done
}
stop_clusters() {
  ci/pg.sh stop "$target_dir"
  ci/pg.sh stop "$source_dir"
  rm -rf "$work"
}

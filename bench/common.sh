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

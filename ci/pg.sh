#!/usr/bin/env bash
# Throwaway PostgreSQL clusters for tests and the demo: the server in PG_BIN,
# else PostgreSQL 15's, else the newest installed under /usr/lib/postgresql.
#
#   ci/pg.sh start DIR   initdb + start a cluster in DIR; prints its libpq DSN
#   ci/pg.sh stop DIR    stop it and delete DIR
#   ci/pg.sh crash DIR   stop it the way a crash would (immediate: no checkpoint)
#   ci/pg.sh restart DIR start a crashed or stopped cluster again (crash recovery)
#
# The cluster listens on a unix socket in DIR and on a free loopback port
# (password auth there, trust on the socket), with wal_level=logical and
# fsync=off. initdb and postgres refuse to run as root, so when invoked by
# root they run as the postgres user.
set -euo pipefail

server_bin() {
  local dir
  for dir in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    [ -x "$dir/initdb" ] && { echo "$dir"; return; }
  done
  echo /usr/lib/postgresql/15/bin
}
BIN=${PG_BIN:-$(server_bin)}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "pg.sh: no free loopback port found" >&2
  exit 1
}

start() {
  local dir=$1 port
  if [ ! -x "$BIN/initdb" ]; then
    echo "pg.sh: no PostgreSQL server in $BIN: install postgresql-15, or set PG_BIN to the folder of initdb" >&2
    exit 1
  fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  port=$(free_port)
  cd "$dir"
  as_postgres "$BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
wal_level = logical
max_wal_senders = 10
max_replication_slots = 10
fsync = off
synchronous_commit = off
full_page_writes = off
password_encryption = 'scram-sha-256'
CONF
  cat >"$dir/data/pg_hba.conf" <<HBA
local all all trust
local replication all trust
host all all 127.0.0.1/32 scram-sha-256
host replication all 127.0.0.1/32 scram-sha-256
HBA
  as_postgres "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  echo "host=$dir port=$port user=postgres dbname=postgres" | tee "$dir/dsn"
}

stop() {
  local dir=$1
  if [ -f "$dir/data/postmaster.pid" ]; then
    (cd "$dir" && as_postgres "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null) || true
  fi
  rm -rf "$dir"
}

crash() {
  local dir=$1
  (cd "$dir" && as_postgres "$BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null)
}

restart() {
  local dir=$1
  (cd "$dir" && as_postgres "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null) \
    || { cat "$dir/server.log" >&2; exit 1; }
}

case "${1:-}" in
  start) start "${2:?usage: pg.sh start DIR}" ;;
  stop) stop "${2:?usage: pg.sh stop DIR}" ;;
  crash) crash "${2:?usage: pg.sh crash DIR}" ;;
  restart) restart "${2:?usage: pg.sh restart DIR}" ;;
  *) echo "usage: pg.sh start|stop|crash|restart DIR" >&2; exit 2 ;;
esac

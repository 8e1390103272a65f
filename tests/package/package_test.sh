#!/usr/bin/env bash
# The Debian package as a user gets it: built by ci/package.sh, installed
# with apt on this machine, then the installed /usr/bin/pgveil runs
# --version and `pgveil demo` from a directory outside the checkout (so the
# demo's cluster script comes from the package), the man page and the bash
# completion are where man and bash look, and the package is removed again.
# Needs root, as installing a package does.
#
#   tests/package/package_test.sh BUILD_DIR     (ctest passes its build tree)
set -euo pipefail
build=$(cd "${1:?usage: package_test.sh BUILD_DIR}" && pwd)
cd "$(dirname "$0")/../.."
fail() { echo "package_test: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "installing the package needs root"

deb=$(ci/package.sh "$build" 2>/dev/null | tail -1)
[ -f "$deb" ] || fail "ci/package.sh built no package"
dpkg-deb -f "$deb" Depends | grep -q 'libpq5' || fail "shlibdeps left out libpq5"
dpkg-deb -f "$deb" Depends | grep -qF 'postgresql-client-15 | postgresql-client' \
  || fail "no dependency on pg_dump of any version"

work=$(mktemp -d /tmp/pgveil-package-XXXXXX)
trap 'cd /; apt-get remove -y -qq pgveil >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null \
  || fail "apt-get install $deb failed"

[ "$(command -v pgveil)" = /usr/bin/pgveil ] || fail "pgveil is not /usr/bin/pgveil on PATH"
[ "$(/usr/bin/pgveil --version)" = "$(sed -nE 's/^project\(pgveil VERSION ([0-9.]+).*/\1/p' CMakeLists.txt)" ] \
  || fail "--version does not print the project's version"
[ -s /usr/share/man/man1/pgveil.1.gz ] || fail "no man page"
zcat /usr/share/man/man1/pgveil.1.gz | grep -q 'EXIT STATUS' || fail "the man page lacks its exit codes"
completed=$(bash -c 'source /usr/share/bash-completion/completions/pgveil
  COMP_WORDS=(pgveil bra); COMP_CWORD=1; _pgveil; echo "${COMPREPLY[*]}"
  COMP_WORDS=(pgveil branch create --rep); COMP_CWORD=3; _pgveil; echo "${COMPREPLY[*]}"')
[ "$completed" = $'branch\n--replica' ] || fail "bash completion gave: $completed"

cd "$work"
env -u PGVEIL_PG_SCRIPT -u PGVEIL_BINARY /usr/bin/pgveil demo >demo.out 2>demo.err \
  || { cat demo.err >&2; fail "pgveil demo failed from the installed binary"; }
grep -q 'email' demo.out || { cat demo.out >&2; fail "the demo found no email column"; }

cd /
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq pgveil >/dev/null || fail "apt-get remove failed"
[ ! -e /usr/bin/pgveil ] && [ ! -e /usr/share/pgveil/pg.sh ] || fail "files left after removal"
echo "package_test: $(basename "$deb") installed, ran --version and the demo, removed"

#!/usr/bin/env bash
# Installs every system package pgveil needs (Debian 12) and builds it into
# build/. Idempotent: when everything is installed and built, it only checks.
#
#   ci/setup.sh            RelWithDebInfo build in build/
#   PGVEIL_SANITIZE=ON ci/setup.sh   AddressSanitizer + UBSan build in build-asan/
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libpqxx-dev libpq-dev libre2-dev libhyperscan-dev libicu-dev libphonenumber-dev libsimdjson-dev
  nlohmann-json3-dev catch2 libyaml-cpp-dev libcli11-dev libfmt-dev libssl-dev libbenchmark-dev
  postgresql-15 postgresql-contrib postgresql-15-wal2json
  chromium fonts-dejavu-core zlib1g-dev  # report_render_test: headless render, PNG decode
  libcpp-httplib-dev  # replicate --metrics-listen
  libnats-dev nats-server  # the masked change stream through NATS JetStream
  help2man  # the man page, from pgveil --help
  clang-14 libclang-rt-14-dev            # libFuzzer targets (bench/fuzz.sh, ci/hardening.sh)
)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" != 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

build_dir=build
flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
if [ "${PGVEIL_SANITIZE:-OFF}" = ON ]; then
  build_dir=build-asan
  flags=(-DCMAKE_BUILD_TYPE=Debug -DPGVEIL_SANITIZE=ON -DPGVEIL_BENCH=OFF)
fi
[ "${CI:-}" = true ] && flags+=(-DPGVEIL_WERROR=ON)
cmake -S . -B "$build_dir" -G Ninja "${flags[@]}" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"

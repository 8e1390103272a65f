#!/usr/bin/env bash
# Set-up, build, and `pgveil demo`: a throwaway cluster with a generated shop
# database, scanned, with the findings printed and an HTML compliance report
# written (the demo prints where).
set -euo pipefail
cd "$(dirname "$0")/.."
ci/setup.sh
exec build/pgveil demo "$@"

#!/usr/bin/env bash
# dictionaries/tools/build_word_lists.sh
#
# Rebuilds the word lists in dictionaries/data/ (given_names, surnames, cities,
# street_words, not_names) from the npm package @faker-js/faker (MIT) plus the
# hand-written supplements in build_word_lists.mjs. Not part of the build: the
# generated .txt files are committed, and this script is for maintainers.
#
#   dictionaries/tools/build_word_lists.sh              # pinned faker version
#   FAKER_VERSION=10.7.0 dictionaries/tools/build_word_lists.sh
#
# Needs node (>= 18) and npm with access to the npm registry. faker is installed
# in a scratch directory outside the repository, which is removed afterwards.
set -euo pipefail

FAKER_VERSION="${FAKER_VERSION:-10.6.0}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(cd "${here}/../data" && pwd)"

scratch="$(mktemp -d "${TMPDIR:-/tmp}/pgveil-wordlists.XXXXXX")"
trap 'rm -rf "${scratch}"' EXIT

cd "${scratch}"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "@faker-js/faker@${FAKER_VERSION}"
node "${here}/build_word_lists.mjs" "${out}"

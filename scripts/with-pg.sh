#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster, e.g.
#   bash scripts/with-pg.sh npm test
# The cluster lives in a temp dir, its URL is exported as
# KVARTAL_TEST_PG_URL, and it is stopped and removed when the command ends.
set -euo pipefail

[ $# -gt 0 ] || { echo "usage: bash scripts/with-pg.sh COMMAND [ARGS...]" >&2; exit 2; }

pg=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/pg.sh
tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/kvartal-pg.XXXXXX")
trap 'bash "$pg" stop "$tmpdir" >/dev/null 2>&1 || true' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

KVARTAL_TEST_PG_URL=$(bash "$pg" start "$tmpdir")
export KVARTAL_TEST_PG_URL

# Not exec: the EXIT trap must run after the command to stop the cluster.
status=0
"$@" || status=$?
exit "$status"

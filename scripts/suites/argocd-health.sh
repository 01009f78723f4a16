#!/usr/bin/env bash
# The Argo CD health check under Lua 5.1, in Argo CD's test layout, with the shared runner (restricted libraries too).
set -uo pipefail
cd "$(dirname "$0")/../.."
shared="${DATAPLATFORM_SHARED_DIR:-$PWD/../shared}"
runner="$shared/reference/argocd/run_health_tests.lua"
[ -f "$runner" ] || { echo "missing $runner"; echo "0 passed, 1 failed"; exit 1; }
status=0
lua5.1 "$runner" argocd/*/*/ || status=1
lua5.1 "$runner" --restricted argocd/*/*/ | tail -n 1 | grep -q ' 0 failed' || { echo "fails in restricted mode (argocd-cm without useOpenLibs)"; status=1; }
exit $status

#!/usr/bin/env bash
# Runs every test of the project on a fresh machine: installs what the tests need, builds with warnings as
# errors, runs each test suite, and ends with one line "N passed, N failed, N skipped" summed over all of them.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
artifacts="$root/.artifacts"
mkdir -p "$artifacts"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

passed=0 failed=0 skipped=0
status=0

add_counts() { # passed failed skipped
  passed=$((passed + $1)); failed=$((failed + $2)); skipped=$((skipped + $3))
}

# Tools for the packaging tests (helm, lua, yamllint); a no-op when they are already there.
if [ -f scripts/install-tools.sh ]; then
  bash scripts/install-tools.sh || { echo "tool installation failed" >&2; status=1; }
  # shellcheck disable=SC1091
  [ -f "$root/.tools/env.sh" ] && source "$root/.tools/env.sh"
fi

echo "== build (warnings are errors)"
if ! dotnet build Operator.sln -c Release -nologo -clp:NoSummary 2>&1 | tee "$artifacts/build.log" | grep -E "warning|error|Warn|Error|Elapsed" ; then :; fi
if grep -qE "[1-9][0-9]* Warning\(s\)|[1-9][0-9]* Error\(s\)|: (warning|error) " "$artifacts/build.log" || ! grep -q "Build succeeded" "$artifacts/build.log"; then
  echo "build failed or produced warnings" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

echo "== dotnet test"
dotnet test Operator.sln -c Release --no-build -nologo 2>&1 | tee "$artifacts/test.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
# VSTest prints one line per test project: "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total: ..."
while read -r f p s; do add_counts "$p" "$f" "$s"; done < <(
  sed -nE 's/.*(Passed|Failed)! +- Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\2 \3 \4/p' "$artifacts/test.log")

# Further suites (Argo CD health checks under Lua, chart checks) append here and add their counts.
for suite in scripts/suites/*.sh; do
  [ -f "$suite" ] || continue
  echo "== $suite"
  out=$(bash "$suite" 2>&1); rc=$?
  echo "$out"
  [ $rc -eq 0 ] || status=1
  line=$(echo "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n 1)
  if [ -n "$line" ]; then
    read -r p f s < <(echo "$line" | sed -E 's/^([0-9]+) passed, ([0-9]+) failed(, ([0-9]+) skipped)?.*/\1 \2 \4/')
    add_counts "$p" "$f" "${s:-0}"
  elif [ $rc -ne 0 ]; then
    add_counts 0 1 0
  fi
done

[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status

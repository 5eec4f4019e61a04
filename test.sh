#!/usr/bin/env bash
# The test command: restores, builds and tests every project in the repo.
#
# A project is skipped (with a line naming it and the packages) only when its restore fails solely because the
# NuGet source lacks Pulumi, Pulumi.Aws, Pulumi.Automation, an Amazon.Lambda.* package or SnapshotRestore.Registry
# (a dependency of Amazon.Lambda.RuntimeSupport): the thin layers over those packages (the Lambda layer, Infra/Stack,
# the Deployer's Automation adapter and their tests). Every decision lives in projects that need none of them, and
# those always run. With REQUIRE_ALL_PROJECTS=1 (a machine that has the packages) a skip is a failure too. Any other
# restore, build or test failure fails the run. The last line is "N passed, N failed" (", N skipped" when tests
# were skipped).
set -uo pipefail

root=$(cd "$(dirname "$0")" && pwd)
cd "$root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=1
skippable_pattern='^(Pulumi|Pulumi\.Aws|Pulumi\.Automation|Amazon\.Lambda\.[A-Za-z0-9.]+|SnapshotRestore\.Registry)$'
require_all=${REQUIRE_ALL_PROJECTS:-0}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

problems=0
skipped_projects=0
note_problem() { echo "FAIL $1"; problems=$((problems + 1)); }

mapfile -t projects < <(find . -name '*.csproj' -not -path '*/bin/*' -not -path '*/obj/*' | sed 's|^\./||' | sort)
restored=()
for project in "${projects[@]}"; do
  log="$work/restore-$(basename "$project").log"
  if dotnet restore "$project" -nodeReuse:false >"$log" 2>&1; then
    restored+=("$project")
    continue
  fi
  # Package ids from "error NU1101: Unable to find package X." lines; any other error is a real failure.
  missing=$(grep -oE 'error NU1101: Unable to find package [^ .]+(\.[^ .]+)*' "$log" | awk '{print $NF}' | sort -u | tr '\n' ' ')
  other_errors=$(grep -E ': error ' "$log" | grep -vE 'error NU1101: Unable to find package ' | head -5)
  unexpected=""
  for package in $missing; do
    [[ "$package" =~ $skippable_pattern ]] || unexpected+="$package "
  done
  if [[ -n "$missing" && -z "$unexpected" && -z "$other_errors" && "$require_all" != 1 ]]; then
    echo "SKIP $project: the NuGet source lacks $(echo $missing | sed 's/ /, /g')"
    skipped_projects=$((skipped_projects + 1))
  else
    note_problem "restore $project"
    cat "$log"
  fi
done

if [[ $skipped_projects -gt 0 ]]; then
  echo "NOTE $skipped_projects project(s) skipped: Pulumi* and Amazon.Lambda.* come from the public NuGet gallery" \
    "(nuget.org), or from an offline package folder named in RestoreAdditionalProjectSources."
fi

is_test_project() { grep -q '<IsTestProject>true</IsTestProject>' "$1"; }

for project in "${restored[@]}"; do
  is_test_project "$project" && continue
  if ! dotnet build "$project" --no-restore -nodeReuse:false -v quiet -clp:ErrorsOnly >"$work/build.log" 2>&1; then
    note_problem "build $project"
    cat "$work/build.log"
  fi
done

passed=0 failed=0 skipped=0
for project in "${restored[@]}"; do
  is_test_project "$project" || continue
  name=$(basename "$project" .csproj)
  results="$work/results-$name"
  echo "== $name"
  dotnet test "$project" --no-restore -nodeReuse:false --logger "trx;LogFileName=$name.trx" \
    --logger "console;verbosity=minimal" --results-directory "$results" 2>&1 | tee "$work/test-$name.log" | grep -vE '^\s*$'
  status=${PIPESTATUS[0]}
  trx=$(find "$results" -name '*.trx' 2>/dev/null | head -1)
  if [[ -z "$trx" ]]; then
    note_problem "test $project (no results; exit $status)"
    continue
  fi
  counters=$(grep -oE '<Counters [^>]*' "$trx")
  count() { echo "$counters" | grep -oE " $1=\"[0-9]+\"" | grep -oE '[0-9]+' || echo 0; }
  p=$(count passed); f=$(count failed); e=$(count error); t=$(count total); x=$(count executed)
  passed=$((passed + p)); failed=$((failed + f + e)); skipped=$((skipped + t - x))
  if [[ $status -ne 0 && $((f + e)) -eq 0 ]]; then note_problem "test $project (exit $status)"; fi
done

summary="$passed passed, $failed failed"
[[ $skipped -gt 0 ]] && summary+=", $skipped skipped"
if [[ $problems -gt 0 ]]; then echo "$problems project step(s) failed (see FAIL lines above)"; fi
echo "$summary"
[[ $problems -eq 0 && $failed -eq 0 ]]

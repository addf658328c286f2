#!/usr/bin/env bash
# The one command that runs every test: installs what is missing, starts the servers the tests
# need (PostgreSQL from Debian's packages), runs static checks and every jest suite on PGlite and
# on PostgreSQL, stops the servers and ends with "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
REPORT_DIR=${REPORT_DIR:-$ROOT/tmp/test-report}
mkdir -p "$REPORT_DIR"
export NX_DAEMON=false NX_NO_CLOUD=true

checks_passed=0
checks_failed=0
failed_names=()
step() { # step <name> <command...>: one pass/fail unit in the summary
  local name=$1; shift
  echo "=== $name"
  local started=$SECONDS
  if "$@"; then
    checks_passed=$((checks_passed + 1)); echo "--- $name: ok ($((SECONDS - started)) s)"
  else
    checks_failed=$((checks_failed + 1)); failed_names+=("$name"); echo "--- $name: FAILED ($((SECONDS - started)) s)"
  fi
}

node tools/ensure-install.js || { echo "0 passed, 1 failed (npm ci)"; exit 1; }

# Stop only what this run started: a developer's running server stays up.
pg_was_running=false
pulsar_was_running=false
ignite_was_running=false
keystone_was_running=false
deploy/local/pg.sh status >/dev/null 2>&1 && pg_was_running=true
deploy/local/pulsar.sh status >/dev/null 2>&1 && pulsar_was_running=true
deploy/local/ignite.sh status >/dev/null 2>&1 && ignite_was_running=true
deploy/local/keystone.sh status >/dev/null 2>&1 && keystone_was_running=true
stop_servers() {
  [ "$pg_was_running" = true ] || deploy/local/pg.sh down >/dev/null 2>&1 || true
  [ "$pulsar_was_running" = true ] || deploy/local/pulsar.sh down >/dev/null 2>&1 || true
  [ "$ignite_was_running" = true ] || deploy/local/ignite.sh down >/dev/null 2>&1 || true
  [ "$keystone_was_running" = true ] || deploy/local/keystone.sh down >/dev/null 2>&1 || true
}
trap stop_servers EXIT

if pg_env=$(deploy/local/pg.sh up); then
  export "$(grep '^TEST_DATABASE_URL=' <<<"$pg_env")"
  echo "PostgreSQL up: $TEST_DATABASE_URL"
elif [ "${CI:-}" = true ]; then
  echo "PostgreSQL could not start; in CI that is a failure"; checks_failed=$((checks_failed + 1)); failed_names+=("postgresql")
else
  echo "SKIPPED postgres variants: deploy/local/pg.sh up failed"
fi

# Apache Pulsar standalone (fetched through Maven) for the bus contract suite on a real broker.
if pulsar_env=$(deploy/local/pulsar.sh up | tail -1) && [[ "$pulsar_env" == PULSAR_WS_URL=* ]]; then
  for pair in $pulsar_env; do export "${pair?}"; done
  echo "Pulsar up: $PULSAR_WS_URL"
elif [ "${CI:-}" = true ]; then
  echo "Pulsar could not start; in CI that is a failure"; checks_failed=$((checks_failed + 1)); failed_names+=("pulsar")
else
  echo "SKIPPED pulsar variants: deploy/local/pulsar.sh up failed"
fi

# Apache Ignite 2.x (fetched through Maven) for the KvStore contract suite on a real node.
if ignite_env=$(deploy/local/ignite.sh up | tail -1) && [[ "$ignite_env" == IGNITE_ENDPOINT=* ]]; then
  export "${ignite_env?}"; echo "Ignite up: $IGNITE_ENDPOINT"
elif [ "${CI:-}" = true ]; then
  echo "Ignite could not start; in CI that is a failure"; checks_failed=$((checks_failed + 1)); failed_names+=("ignite")
else
  echo "SKIPPED ignite variants: deploy/local/ignite.sh up failed"
fi

# OpenStack Keystone (Debian's packages, sqlite, uWSGI on loopback) for the real-Keystone auth suite.
if keystone_env=$(deploy/local/keystone.sh up | grep '^KEYSTONE_URL='); then
  export TEST_KEYSTONE_URL="${keystone_env#KEYSTONE_URL=}"; echo "Keystone up: $TEST_KEYSTONE_URL"
elif [ "${CI:-}" = true ]; then
  echo "Keystone could not start; in CI that is a failure"; checks_failed=$((checks_failed + 1)); failed_names+=("keystone")
else
  echo "SKIPPED real Keystone suite: deploy/local/keystone.sh up failed"
fi

# The operators' tools for the compatibility suites: the OpenStack CLI (Debian's package) and
# Terraform with the OpenStack provider (built from the Go module proxy). Nothing to stop afterwards.
if tooling_env=$(deploy/local/tooling.sh up) && grep -q '^TEST_TERRAFORM_PLUGIN_DIR=' <<<"$tooling_env"; then
  while read -r pair; do export "${pair?}"; done < <(grep '^TEST_' <<<"$tooling_env")
  echo "Operator tools: $TEST_OPENSTACK_CLI, $TEST_TERRAFORM, provider in $TEST_TERRAFORM_PLUGIN_DIR"
elif [ "${CI:-}" = true ]; then
  echo "The OpenStack CLI or Terraform's provider could not be installed; in CI that is a failure"; checks_failed=$((checks_failed + 1)); failed_names+=("operator tools")
else
  echo "SKIPPED OpenStack CLI and Terraform suites: deploy/local/tooling.sh up failed"
fi

step "proto generated code is up to date" bash tools/proto/check.sh
step "typecheck (strict)" npx tsc -p tsconfig.check.json --noEmit
step "lint (eslint + module boundaries)" npx nx run-many -t lint --skip-nx-cache --outputStyle=static

echo "=== jest (every suite; PGlite and PostgreSQL variants)"
NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning" \
  npx jest --ci --maxWorkers=2 --json --outputFile="$REPORT_DIR/jest.json" "$@"
jest_status=$?

read -r tests_passed tests_failed < <(node -e '
  const fs = require("fs"); const f = process.argv[1];
  if (!fs.existsSync(f)) { console.log("0 1"); process.exit(0); }
  const r = JSON.parse(fs.readFileSync(f, "utf8"));
  const failedSuites = r.testResults.filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
  console.log(r.numPassedTests, r.numFailedTests + failedSuites);
' "$REPORT_DIR/jest.json")
if [ "$jest_status" -ne 0 ] && [ "$tests_failed" -eq 0 ]; then tests_failed=1; failed_names+=("jest run"); fi

passed=$((checks_passed + tests_passed))
failed=$((checks_failed + tests_failed))
[ ${#failed_names[@]} -gt 0 ] && echo "failed checks: ${failed_names[*]}"
echo "checks: $checks_passed passed, $checks_failed failed; tests: $tests_passed passed, $tests_failed failed"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# The spill queue's kill -9 test with more rounds than the test suite runs (default 1000).
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -q -B test -Dtest=KillNineTest -Dspill.kill9.rounds="${1:-1000}" -Dspill.kill9.seed="${2:-$RANDOM}"

#!/usr/bin/env bash
# The main job: set up, then run the whole suite against the embedded simulator (in-process driver).
# Extra arguments go to `etax-conformance run` (e.g. --driver browser, --run-id NAME).
set -euo pipefail
cd "$(dirname "$0")/.."
browser=""
for arg in "$@"; do [ "$arg" = "browser" ] && browser="--browser"; done
bash scripts/setup.sh $browser
exec .venv/bin/etax-conformance run "$@"

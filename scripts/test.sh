#!/usr/bin/env bash
# The project's tests: set up (with Chromium), lint, type-check, catalog coverage, the whole suite in both
# drivers (same scenario ids must pass), then the unit and integration tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
bin=.venv/bin
stamp=$(date +%Y%m%d-%H%M%S)-$$

echo "== ruff"; $bin/ruff check .
echo "== mypy"; $bin/mypy
echo "== coverage of the requirement catalog"; $bin/etax-conformance coverage
echo "== suite, in-process driver"; $bin/etax-conformance run --driver inprocess --run-id "test-$stamp-inprocess"
echo "== suite, browser driver"; $bin/etax-conformance run --driver browser --run-id "test-$stamp-browser"
echo "== both drivers pass the same scenarios"
$bin/etax-conformance compare "reports/test-$stamp-inprocess" "reports/test-$stamp-browser"
echo "== unit and integration tests"; $bin/python -m pytest tests -q

#!/usr/bin/env bash
# The project's tests: set up (with Chromium), lint, type-check, catalog coverage, the whole suite in-process and in
# the browser on the default simulator (same scenario ids must pass), the ITS, Liaoning and Qingdao features in the
# browser on the alt variant (another markup and the other free choices, by its profile alone), then the unit and
# integration tests.
set -euo pipefail
cd "$(dirname "$0")/.."
# Each phase's start is printed with the seconds since the script began (CI's log: where its time goes).
phase() { echo "== $* [at ${SECONDS}s]"; }
bash scripts/setup.sh --browser
bin=.venv/bin
stamp=test-$(date +%Y%m%d-%H%M%S)-$$
mkdir -p reports

phase "ruff"; $bin/ruff check .
phase "mypy"; $bin/mypy
phase "coverage of the requirement catalog"; $bin/etax-conformance coverage
phase "docs/vocabulary.md lists every name the steps use"; $bin/etax-conformance vocabulary --check
phase "suite, in-process driver"; $bin/etax-conformance run --driver inprocess --run-id "$stamp-inprocess"
phase "explore: random walks of the guides' models, the alt simulator against the reference with its readings (0 divergences)"
$bin/etax-conformance explore --budget 500 --workers 2 --run-id "$stamp-explore"
phase "the run folder verifies against its manifest"; $bin/etax-conformance verify "reports/$stamp-inprocess"
phase "selfcheck: every deviation switch of the simulator is killed by a scenario carrying its rows (issue 20)"
$bin/etax-conformance selfcheck --driver inprocess --workers 2 --run-id "$stamp-selfcheck"
phase "probes of the served simulator, fast part (issue 11; scripts/probe.sh without --fast for all)"
bash scripts/probe.sh --fast

# The two browser runs are independent (each serves its own simulator): run them side by side, each with
# parallel workers on its one simulator (a namespace per worker; docs/parallel.md). Layout measured: bench/RESULTS.md.
workers=${ETAX_BROWSER_WORKERS:-2}
phase "suite, browser driver: default simulator and the alt variant (profiles/alt.yaml), side by side, $workers workers each"
$bin/etax-conformance run --driver browser --workers "$workers" --run-id "$stamp-browser" \
  >"reports/$stamp-browser.log" 2>&1 &
default_pid=$!
# The alt variant covers all three guides (its Qingdao portal and 青岛税务APP: /qdetax/, /sstapp/).
$bin/etax-conformance run --driver browser --workers "$workers" --variant alt --profile profiles/alt.yaml \
  --run-id "$stamp-alt" --features features/its features/liaoning features/qingdao >"reports/$stamp-alt.log" 2>&1 &
alt_pid=$!
default_rc=0; wait "$default_pid" || default_rc=$?
alt_rc=0; wait "$alt_pid" || alt_rc=$?
echo "-- [at ${SECONDS}s] default simulator (exit $default_rc)"; tail -n 12 "reports/$stamp-browser.log"
echo "-- [at ${SECONDS}s] alt variant (exit $alt_rc)"; tail -n 12 "reports/$stamp-alt.log"
[ "$default_rc" -eq 0 ] && [ "$alt_rc" -eq 0 ]

phase "both drivers pass the same scenarios"
$bin/etax-conformance compare "reports/$stamp-inprocess" "reports/$stamp-browser"
phase "a portal that cannot be reached stops the run before any scenario (non-zero exit)"
if $bin/etax-conformance run --driver browser --portal-url http://127.0.0.1:9 --hooks-token unreachable-portal \
     --run-id "$stamp-unreachable"; then
  echo "an unreachable portal was reported as conformant"; exit 1
fi
# Two processes (pytest-xdist): the tests are independent (tmp folders, free ports; green with -n 2 under load),
# so their CPU-bound part uses both cores.
phase "unit and integration tests"; $bin/python -m pytest tests -q -n 2
echo "== done [at ${SECONDS}s]"

#!/usr/bin/env bash
# No flakes (issue 11): N in-process runs of the whole suite in random order (pytest-randomly, a new seed each),
# then optionally B browser runs; prints how many runs gave outcomes identical to the first (each scenario id →
# status). Exit 0 only when all are identical.
#   bash scripts/random_order.sh [RUNS=20] [BROWSER_RUNS=0]
# Browser runs use ETAX_BROWSER_WORKERS workers (2 by default) and take ~15 min each on a quiet 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}; browser_runs=${2:-0}
bin=.venv/bin
stamp=random-$(date +%Y%m%d-%H%M%S)-$$
dirs=()
for i in $(seq 1 "$runs"); do
  seed=$(( (RANDOM << 15 | RANDOM) + i ))
  id="$stamp-inprocess-$i-seed$seed"
  ETAX_RANDOM_SEED=$seed $bin/etax-conformance run --driver inprocess --run-id "$id" >"reports/$id.log" 2>&1 || true
  echo "in-process run $i/$runs (seed $seed): $(tail -n 1 "reports/$id.log")"
  dirs+=("reports/$id")
done
for i in $(seq 1 "$browser_runs"); do
  seed=$(( (RANDOM << 15 | RANDOM) + i ))
  id="$stamp-browser-$i-seed$seed"
  ETAX_RANDOM_SEED=$seed $bin/etax-conformance run --driver browser --workers "${ETAX_BROWSER_WORKERS:-2}" --run-id "$id" >"reports/$id.log" 2>&1 || true
  echo "browser run $i/$browser_runs (seed $seed): $(tail -n 1 "reports/$id.log")"
  dirs+=("reports/$id")
done
$bin/python -m etax_conformance.probe.outcomes "${dirs[@]}"

#!/usr/bin/env bash
# Issue 11's probes as an attacker would run them, against a served portal; each figure printed, exit 1 on any
# regression. Without --portal-url the reference simulator is served for the probe (and its memory watched).
#   bash scripts/probe.sh [--fast] [--portal-url URL --hooks-token T] [--only lockout|"login defences"|web|hooks]
# --fast is the CI part (about 2 minutes): fewer browsers and generated cases, no 10 050-request eviction probe.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/etax-conformance probe "$@"

#!/usr/bin/env bash
# Idempotent set-up: a virtualenv (.venv) holding the project and its tools; with --browser, Chromium too.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-}
if [ -z "$python" ]; then
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then python=$candidate; break; fi
  done
fi
"$python" -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
if [ "${1:-}" = "--browser" ]; then
  .venv/bin/etax-conformance install-browser
fi

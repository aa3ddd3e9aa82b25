"""Binds every scenario under features/ (or ETAX_FEATURES) as a pytest test."""

import os

from pytest_bdd import scenarios

from etax_conformance.paths import FEATURES_DIR

# ETAX_FEATURES: one feature file or folder, or several joined by os.pathsep (`run --features A B`).
scenarios(*os.environ.get("ETAX_FEATURES", str(FEATURES_DIR)).split(os.pathsep))

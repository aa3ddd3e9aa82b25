"""Binds every scenario under features/ (or ETAX_FEATURES) as a pytest test."""

import os

from pytest_bdd import scenarios

from etax_conformance.paths import FEATURES_DIR

scenarios(os.environ.get("ETAX_FEATURES", str(FEATURES_DIR)))

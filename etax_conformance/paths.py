"""Where the suite's own files are: features, catalog, profiles, reports."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FEATURES_DIR = ROOT / "features"
CATALOG_DIR = ROOT / "catalog"
PROFILES_DIR = ROOT / "profiles"
REPORTS_DIR = Path.cwd() / "reports"
COLLECTOR = Path(__file__).resolve().parent / "suite" / "test_features.py"

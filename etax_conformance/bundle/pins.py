"""What a run pins in results.json: the suite's version, the SHA-256 of the catalog and of every feature file, the
profile, and when the run started and ended — so a reader knows exactly what was run against what."""

from __future__ import annotations

import hashlib
import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from etax_conformance import __version__
from etax_conformance.paths import CATALOG_DIR, FEATURES_DIR, ROOT


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None if done.returncode == 0 else None


def suite_version() -> dict[str, Any]:
    """git describe and commit of the suite's checkout (dirty marked), else the package version alone."""
    describe = _git("describe", "--always", "--dirty", "--tags")
    commit = _git("rev-parse", "HEAD")
    version = f"{__version__}+g{describe}" if describe else __version__
    return {"version": version, "package_version": __version__, "git_commit": commit,
            "git_dirty": bool(describe and describe.endswith("-dirty"))}


def file_hashes(folder: Path, pattern: str, relative_to: Path) -> dict[str, str]:
    """{relative path: sha256} of every file matching the pattern under folder (a single file: just it)."""
    files = [folder] if folder.is_file() else sorted(folder.rglob(pattern))
    out = {}
    for path in files:
        try:
            name = path.resolve().relative_to(relative_to).as_posix()
        except ValueError:
            name = path.resolve().as_posix()
        out[name] = sha256_file(path)
    return out


def profile_pin(profile: Path) -> dict[str, Any]:
    """The profile's path, declared portal name and SHA-256."""
    try:
        data = yaml.safe_load(profile.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        data = None
    name = data.get("portal") if isinstance(data, dict) else None
    return {"path": str(profile), "name": name, "sha256": sha256_file(profile) if profile.is_file() else None}


def suite_pins(features: str | None) -> dict[str, Any]:
    """The "suite" block's additions: version, catalog files and feature files (ETAX_FEATURES: one path or several
    joined by os.pathsep; default all) with their SHA-256."""
    folders = [Path(part) for part in features.split(os.pathsep) if part] if features else [FEATURES_DIR]
    hashes: dict[str, str] = {}
    for folder in folders:
        hashes.update(file_hashes(folder, "*.feature", ROOT))
    return {**suite_version(), "catalog_files": file_hashes(CATALOG_DIR, "*.csv", ROOT),
            "features_sha256": dict(sorted(hashes.items()))}


def portal_pins(config: pytest.Config, hooks: dict[str, Any] | None) -> dict[str, Any]:
    """The "portal" block's additions: the profile pinned, the build the hooks report, hooks treated as missing,
    and where a browser run's own simulator was served (url stays null then: no portal was given)."""
    from urllib.parse import urlsplit

    from etax_conformance.applicability import run_profile

    driver = config.getoption("--driver")
    build = (hooks or {}).get("build") or (f"etax-conformance simulator {__version__} (in-process)"
                                           if driver == "inprocess" else None)
    pins: dict[str, Any] = {
        "profile_pin": profile_pin(run_profile(config)), "build": build,
        "without_hooks": sorted(filter(None, (config.getoption("--without-hooks") or "").split(",")))}
    if hooks and not config.getoption("--portal-url"):
        parts = urlsplit(hooks["url"])
        pins["served_url"] = f"{parts.scheme}://{parts.netloc}"
    return pins

"""`etax-conformance report DIR`: build a run folder's reader-facing files again from its results.json.

For a report after the run (the guides' text found later for the heatmap, a newer report template): the folder is
checked first (its files other than the rebuilt ones must still match the manifest, so nothing edited by hand
slips into a new manifest), then finished as a run is (bundle.finish: cucumber.json, report.html, manifest). A
signed folder is signed again only with a key: without one the command refuses rather than leave it unsigned.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from etax_conformance.bundle.manifest import MANIFEST, SIGNATURE
from etax_conformance.bundle.verify import differences

#: What the command writes again: these may be missing or differ from the manifest beforehand.
REBUILT = ("report.html", "cucumber.json")


def _changed_since_run(folder: Path) -> list[str]:
    """The run's own files (not the rebuilt ones) that no longer match the manifest, or why it cannot be read."""
    try:
        listed = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["files"]
    except (ValueError, KeyError, TypeError):
        return [f"{MANIFEST} is not a manifest"]
    return differences(folder, listed, ignore=REBUILT)


def rebuild_report(out: TextIO, folder: Path, guides: Path | None, signing_key: Path | None) -> int:
    if not (folder / "results.json").is_file():
        out.write(f"{folder}: no results.json — not a run folder\n")
        return 2
    if (folder / MANIFEST).is_file() and (changed := _changed_since_run(folder)):
        out.write(f"{folder}: the folder no longer matches its manifest ({', '.join(changed)}); not rebuilt\n")
        return 1
    if (folder / SIGNATURE).is_file() and signing_key is None:
        out.write(f"{folder} is signed: pass --signing-key to sign the rebuilt folder again (not rebuilt)\n")
        return 2
    from etax_conformance.bundle.finish import finish_run

    finish_run(folder, signing_key, guides)
    return 0

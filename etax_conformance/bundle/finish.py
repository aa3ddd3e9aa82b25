"""After the scenarios: mask the run folder, write cucumber.json and report.html, then the (signed) manifest.

The order matters: every text is masked before anything is derived from it, and the manifest comes last so that
it covers every file the folder holds.
"""

from __future__ import annotations

import sys
from pathlib import Path

from drivers.masking import mask_folder
from etax_conformance.bundle.manifest import write_manifest

SCRATCH = ("simulator.sqlite3", "simulator.sqlite3-wal", "simulator.sqlite3-shm", "simulator.sqlite3-journal")


def finish_run(run_dir: Path, signing_key: Path | None = None, guides: Path | None = None) -> None:
    if not (run_dir / "results.json").is_file():
        return  # nothing ran (stopped before the first scenario): nothing to bundle
    from etax_conformance.report.cucumber import write_cucumber
    from etax_conformance.report.html import write_report

    for scratch in SCRATCH:  # the served simulator's store (browser runs): its working data, not evidence
        (run_dir / scratch).unlink(missing_ok=True)
    mask_folder(run_dir)
    write_cucumber(run_dir)
    report = write_report(run_dir, guides)
    manifest = write_manifest(run_dir, signing_key)
    signed = f", signed by {manifest['signed_by']}" if "signed_by" in manifest else ""
    print(f"report: {report}\nmanifest: {run_dir / 'manifest.json'} ({len(manifest['files'])} files{signed})",
          file=sys.stdout)

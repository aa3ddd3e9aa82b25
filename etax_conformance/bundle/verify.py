"""`etax-conformance verify DIR`: the manifest's signature, then every file's SHA-256 — what was altered, added,
removed, by name."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from etax_conformance.bundle.manifest import MANIFEST, SCHEMA, check_signature, hashes


def differences(folder: Path, listed: dict[str, str], ignore: tuple[str, ...] = ()) -> list[str]:
    """"altered: …", "removed: …", "added: …" for each file (but those in ignore) that differs from the manifest."""
    present = {name: digest for name, digest in hashes(folder).items() if name not in ignore}
    listed = {name: digest for name, digest in listed.items() if name not in ignore}
    problems = [f"altered: {name}" for name in sorted(listed) if name in present and present[name] != listed[name]]
    problems += [f"removed: {name}" for name in sorted(set(listed) - set(present))]
    problems += [f"added: {name}" for name in sorted(set(present) - set(listed))]
    return problems


def verify_folder(out: TextIO, folder: Path, public_key: Path | None = None) -> int:
    """0 when the signature (if any, or required by --public-key) holds and every file matches; else 1."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except OSError:
        out.write(f"{folder}: no {MANIFEST} — this run folder cannot be verified\n")
        return 1
    except ValueError:
        out.write(f"{MANIFEST} is not JSON: it was altered\n")
        return 1
    files = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(files, dict) or manifest.get("schema") != SCHEMA:
        out.write(f"{MANIFEST} is not an etax-conformance manifest: it was altered\n")
        return 1
    signed, said = check_signature(folder, public_key)
    out.write(said + "\n")
    listed: dict[str, str] = manifest["files"]
    problems = differences(folder, listed)
    for line in problems:
        out.write(line + "\n")
    ok = signed and not problems
    out.write(f"{len(listed)} files checked: " + ("all match the manifest\n" if not problems
                                                  else f"{len(problems)} differ\n"))
    out.write("verified\n" if ok else "NOT verified\n")
    return 0 if ok else 1

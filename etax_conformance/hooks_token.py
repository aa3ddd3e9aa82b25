"""The hooks token of `serve`: from --hooks-token, --hooks-token-file or ETAX_HOOKS_TOKEN, never too short.

A token on the command line is visible to every user of the machine (`ps`); a file or the environment is not.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "ETAX_HOOKS_TOKEN"
#: Shortest token accepted: 16 characters (the generated ones have 32 hex digits).
MIN_LENGTH = 16


def resolve(given: str | None, file: Path | None, environ: dict[str, str] | None = None) -> str | None:
    """The token (None: hooks off); ValueError in plain words for an unreadable file or a short token."""
    environ = dict(os.environ) if environ is None else environ
    if given is not None and file is not None:
        raise ValueError("give the hooks token either with --hooks-token or with --hooks-token-file, not both")
    if file is not None:
        try:
            token: str | None = file.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"cannot read the hooks token file {file}: {exc}") from None
        source = f"the file {file}"
    elif given is not None:
        token, source = given, "--hooks-token"
    else:
        token, source = environ.get(ENV_VAR) or None, ENV_VAR
    if token is not None and len(token) < MIN_LENGTH:
        raise ValueError(f"the hooks token from {source} is {len(token)} characters long; it must have at least "
                         f"{MIN_LENGTH} (e.g. python -c 'import secrets; print(secrets.token_hex(16))')")
    if token is not None and (token != token.strip() or not token.isprintable()):
        raise ValueError(f"the hooks token from {source} must be printable, without leading or trailing spaces")
    return token

"""How texts compare, in steps and drivers alike: NFKC-folded (full/half width) with all whitespace removed."""

from __future__ import annotations

import re
import unicodedata


def normalise(text: str | None) -> str:
    """Full-/half-width folded (NFKC) and all whitespace removed, as the architecture brief says."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))

"""Image captchas (验证码): a random answer per issue, drawn as an SVG a person can read."""

from __future__ import annotations

import secrets
from html import escape

# No 0/O, 1/I/L: a person must be able to read it.
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 4


def new_answer() -> str:
    """A fresh captcha answer."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(LENGTH))


def matches(typed: str | None, answer: str | None) -> bool:
    """Captchas are not case-sensitive; an empty entry never matches."""
    if not typed or not answer:
        return False
    return typed.strip().upper() == answer.upper()


def render_svg(answer: str) -> str:
    """The answer drawn with a little rotation and noise lines, 120×40."""
    glyphs = []
    for i, ch in enumerate(answer):
        x, angle = 14 + i * 26, (-12, 9, -6, 14)[i % 4]
        glyphs.append(
            f'<text x="{x}" y="29" font-size="24" font-family="monospace" fill="#1d3f72" '
            f'transform="rotate({angle} {x + 8} 20)">{escape(ch)}</text>'
        )
    noise = ''.join(
        f'<line x1="{5 + 30 * i}" y1="{8 + 7 * i}" x2="{40 + 25 * i}" y2="{35 - 6 * i}" stroke="#9ab" />'
        for i in range(4)
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" role="img" aria-label="验证码">'
        f'<rect width="120" height="40" fill="#eef3f8"/>{noise}{"".join(glyphs)}</svg>'
    )

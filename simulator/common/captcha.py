"""Image captchas (验证码): a random answer per issue, drawn as a noisy PNG a person can read and a script cannot."""

from __future__ import annotations

import io
import secrets

from PIL import Image, ImageDraw, ImageFont

# No 0/O, 1/I/L: a person must be able to read it.
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 4
WIDTH, HEIGHT = 120, 40


def new_answer() -> str:
    """A fresh captcha answer."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(LENGTH))


def matches(typed: str | None, answer: str | None) -> bool:
    """Captchas are not case-sensitive; an empty entry never matches."""
    if not typed or not answer:
        return False
    return typed.strip().upper() == answer.upper()


def render_png(answer: str) -> bytes:
    """The answer drawn as pixels, 120×40: each glyph scaled, rotated and shifted at random, over noise lines and
    dots in the glyphs' own colours. No text in the file: a script cannot read the answer back, a person can."""
    image = Image.new("RGB", (WIDTH, HEIGHT), (238, 243, 248))
    draw = ImageDraw.Draw(image)
    for _ in range(6):
        draw.line([(_rand(WIDTH), _rand(HEIGHT)), (_rand(WIDTH), _rand(HEIGHT))], fill=_ink(), width=1)
    for i, ch in enumerate(answer):
        font = ImageFont.load_default(size=24 + _rand(6))
        glyph = Image.new("L", (36, 40), 0)
        ImageDraw.Draw(glyph).text((6, 2), ch, font=font, fill=255)
        glyph = glyph.rotate(_rand(50) - 25, resample=Image.Resampling.BICUBIC)
        image.paste(_ink(), (4 + i * 28 + _rand(5), _rand(4) - 2), glyph)
    for _ in range(120):
        image.putpixel((_rand(WIDTH), _rand(HEIGHT)), _ink())
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _rand(below: int) -> int:
    return secrets.randbelow(below)


def _ink() -> tuple[int, int, int]:
    return (20 + _rand(60), 50 + _rand(60), 100 + _rand(60))

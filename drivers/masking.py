"""Masking of ID numbers and phone numbers (1101**********1234, 138****0000): in a run folder's texts and zips, and
on a page before its screenshot. Below both the drivers (evidence) and the bundle (finish), which use it.

The masks keep the length, so a masked file keeps its offsets and a zip entry (a Playwright trace) stays valid.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

# 18-character resident ID (17 digits + check digit) and mainland mobile numbers, not inside a longer word/number.
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{4})(\d{13}[\dXx])(?![0-9A-Za-z])")
PHONE = re.compile(r"(?<![0-9A-Za-z])(1[3-9]\d)(\d{4})(\d{4})(?![0-9A-Za-z])")
ID_BYTES = re.compile(rb"(?<![0-9A-Za-z])(\d{4})(\d{13}[\dXx])(?![0-9A-Za-z])")
PHONE_BYTES = re.compile(rb"(?<![0-9A-Za-z])(1[3-9]\d)(\d{4})(\d{4})(?![0-9A-Za-z])")
TEXT_SUFFIXES = {".json", ".xml", ".html", ".txt", ".log", ".yaml", ".yml", ".csv", ".md"}


def mask_text(text: str) -> str:
    text = ID_NUMBER.sub(lambda m: m[1] + "*" * 10 + m[2][-4:], text)
    return PHONE.sub(lambda m: m[1] + "****" + m[3], text)


def mask_bytes(data: bytes) -> bytes:
    data = ID_BYTES.sub(lambda m: m[1] + b"*" * 10 + m[2][-4:], data)
    return PHONE_BYTES.sub(lambda m: m[1] + b"****" + m[3], data)


def mask_zip(path: Path) -> None:
    """Rewrite every entry of a zip (a Playwright trace) masked; entries keep their names and order."""
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            masked = data if info.filename.endswith((".png", ".jpeg", ".jpg", ".webp")) else mask_bytes(data)
            target.writestr(info, masked, compress_type=zipfile.ZIP_DEFLATED)


def mask_folder(folder: Path) -> list[Path]:
    """Mask every text file and zip under folder in place; returns the files that changed."""
    changed = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.suffix in TEXT_SUFFIXES:
            before = path.read_bytes()
            after = mask_bytes(before)
            if after != before:
                path.write_bytes(after)
                changed.append(path)
        elif path.suffix == ".zip":
            mask_zip(path)
            changed.append(path)
    return changed


#: Run in the page before a screenshot: the same masks on every text node and field value.
MASK_PAGE_SCRIPT = r"""() => {
  const id = /(^|[^0-9A-Za-z])(\d{4})(\d{13}[\dXx])(?![0-9A-Za-z])/g;
  const phone = /(^|[^0-9A-Za-z])(1[3-9]\d)(\d{4})(\d{4})(?![0-9A-Za-z])/g;
  const mask = (s) => s.replace(id, (m, p, a, b) => p + a + '*'.repeat(10) + b.slice(-4))
                       .replace(phone, (m, p, a, b, c) => p + a + '****' + c);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) { n.nodeValue = mask(n.nodeValue); }
  for (const f of document.querySelectorAll('input, textarea')) {
    if (f.type === 'password') continue;
    f.value = mask(f.value);
  }
}"""

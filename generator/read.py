"""The only stage that opens source files: bytes -> decoded, repaired text (HTML -> main text)."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from pathlib import Path

import ftfy
from charset_normalizer import from_bytes

from generator.errors import BriefingError
from generator.model import RawDocument

SOURCE_SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_SOURCE_BYTES = 4 * 1024 * 1024  # an article is kilobytes; megabytes means a wrong file

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bidi overrides and isolates can disguise text; zero-width characters split words.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"),
    None,
)


def list_sources(folder: Path) -> list[Path]:
    """Every readable source file under `folder`, in a stable order."""
    return sorted(
        p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES
        and not p.name.startswith(".")
    )


def read_source(path: Path, shown_as: str | None = None) -> RawDocument:
    """Read one source file; raise BriefingError naming it when it cannot be an article."""
    name = shown_as or str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise BriefingError(name, f"cannot read: {error.strerror or error}") from error
    return read_bytes(data, name, html=path.suffix.lower() in (".html", ".htm"))


def read_bytes(data: bytes, name: str, html: bool = False) -> RawDocument:
    """Decode and repair one source's bytes (pure, for tests)."""
    if not data.strip():
        raise BriefingError(name, "empty file")
    if len(data) > MAX_SOURCE_BYTES:
        raise BriefingError(name, f"too large for an article ({len(data):,} bytes; limit {MAX_SOURCE_BYTES:,})")
    text = decode(data, name)
    html_title = html_date = None
    if html or _looks_like_html_page(text):
        text, html_title, html_date = html_to_text(text)
    text = repair_text(text)
    if not text.strip():
        raise BriefingError(name, "no article text")
    return RawDocument(
        path=name, text=text, sha256=hashlib.sha256(data).hexdigest(),
        html_title=html_title, html_date=html_date,
    )


def decode(data: bytes, name: str) -> str:
    """Bytes to str: BOMs first, then UTF-8, then charset detection; binary is refused."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:4096]:
        raise BriefingError(name, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise BriefingError(name, "binary file or unknown encoding")
    return str(best)


def repair_text(text: str) -> str:
    """Fix mojibake, unify line ends, drop control and bidi characters."""
    text = ftfy.fix_text(text, normalization="NFC")
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)
    return "".join(
        ch for ch in text
        if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co")
    )


_HTML_START = re.compile(r"^\s*(<!doctype html|<html\b)", re.IGNORECASE)


def _looks_like_html_page(text: str) -> bool:
    return bool(_HTML_START.match(text[:200]))


def html_to_text(html: str) -> tuple[str, str | None, str | None]:
    """Main text, title and publication date of a saved web page (scripts and navigation dropped)."""
    import trafilatura  # imported here: a large import that only HTML sources need

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True, as_dict=True,
    )
    if not document:
        return "", None, None
    body = document.get("text") or ""
    title = document.get("title")
    date = document.get("date")
    if title:
        body = f"{title}\n\n{body}"
    return body, title, date

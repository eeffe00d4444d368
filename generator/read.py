"""The only stage that opens source files: bytes -> decoded, repaired text (HTML -> main text)."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from generator.errors import BriefingError, printable
from generator.model import RawDocument

SOURCE_SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_SOURCE_BYTES = 4 * 1024 * 1024  # an article is kilobytes; megabytes means a wrong file
# Extraction takes about a second per 300,000 characters, and a long feature has some 60,000: more is a
# wrong file, refused before it holds up the run. A saved web page may carry megabytes of scripts, so
# its limit is on the text it shows, not on its bytes.
MAX_TEXT_CHARS = 200_000

# UTF-32 before UTF-16: the UTF-32 little-endian mark starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Files that are often saved where articles go, by their first bytes: named in the error.
_BINARY_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word or Excel file)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word or Excel file"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
)
# Decoded text whose first characters hold more than this share of control characters (NUL and the like;
# tabs and line ends aside) is binary, as data is (an eighth of random bytes are controls); a few strays
# in an article are removed instead.
_MAX_CONTROL_SHARE = 0.10
_SAMPLE_CHARS = 4096
# Bidi overrides and isolates can disguise text; zero-width characters split words.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"),
    None,
)


@dataclass(frozen=True)
class SourceListing:
    """The files under sources/ that may be articles, and the folders refused without being looked in."""

    paths: list[str]                  # sorted; each is still checked when read (check_source)
    refused: list[BriefingError]      # links to folders: not followed


def scan_sources(folder: Path, shown_as: str = "sources") -> SourceListing:
    """The candidate source files under `folder` (os.walk: far faster than rglob on big folders). A
    link to a folder is refused, not followed: what it leads to is outside what the user collected."""
    found: list[str] = []
    refused: list[BriefingError] = []
    base = str(folder)
    for directory, subdirectories, files in os.walk(folder):
        inside = directory[len(base):].lstrip(os.sep).replace(os.sep, "/")
        kept = []
        for name in subdirectories:
            if name.startswith("."):
                continue
            if os.path.islink(os.path.join(directory, name)):
                shown = "/".join(part for part in (shown_as, inside, name) if part)
                refused.append(BriefingError(shown, "a link to a folder: not followed (sources are read only "
                                                    "inside sources/)"))
                continue
            kept.append(name)
        subdirectories[:] = kept
        found.extend(
            f"{directory}/{name}" for name in files
            if not name.startswith(".") and name.lower().endswith(SOURCE_SUFFIXES)
        )
    found.sort()
    return SourceListing(found, refused)


_SPECIAL_FILES = (
    (stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
)


def check_source(path: str, name: str, inside: str | None) -> os.stat_result:
    """The stat of a source that may be read: a regular file of at most MAX_SOURCE_BYTES whose real path
    is inside the real folder `inside` (None: anywhere, for files named on the command line). Else
    BriefingError naming it and why. Nothing is opened: a pipe or a device would block or never end."""
    return _checked(path, name, inside)[0]


def _checked(path: str, name: str, inside: str | None) -> tuple[os.stat_result, str]:
    """check_source's stat, and the path to open: the file itself, or where a link inside leads."""
    try:
        lstat = os.lstat(path)
        if stat.S_ISLNK(lstat.st_mode):
            real = os.path.realpath(path)
            if inside is not None and not real.startswith(inside + os.sep):
                raise BriefingError(name, f"a link that leads outside sources/ (to {printable(real)}): not followed")
            found = os.stat(real)
        else:
            found, real = lstat, path
    except OSError as error:
        raise BriefingError(name, f"cannot read: {error.strerror or error}") from error
    if not stat.S_ISREG(found.st_mode):
        kind = next((kind for test, kind in _SPECIAL_FILES if test(found.st_mode)), "not a regular file")
        raise BriefingError(name, f"{kind}, not a file: not read")
    if found.st_size > MAX_SOURCE_BYTES:
        raise BriefingError(name, f"too large for an article ({found.st_size:,} bytes; limit {MAX_SOURCE_BYTES:,}): not read")
    return found, real


def read_source_bytes(path: str, name: str, inside: str | None) -> bytes:
    """A source's bytes, after check_source, read without blocking and never past the size limit: a file
    that grows (or is swapped for another, or for a link: O_NOFOLLOW) between the check and the read is
    still bounded."""
    _, target = _checked(path, name, inside)
    try:
        handle = os.open(target, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise BriefingError(name, f"cannot read: {error.strerror or error}") from error
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise BriefingError(name, "not a regular file: not read")
        with os.fdopen(handle, "rb", closefd=False) as stream:
            data = stream.read(MAX_SOURCE_BYTES + 1)
    except OSError as error:
        raise BriefingError(name, f"cannot read: {error.strerror or error}") from error
    finally:
        os.close(handle)
    if len(data) > MAX_SOURCE_BYTES:
        raise BriefingError(name, f"too large for an article (over {MAX_SOURCE_BYTES:,} bytes): not read")
    return data


def real_folder(folder: Path) -> str:
    """The real path of a folder sources may be read in (links inside it must lead back into it)."""
    return os.path.realpath(folder)


def read_source(path: Path, shown_as: str | None = None, inside: str | None = None) -> RawDocument:
    """Read one source file; raise BriefingError naming it when it cannot be an article."""
    name = shown_as or str(path)
    data = read_source_bytes(str(path), name, inside)
    return read_bytes(data, name, html=path.suffix.lower() in (".html", ".htm"))


def read_bytes(data: bytes, name: str, html: bool = False) -> RawDocument:
    """Decode and repair one source's bytes (pure, for tests)."""
    if not _is_utf8_name(name):
        # The name goes into the page (its provenance) and back to its source on the next run; bytes
        # that are not UTF-8 cannot be written into a UTF-8 page.
        raise BriefingError(name, "file name is not valid UTF-8: rename the file")
    if not data.strip():
        raise BriefingError(name, "empty file")
    if len(data) > MAX_SOURCE_BYTES:
        raise BriefingError(name, f"too large for an article ({len(data):,} bytes; limit {MAX_SOURCE_BYTES:,})")
    text = decode(data, name)
    html_title = html_date = None
    if html or _looks_like_html_page(text):
        _check_length(name, visible_text_length(text), "characters of text on the page", 2 * MAX_TEXT_CHARS)
        try:
            text, html_title, html_date = html_to_text(text)
        except Exception as error:  # noqa: BLE001 - the extractor's parsers assert on some malformed pages
            raise BriefingError(name, f"HTML the page extractor cannot read ({type(error).__name__})") from error
    _check_length(name, len(text), "characters", MAX_TEXT_CHARS)
    text = repair_text(text)
    if not text.strip():
        raise BriefingError(name, "no article text")
    return RawDocument(
        path=name, text=text, sha256=hashlib.sha256(data).hexdigest(),
        html_title=html_title, html_date=html_date,
    )


def _is_utf8_name(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:      # undecodable bytes of the name, kept as surrogates by Python
        return False
    return True


def _check_length(name: str, length: int, unit: str, limit: int) -> None:
    # Checked before the slow stages (repair, HTML extraction, extraction), so a huge file is
    # refused in a moment instead of holding up the run.
    if length > limit:
        raise BriefingError(name, f"too long for an article ({length:,} {unit}; limit {limit:,})")


def decode(data: bytes, name: str) -> str:
    """Bytes to str: BOMs first, then UTF-8, then charset detection; binary is refused."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _refuse_binary(data.decode(encoding, errors="replace"), name)
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise BriefingError(name, f"binary file ({kind}), not text")
    try:
        text = data.decode("utf-8")
        if not _looks_binary(text):
            return text
    except UnicodeDecodeError:
        pass
    # Not UTF-8, or UTF-8 full of NULs (as UTF-16 without a byte-order mark is): let detection decide.
    from charset_normalizer import from_bytes     # imported here: most sources are UTF-8

    best = from_bytes(data).best()
    if best is None:
        raise BriefingError(name, "binary file or unknown encoding")
    return _refuse_binary(str(best), name)


def _refuse_binary(text: str, name: str) -> str:
    if _looks_binary(text):
        raise BriefingError(name, "binary file, not text")
    return text


# Control characters (Unicode category Cc) other than tab and the line ends.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Characters that may be invisible (format, surrogate, private use): everything but printable ASCII,
# checked by category below, one distinct character at a time.
_MAYBE_INVISIBLE = re.compile(r"[^\n\t\x20-\x7e]")
_DROPPED_CATEGORIES = ("Cc", "Cf", "Cs", "Co")


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE_CHARS]
    return len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample)


def repair_text(text: str) -> str:
    """Fix mojibake, unify line ends, drop control and bidi characters."""
    # Invisible characters go first: inside a mojibake sequence they hide it from ftfy.
    text = text.translate(_INVISIBLE)
    if not _plain_ascii(text):
        import ftfy     # imported here: loading its tables costs a tenth of a second, and plain text skips it
        text = ftfy.fix_text(text, normalization="NFC")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    dropped = {ord(ch): None for ch in set(_MAYBE_INVISIBLE.findall(text))
               if unicodedata.category(ch) in _DROPPED_CATEGORIES}
    return text.translate(dropped) if dropped else text


def _plain_ascii(text: str) -> bool:
    """Text ftfy would leave as it is: ASCII without entities or terminal escapes to decode."""
    return text.isascii() and "&" not in text and "\x1b" not in text


_HTML_START = re.compile(r"^\s*(<!doctype html|<html\b)", re.IGNORECASE)


def _looks_like_html_page(text: str) -> bool:
    return bool(_HTML_START.match(text[:200]))


def visible_text_length(html: str) -> int:
    """About how many characters a page shows (scripts and styles aside): a quick parse that lets a
    page with megabytes of text be refused before the slow main-text extraction."""
    from lxml import etree, html as lxml_html

    try:
        tree = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return 0      # nothing a parser can read: the extraction will say there is no text
    etree.strip_elements(tree, "script", "style", etree.Comment, with_tail=False)
    return len(" ".join(tree.text_content().split()))


def html_to_text(html: str) -> tuple[str, str | None, str | None]:
    """Main text, title and publication date of a saved web page (scripts and navigation dropped)."""
    import trafilatura  # imported here: a large import that only HTML sources need

    def extract(with_metadata: bool):
        return trafilatura.bare_extraction(
            html, with_metadata=with_metadata, include_comments=False, include_tables=False, favor_precision=True,
        )

    try:
        document = extract(with_metadata=True)
    except AssertionError:
        # The date and metadata parsers trip over some malformed pages; the text alone may still be had.
        document = extract(with_metadata=False)
    if not document:
        return "", None, None
    if not isinstance(document, dict):
        document = document.as_dict()     # trafilatura 2 returns a Document, 1.x a dict
    body = document.get("text") or ""
    title = " ".join((document.get("title") or "").split()) or None   # one line: a title, not a block
    date = document.get("date")
    if title:
        body = f"{title}\n\n{body}"
    return body, title, date

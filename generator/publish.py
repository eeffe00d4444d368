"""site/ is always a whole site: a build goes into a fresh folder beside it, swapped into place only
once the build has finished. A build killed midway leaves the previous site as it was (and a hidden
folder, removed by the next build). A built site with an address gets a feed with absolute links
(address_feed)."""

from __future__ import annotations

import logging
import os
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from generator.errors import BriefingError
from generator.feed import FEED_FILE, with_site_url
from generator.write import process_alive

log = logging.getLogger("mkdocs.briefing.publish")

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2            # linux/fs.h


def _building_name(final: Path, pid: int) -> str:
    return f".{final.name}.building-{pid}"


def _leftover_pattern(final: Path) -> re.Pattern:
    return re.compile(re.escape(f".{final.name}.") + r"(?:building|previous)-(?P<pid>\d+)")


def fresh_folder(final: Path) -> Path:
    """An empty folder beside `final` to build into (the same file system, so the swap is a rename),
    after removing what builds that died left there. `final` may not be a link: its old contents
    would be deleted wherever it leads."""
    if final.is_symlink():
        raise BriefingError(str(final), "the site folder is a link: not followed; make it a folder or "
                                        "choose another with --site-dir")
    if final.exists() and not final.is_dir():
        raise BriefingError(str(final), "the site folder is a file, not a folder")
    final.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(final)
    fresh = final.parent / _building_name(final, os.getpid())
    if fresh.exists():
        _remove(fresh)
    fresh.mkdir()
    return fresh


def remove_leftovers(final: Path) -> list[Path]:
    """The hidden folders of builds that died, beside `final`, removed."""
    pattern = _leftover_pattern(final)
    removed = []
    for entry in os.scandir(final.parent):
        match = pattern.fullmatch(entry.name)
        if match and not process_alive(int(match.group("pid"))) and not entry.is_symlink():
            _remove(Path(entry.path))
            removed.append(Path(entry.path))
    return removed


def swap_into_place(fresh: Path, final: Path, exchange: bool = True) -> None:
    """Put the finished site `fresh` where `final` is, then remove the previous site. With the kernel's
    atomic exchange of two names (Linux), there is no moment without a site; elsewhere (or with
    `exchange` off) the previous site is renamed aside first, for an instant."""
    if not final.exists():
        os.rename(fresh, final)
        return
    if exchange and _exchange(fresh, final):
        _remove(fresh)          # now the previous site
        return
    previous = final.parent / f".{final.name}.previous-{os.getpid()}"
    os.rename(final, previous)
    os.rename(fresh, final)
    _remove(previous)


def discard(fresh: Path) -> None:
    """An unfinished build's folder, removed."""
    if fresh.exists():
        _remove(fresh)


def _exchange(first: Path, second: Path) -> bool:
    """renameat2(RENAME_EXCHANGE); False where the system or the file system has no such call."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0


def _remove(folder: Path) -> None:
    # rmtree does not follow links inside what it removes (it removes the links themselves).
    shutil.rmtree(folder, ignore_errors=True)


def address_feed(site: Path, site_url: str | None) -> bool:
    """The built site's copy of the feed with its links made absolute from `site_url`; True when the
    site has an address and its feed now carries it. content/feed.xml is left relative: it is committed,
    and must not depend on the machine that builds it. Called after the renderer copied the feed in (the
    `briefing` plugin's post-build event; for Zensical, which runs no plugin, `briefing build` itself)."""
    path = site / FEED_FILE
    if not site_url or path.is_symlink() or not path.is_file():
        return False
    text = path.read_text(encoding="utf-8")
    try:
        addressed = with_site_url(text, site_url)
    except ET.ParseError as error:
        log.warning(f"{FEED_FILE}: not valid XML ({error}); its links are left as they are")
        return False
    if addressed != text:
        # A new file renamed over the copy: the renderer's copy may share its bytes with another file.
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_text(addressed, encoding="utf-8")
        os.replace(temporary, path)
    return True

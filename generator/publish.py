"""site/ is always a whole site: a build goes into a fresh folder beside it, swapped into place only
once the build has finished. A build killed midway leaves the previous site as it was (and a hidden
folder, removed by the next build). A built site with an address gets a feed with absolute links
(address_feed)."""

from __future__ import annotations

import logging
import marshal
import os
import re
import shutil
import stat
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from generator.errors import BriefingError
from generator.feed import FEED_FILE, with_site_url
from generator.site_cache import read_cache_file
from generator.write import process_alive

log = logging.getLogger("mkdocs.briefing.publish")

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2            # linux/fs.h


def _building_name(final: Path, pid: int) -> str:
    return f".{final.name}.building-{pid}"


def _leftover_pattern(final: Path) -> re.Pattern:
    return re.compile(re.escape(f".{final.name}.") + r"(?:building|previous|assembling)-(?P<pid>\d+)")


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


# A site of ten thousand pages is some twelve thousand folders (a page is <address>/index.html): making them
# for every build, and removing the previous site's, took seconds of a build that renders one page. So the
# site before the previous one is kept beside it (.<site>.spare) and made into the new one: the files this
# build wrote are moved in, the pages taken from the cache linked where it holds other bytes, and what the
# new site does not have removed; then it is swapped into place as a fresh folder is. What each published
# folder holds is recorded (its files, and the mtime of each of its folders as published): a folder whose
# entries changed since (a file put into the site by hand) is read again and set right.


@dataclass
class Published:
    """What a published site folder held: each file (by path in the site) and its inode, each folder
    and its mtime as it was published."""

    files: dict[str, int]
    folders: dict[str, int]


def _spare_name(final: Path) -> str:
    return f".{final.name}.spare"


def publish_site(fresh: Path, final: Path, linked: dict[str, tuple[Path, int]], ledger: Path) -> None:
    """Put in place of `final` the site built in `fresh` together with `linked` (a path in the site ->
    the file, and its inode, whose bytes it has: pages the build took from the cache, hard-linked). Made
    in the spare folder when there is one the ledger (a file) knows and the build wrote fewer files than
    it took, else in `fresh`; swapped into place whole, as swap_into_place does, and the previous site
    becomes the spare."""
    records = _read_ledger(ledger)
    built = _files_under(fresh)
    spare = _claim_spare(final, records) if len(built) < len(linked) else None
    if spare is None:
        folder = fresh
        _put_links(fresh, linked, {}, set())
    else:
        folder, held = spare
        _make_over(folder, held, fresh, built, linked)
    files = {**built, **{path: inode for path, (_, inode) in linked.items()}}
    records[_identity(folder)] = Published(files, _folder_times(folder, files))
    previous = _swap(folder, final)
    spare_folder = final.parent / _spare_name(final)
    if spare is not None:
        _remove(fresh)              # emptied: what it held was moved into the spare
    else:
        _clear(spare_folder)        # the previous site takes its place
    kept = {_identity(final)}
    if previous is not None:
        try:
            if _identity(previous) not in records:
                raise FileNotFoundError(previous)       # a site this does not know is no spare
            os.rename(previous, spare_folder)
            kept.add(_identity(spare_folder))
        except OSError:
            _remove(previous)
    _write_ledger(ledger, {key: value for key, value in records.items() if key in kept})


def _clear(path: Path) -> None:
    """Whatever is at `path` removed: a folder with what it holds, a link (never what it leads to)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISDIR(info.st_mode):
        _remove(path)
    else:
        os.unlink(path)


def _identity(folder: Path) -> tuple[int, int]:
    info = os.lstat(folder)
    return info.st_dev, info.st_ino


def _files_under(folder: Path) -> dict[str, int]:
    """Every file under `folder` (never following a link) by its path there, and its inode."""
    files, base = {}, len(str(folder)) + 1
    for directory, subfolders, names in os.walk(folder):
        for name in names:
            path = f"{directory}/{name}"
            files[path[base:]] = os.lstat(path).st_ino
    return files


def _claim_spare(final: Path, records: dict) -> tuple[Path, Published] | None:
    """The spare folder, renamed to be this build's, with what it held; None when there is none, or one
    the ledger does not know (then removed)."""
    spare = final.parent / _spare_name(final)
    claimed = final.parent / f".{final.name}.assembling-{os.getpid()}"
    try:
        os.rename(spare, claimed)       # only one build takes it
    except FileNotFoundError:
        return None
    info = os.lstat(claimed)
    if not stat.S_ISDIR(info.st_mode):
        os.unlink(claimed)              # a link or a file by that name: not followed
        return None
    held = records.get((info.st_dev, info.st_ino))
    if held is None:
        _remove(claimed)
        return None
    return claimed, held


def _make_over(folder: Path, held: Published, fresh: Path, built: dict[str, int],
               linked: dict[str, tuple[Path, int]]) -> None:
    """Make `folder` (which held `held`) the new site: what the build wrote in `fresh` moved in, `linked`
    linked where the folder holds other bytes, the rest removed."""
    present = dict(held.files)
    folders = _check_folders(folder, held, present)
    wanted = built.keys() | linked.keys()
    base, source = str(folder), str(fresh)
    for path in present.keys() - wanted:
        _unlink(f"{base}/{path}")
    for path in built:
        _make_parent(base, path, folders)
        target = f"{base}/{path}"
        if os.path.isdir(target) and not os.path.islink(target):
            shutil.rmtree(target)
        os.replace(f"{source}/{path}", target)
    _put_links(folder, linked, present, folders)
    needed = {parent for path in wanted for parent in _parents(path)}
    for path in sorted(folders - needed, key=lambda each: -each.count("/")):
        try:
            os.rmdir(f"{base}/{path}")  # left when it holds what it should not: removed next time it is read
        except OSError:
            pass


def _check_folders(folder: Path, held: Published, present: dict[str, int]) -> set[str]:
    """The folders of `folder` that are as published (real folders, their entries unchanged since); a
    folder whose entries changed is read again: what it should not hold is removed, what it still holds
    is noted in `present`, what it lost is taken from it."""
    base = str(folder)
    sound, changed = set(), []
    for path, mtime in sorted(held.folders.items()):
        try:
            info = os.lstat(f"{base}/{path}" if path else base)
        except FileNotFoundError:
            info = None
        if info is not None and stat.S_ISDIR(info.st_mode) and info.st_mtime_ns == mtime:
            sound.add(path)
        else:
            changed.append((path, info))
    if not changed:
        return sound
    in_folder: dict[str, list[str]] = {}
    for path in present:
        in_folder.setdefault(path.rpartition("/")[0], []).append(path)
    for path, info in changed:
        expected = set(in_folder.get(path, []))
        for name in expected:
            present.pop(name, None)
        if info is None or not stat.S_ISDIR(info.st_mode):
            if info is not None:
                _unlink(f"{base}/{path}")
            continue
        sound.add(path)
        for entry in os.scandir(f"{base}/{path}" if path else base):
            inside = f"{path}/{entry.name}" if path else entry.name
            if entry.is_dir(follow_symlinks=False):
                if inside not in held.folders:
                    shutil.rmtree(entry.path)
            elif inside in expected and entry.is_file(follow_symlinks=False):
                present[inside] = entry.inode()
            else:
                os.unlink(entry.path)
    return sound


def _parents(path: str) -> list[str]:
    parts = path.split("/")[:-1]
    return [""] + ["/".join(parts[:end]) for end in range(1, len(parts) + 1)]


def _make_parent(base: str, path: str, folders: set[str]) -> None:
    """The folders on the way to `path` in the folder `base`, made where missing (a file or a link in the
    way is removed first: nothing is ever written through a link)."""
    parent = path.rpartition("/")[0]
    if not parent or parent in folders:
        return
    for parent in _parents(path)[1:]:
        if parent in folders:
            continue
        target = f"{base}/{parent}"
        try:
            os.mkdir(target)
        except FileExistsError:
            if os.path.islink(target) or not os.path.isdir(target):
                os.unlink(target)
                os.mkdir(target)
        folders.add(parent)


def _put_links(folder: Path, linked: dict[str, tuple[Path, int]], present: dict[str, int], folders: set[str]) -> None:
    """Each of `linked` linked into `folder` unless the file there is that one already."""
    base = str(folder)
    for path, (source, inode) in linked.items():
        if present.get(path) == inode:
            continue
        _make_parent(base, path, folders)
        target = f"{base}/{path}"
        _unlink(target)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)     # another file system: a copy


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    except IsADirectoryError:
        shutil.rmtree(path)


def _folder_times(folder: Path, files: dict[str, int]) -> dict[str, int]:
    """The mtime of each folder of the site, as it is now."""
    folders = {""}
    for path in files:
        parent = path.rpartition("/")[0]
        while parent and parent not in folders:
            folders.add(parent)
            parent = parent.rpartition("/")[0]
    base = str(folder)
    return {path: os.lstat(f"{base}/{path}" if path else base).st_mtime_ns for path in folders}


def _swap(folder: Path, final: Path) -> Path | None:
    """`folder` put in place of `final`; the previous site (at a hidden name) or None when there was none."""
    if not final.exists():
        os.rename(folder, final)
        return None
    if _exchange(folder, final):
        return folder           # now the previous site
    previous = final.parent / f".{final.name}.previous-{os.getpid()}"
    os.rename(final, previous)
    os.rename(folder, final)
    return previous


def _read_ledger(path: Path) -> dict:
    data, _ = read_cache_file(path, "published folders record")
    try:
        return {key: Published(*value) for key, value in (data or {}).items()}
    except (TypeError, ValueError):
        return {}


def _write_ledger(path: Path, records: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    temporary.write_bytes(marshal.dumps({key: (value.files, value.folders) for key, value in records.items()}))
    os.replace(temporary, path)


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

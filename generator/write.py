"""The only stage that writes into content/: atomically, only when the bytes change, never outside it."""

from __future__ import annotations

import fnmatch
import itertools
import os
import re
import stat
from pathlib import Path

# A page is written to a temporary file beside it, then renamed over it: whoever reads the folder (MkDocs,
# the next run) sees the old page or the new one, whenever the writing process dies. The temporary name
# starts with a dot and does not end in .md, so a leftover of a killed run is neither rendered by MkDocs
# nor read back as a page; it carries the writer's process id, so the next run can tell a leftover of a
# dead run from the file of a run still writing, and remove it.
_TEMP_PREFIX = ".briefing-tmp-"
_TEMP_SUFFIX = ".partial"
_TEMP_NAME = re.compile(re.escape(_TEMP_PREFIX) + r"(?P<pid>\d+)-.*" + re.escape(_TEMP_SUFFIX))
# Earlier versions named their temporary files so; a leftover would be read as a page.
_OLD_TEMP_PATTERN = ".tmp-*.md"


ABSENT = (-1, -1)      # the (size, mtime) of a page that is not there


class ChangedDuringRun(ValueError):
    """A page changed on disk after the run read it: it is left as it is, for the next run to merge."""


def page_signature(path: str) -> tuple[int, int]:
    """(size, mtime in ns) of a file, not following a link; ABSENT when there is none."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return ABSENT
    return found.st_size, found.st_mtime_ns


class ContentWriter:
    """Writes pages under one root folder and remembers which it wrote."""

    def __init__(self, root: Path, sweep: bool = True):
        """sweep: first remove what runs killed while writing left (see begin_writing)."""
        self.root = root.resolve()
        self.written: set[str] = set()    # every path this run wrote or confirmed
        self.changed: list[str] = []      # the paths whose bytes changed
        self.kept: set[str] = set()       # relative paths this run counts as its own without writing
        self.leftovers = remove_leftover_temps(self.root) if sweep else []
        self._folders: dict[str, str] = {}  # relative folder -> its resolved path, checked and made
        self._temps = itertools.count()

    def write(self, relative: str, text: str, unchanged_since: tuple[int, int] | None = None) -> bool:
        """Write `text` to root/relative if it differs; True when the file changed. With
        `unchanged_since` (the page's size and mtime when the run read it, or ABSENT), the page is
        replaced only if it is still that file: a curator's save during the run is never overwritten
        (ChangedDuringRun)."""
        target = self._target(relative)
        if target in self.written:
            raise ValueError(f"two pages for one path: {relative}")
        self.written.add(target)
        data = text.encode("utf-8")
        try:
            with open(target, "rb") as stream:
                if stream.read() == data:
                    return False
        except FileNotFoundError:
            pass
        handle, temp = self._temporary_beside(target)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            if unchanged_since is not None and page_signature(target) != unchanged_since:
                raise ChangedDuringRun(f"{relative} was saved while this run was going: left as it is; "
                                       "the next run regenerates it with the edit")
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        self.changed.append(target)
        return True

    def _temporary_beside(self, target: str) -> tuple[int, str]:
        # os.open with O_EXCL and the ordinary mode (less the umask): mkstemp's random names and
        # private mode would cost a chmod a page, ten thousand pages a run.
        while True:
            temp = f"{os.path.dirname(target)}/{_TEMP_PREFIX}{os.getpid()}-{next(self._temps)}{_TEMP_SUFFIX}"
            try:
                return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), temp
            except FileExistsError:
                continue        # left by a dead process that had this process id: the next number

    def _target(self, relative: str) -> str:
        """root/relative, refused unless every part of it is a plain name and no folder on the way nor
        the page itself is a link: a write never lands outside root, nor on another page through a link.
        Its folder is checked (and made) once a run."""
        folder, _, name = relative.rpartition("/")
        if not _plain_name(name):
            raise ValueError(f"refusing to write outside {self.root}: {relative}")
        resolved = self._folders.get(folder)
        if resolved is None:
            resolved = self._folders[folder] = str(confined_folder(self.root, folder, make=True))
        target = f"{resolved}/{name}"
        if os.path.islink(target):
            raise ValueError(f"a link, not a page: not followed, not written: {relative}")
        return target

    def keep(self, relative: str) -> None:
        """Count a page as this run's without writing it (an index page nothing changed on)."""
        self.kept.add(relative)

    def remove_stale(self, folder: str, owned=lambda path: True) -> list[Path]:
        """Delete generated pages in root/folder that this run did not write (an index page whose
        country or person no longer appears); only those `owned(path)` tells are the generator's."""
        removed = []
        base = confined_folder(self.root, folder, make=False)
        if not base.is_dir():
            return removed
        # os.walk, not rglob: thousands of person pages; bottom-up, so a year folder emptied here goes
        # too. It never goes into a link to a folder, and a link is not a page this run wrote.
        for directory, _, files in os.walk(base, topdown=False):
            inside = os.path.relpath(directory, base).replace(os.sep, "/")
            prefix = f"{folder}/" if inside == "." else f"{folder}/{inside}/"
            for name in files:
                path = os.path.join(directory, name)
                if (name.endswith(".md") and prefix + name not in self.kept and path not in self.written
                        and not os.path.islink(path) and owned(path)):
                    os.unlink(path)
                    removed.append(Path(path))
            if directory != str(base) and not os.listdir(directory):
                os.rmdir(directory)
        return sorted(removed)


def _plain_name(name: str) -> bool:
    return name not in ("", ".", "..") and "/" not in name and "\\" not in name and "\0" not in name


def confined_folder(root: Path, folder: str, make: bool) -> Path:
    """root/folder, checked one part at a time without following links (ValueError names the part that
    is a link, a file or not a plain name); made when `make` and missing."""
    parts = folder.split("/") if folder else []
    if not all(map(_plain_name, parts)):
        raise ValueError(f"refusing to write outside {root}: {folder}")
    if make:
        root.mkdir(parents=True, exist_ok=True)
    path = root
    for part in parts:
        path = path / part
        try:
            mode = os.lstat(path).st_mode
        except FileNotFoundError:
            if not make:
                return path
            path.mkdir(exist_ok=True)
            continue
        if stat.S_ISLNK(mode):
            raise ValueError(f"{path.relative_to(root.parent)} is a link: not followed, nothing written or deleted there")
        if not stat.S_ISDIR(mode):
            raise ValueError(f"{path.relative_to(root.parent)} is not a folder")
    return path


_RUN_MARK = re.compile(r"writing-(?P<pid>\d+)")


def begin_writing(folder: Path) -> tuple[Path, bool]:
    """Mark this process as a run that writes (folder/writing-<pid>, removed by the caller when the run
    is over) and tell whether a run that began before it died unfinished. Only then can temporary
    files be left under content/, so only then need a run look for them through ten thousand pages."""
    folder.mkdir(parents=True, exist_ok=True)
    died = False
    for name in os.listdir(folder):
        match = _RUN_MARK.fullmatch(name)
        if match and not process_alive(int(match.group("pid"))):
            died = True
            os.unlink(folder / name)
    mark = folder / f"writing-{os.getpid()}"
    mark.touch()
    return mark, died


def is_temporary(name: str) -> bool:
    """Whether a file name is one of the temporary files pages are written through."""
    return _TEMP_NAME.fullmatch(name) is not None


def remove_leftover_temps(root: Path) -> list[Path]:
    """Delete the temporary files that runs which died mid-write left under root."""
    if not root.is_dir():
        return []
    leftovers = []
    for directory, _, files in os.walk(root):       # os.walk: one pass over thousands of pages, not two rglobs
        for name in files:
            if (name.startswith(_TEMP_PREFIX) and not _writer_alive(name)) or fnmatch.fnmatchcase(name, _OLD_TEMP_PATTERN):
                leftovers.append(Path(directory, name))
    for path in leftovers:
        path.unlink(missing_ok=True)
    return leftovers


def _writer_alive(name: str) -> bool:
    match = _TEMP_NAME.fullmatch(name)
    if match is None:
        return False
    return process_alive(int(match.group("pid")))


def process_alive(pid: int) -> bool:
    if pid == os.getpid() or os.name != "posix":
        # A writer in this process (another thread) may be using it; elsewhere than POSIX, signal 0
        # is not a harmless probe. Either way the file is ignored by MkDocs and the page scan.
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True       # alive, another user's
    except (OverflowError, OSError):
        return False
    return True

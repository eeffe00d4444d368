"""What the last site build made of each page, kept so that the next build renders only the pages whose
inputs changed (generator/site.py) and writes the rest of the site from here, the same bytes.

A page's inputs are its own Markdown file and, for every page at once, the build key: the nav and the
set of files, mkdocs.yml, the theme and overrides/, the versions of the packages that render, and the
generator's own version. Kept in .briefing-cache/site/: `pages.marshal` (for each page, the hash of its
Markdown, the file it wrote, its search-index entries, its anchors and its links to anchors) and
`pages/`, a hard link to each page's HTML, so that reusing it is a link, never a copy.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import platform
import shutil
import sysconfig
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

CACHE_FOLDER = Path(".briefing-cache") / "site"
FOLDERS_FILE = CACHE_FOLDER / "folders.marshal"    # what each published site folder holds (publish.publish_site)
_FORMAT = 2        # 2: each page's record keeps the stat of its Markdown file
# What renders a page besides its Markdown and the theme's files: a new version of any of them may
# change the bytes.
RENDERING_PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "markupsafe", "pygments")


def read_cache_file(path: Path, what: str) -> tuple[dict | None, str]:
    """A cache file's record (marshal), or None and why it cannot be used ("no site cache", "unreadable
    search cache (…)"); the caller checks the record's format."""
    try:
        data = marshal.loads(path.read_bytes())
    except FileNotFoundError:
        return None, f"no {what}"
    except (OSError, EOFError, ValueError, TypeError) as error:
        return None, f"unreadable {what} ({error})"
    if not isinstance(data, dict):
        return None, f"a {what} of another version"
    return data, ""


@dataclass
class PageRecord:
    """One page as the last build made it; plain data, stored with marshal."""

    digest: str                                   # of its Markdown file's bytes
    output: str | None                            # the site file it wrote (dest_uri), None if it wrote none
    stat: tuple[int, int, int] | None             # (inode, size, mtime_ns) of the kept copy of that file
    entries: list[dict] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)
    links_to_anchors: dict[str, dict[str, str]] = field(default_factory=dict)
    source: tuple[int, int, int, int] | None = None   # (inode, size, mtime_ns, ctime_ns) of the Markdown `digest` is of

    def as_tuple(self) -> tuple:
        return (self.digest, self.output, self.stat, self.entries, self.anchors, self.links_to_anchors, self.source)


@dataclass
class Plan:
    """Which pages this build renders and which it takes from the cache, and why (plain data)."""

    render: list[str]
    reuse: list[str]
    reason: str                                   # why every page is rendered, or "" for an incremental build


def page_digest(path: str) -> str:
    with open(path, "rb") as source:
        return hashlib.blake2b(source.read(), digest_size=16).hexdigest()


# A file's stat stands for its bytes only once the clock has moved on past its last change: a change
# made within the same tick of the file system's clock as the one recorded would leave the same mtime.
_CLOCK_MARGIN_NS = 2_000_000_000


def page_digests(paths: dict[str, str], records: dict[str, PageRecord] | None,
                 now_ns: int) -> tuple[dict[str, str], dict[str, tuple | None]]:
    """The digest of each page's Markdown file (src_uri -> its path), and the stat to record beside it. A
    file whose stat is the one recorded with its digest is not read again: the stat is recorded only for
    a file last changed (and its inode last touched) well before `now_ns`."""
    digests, stats = {}, {}
    trusted = now_ns - _CLOCK_MARGIN_NS
    for src_uri, path in paths.items():
        info = os.stat(path)
        seen = (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
        record = records.get(src_uri) if records else None
        if record is not None and record.source == seen:
            digests[src_uri] = record.digest
        else:
            digests[src_uri] = page_digest(path)
        stats[src_uri] = seen if info.st_mtime_ns < trusted and info.st_ctime_ns < trusted else None
    return digests, stats


def build_key(config, files, nav, generator_version: str) -> str | None:
    """The inputs every page shares, hashed; None when they cannot all be known (an INHERIT'ed config)."""
    digest = hashlib.blake2b(digest_size=20)

    def add(*parts) -> None:
        for part in parts:
            digest.update(part if isinstance(part, bytes) else repr(part).encode())
            digest.update(b"\0")

    config_text = Path(config.config_file_path).read_bytes()
    if b"INHERIT" in config_text:
        return None
    add(_FORMAT, generator_version, platform.python_version(), config_text)
    for name in RENDERING_PACKAGES:
        try:
            add(name, metadata.version(name))
        except metadata.PackageNotFoundError:
            add(name, None)
    for folder in config.theme.dirs:
        add("theme", folder)
        if not _installed(folder):      # an installed theme is its package's version, above
            for path in sorted(Path(folder).rglob("*")):
                if path.is_file():
                    add(path.relative_to(folder).as_posix(), path.read_bytes())
    add([(file.src_uri, file.dest_uri, str(file.inclusion)) for file in files])
    add(_nav_outline(nav.items))
    return digest.hexdigest()


def _installed(folder: str) -> bool:
    paths = {sysconfig.get_paths()[name] for name in ("purelib", "platlib")}
    resolved = Path(folder).resolve()
    return any(resolved.is_relative_to(Path(path).resolve()) for path in paths)


def _nav_outline(items) -> list:
    """What every page prints of the nav: each item's kind, title and address, sections' children."""
    outline = []
    for item in items:
        children = getattr(item, "children", None)
        outline.append((type(item).__name__, item.title, getattr(item, "url", None),
                        _nav_outline(children) if children else None))
    return outline


def plan(records: dict[str, PageRecord] | None, digests: dict[str, str], kept: dict[str, tuple | None],
         reason: str = "") -> Plan:
    """Render a page whose Markdown changed, that is new, or whose kept output is not what the cache
    says it wrote (gone, or changed through another link); take the others from the cache. `digests`
    in page order; `kept`: the stat of each recorded page's kept output now."""
    if records is None:
        return Plan(render=list(digests), reuse=[], reason=reason or "no site cache")
    render, reuse = [], []
    for src_uri, digest in digests.items():
        record = records.get(src_uri)
        if record is None or record.digest != digest or (record.output is not None and kept.get(src_uri) != record.stat):
            render.append(src_uri)
        else:
            reuse.append(src_uri)
    return Plan(render=render, reuse=reuse, reason="")


class SiteCache:
    """The cache of one briefing folder."""

    def __init__(self, root: Path):
        self.folder = Path(root) / CACHE_FOLDER
        self.index = self.folder / "pages.marshal"
        self.store = self.folder / "pages"

    def load(self, key: str | None) -> tuple[dict[str, PageRecord] | None, str]:
        """The records of the last build, or None and why they cannot be used."""
        if key is None:
            return None, "a configuration whose inputs are not all known"
        data, why = read_cache_file(self.index, "site cache")
        if data is None:
            return None, why
        if data.get("format") != _FORMAT:
            return None, "a site cache of another version"
        if data.get("key") != key:
            return None, "the configuration, theme, nav, set of pages or versions changed"
        return {src: PageRecord(*values) for src, values in data["pages"].items()}, ""

    def templates(self):
        """Where the theme's templates are kept compiled (Jinja's own bytecode cache, which compiles a
        template again when its source or Jinja changes): compiling Material's templates was a tenth of
        a one-page build."""
        from jinja2 import FileSystemBytecodeCache

        folder = self.folder / "templates"
        folder.mkdir(parents=True, exist_ok=True)
        return FileSystemBytecodeCache(str(folder))

    def kept(self, records: dict[str, PageRecord] | None) -> dict[str, tuple | None]:
        """The stat of each recorded page's kept output, as it is now."""
        stats, store = {}, str(self.store)
        for src_uri, record in (records or {}).items():
            if record.output is not None:
                stats[src_uri] = file_stat(f"{store}/{record.output}")
        return stats

    def outputs(self, records: dict[str, PageRecord], reuse: list[str]) -> dict[str, tuple[Path, int]]:
        """Each reused page's site file, and the kept copy (and its inode) whose bytes it has: linked into the
        site by publish.publish_site."""
        return {records[src_uri].output: (self.store / records[src_uri].output, records[src_uri].stat[0])
                for src_uri in reuse if records[src_uri].output is not None}

    def save(self, key: str | None, records: dict[str, PageRecord], site_dir: Path, rendered: list[str],
             gone: list[PageRecord], cold: bool) -> None:
        """Keep `records` (every page of this build), linking the output of each page just rendered and
        forgetting pages that are no longer there. Written only after a build that succeeded; after a
        cold build, what was kept before is removed first."""
        if key is None or cold:
            self.clear()
        if key is None:
            return
        self.store.mkdir(parents=True, exist_ok=True)
        for record in gone:
            if record.output is not None:
                (self.store / record.output).unlink(missing_ok=True)
        made: set[Path] = set()
        for src_uri in rendered:
            record = records[src_uri]
            if record.output is None:
                continue
            kept = self.store / record.output
            if kept.parent not in made:
                kept.parent.mkdir(parents=True, exist_ok=True)
                made.add(kept.parent)
            kept.unlink(missing_ok=True)
            link_or_copy(site_dir / record.output, kept)
            record.stat = file_stat(kept)
        data = {"format": _FORMAT, "key": key, "pages": {src: record.as_tuple() for src, record in records.items()}}
        try:
            payload = marshal.dumps(data)
        except ValueError:              # a value marshal cannot keep (a plugin's entry): no cache
            self.clear()
            return
        temporary = self.index.with_name(f".{self.index.name}.{os.getpid()}")
        temporary.write_bytes(payload)
        os.replace(temporary, self.index)

    def clear(self) -> None:
        """Forget everything: the next build renders every page."""
        self.index.unlink(missing_ok=True)
        shutil.rmtree(self.store, ignore_errors=True)


def file_stat(path: Path | str) -> tuple[int, int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def link_or_copy(source: Path, target: Path) -> None:
    """A hard link (the same bytes, no copy); a copy across file systems. MkDocs never rewrites a file
    in place in a fresh folder, so the linked file is never changed through the site."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)

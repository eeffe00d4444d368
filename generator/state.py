"""What the generator last wrote, kept beside content/ (.briefing-cache/state.json, not committed).

For each article page: its source, the source's hash, size and mtime, the page file's size and mtime
after the write, and its typed front matter (all the index pages read of it). A page whose file is
unchanged since then need not be parsed again, and a source whose bytes (or, quicker, whose size and
mtime), taxonomy and generator version are unchanged need not be read or extracted again. Without the
file (a fresh clone) everything is simply read and generated once.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass, field, fields
from pathlib import Path

import orjson

from generator import __version__
from generator.model import Event, FrontMatter, Person, Provenance

STATE_FILE = Path(".briefing-cache") / "state.json"
_FORMAT = 6        # 6: what the extractor read of the taxonomy, and the topics' labels, apart from the rest


def _code_version() -> str:
    """The package version plus a hash of its code and data: any change to how pages are made
    invalidates the state, so a new renderer rewrites every page once."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.yml")]):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


GENERATOR_VERSION = _code_version()


@dataclass
class PageState:
    source: str
    source_sha: str
    size: int               # the page file's, after the generator wrote it
    mtime_ns: int
    front: FrontMatter      # the page's, as the generator wrote it
    source_size: int = -1   # the source file's, when it was last read
    source_mtime_ns: int = -1

    def source_unchanged(self, stat: os.stat_result) -> bool:
        """The source file looks as it did when last read (size and mtime), so need not be hashed."""
        return stat.st_size == self.source_size and stat.st_mtime_ns == self.source_mtime_ns

    def matches(self, stat: os.stat_result) -> bool:
        """True when the page file (its stat) is exactly as the generator left it: no hand edit since."""
        return stat.st_size == self.size and stat.st_mtime_ns == self.mtime_ns


@dataclass
class State:
    taxonomy: str = ""          # the digest of taxonomy.yml
    version: str = GENERATOR_VERSION
    pages: dict[str, PageState] = field(default_factory=dict)
    index_pages: list[str] = field(default_factory=list)    # the index pages the last run left
    extraction: str = ""        # the digest of what the extractor read of the taxonomy (generate.extraction_view)
    topic_labels: dict[str, str] = field(default_factory=dict)     # topic slug -> the label the pages show

    def is_current(self, taxonomy_digest: str) -> bool:
        return self.taxonomy == taxonomy_digest and self.version == GENERATOR_VERSION


# The state this process saved last, by file, with the file's (inode, size, mtime): a process that runs
# again and again (briefing serve's builds) takes it back instead of reading 10,000 pages' records anew,
# as long as the file is the one it wrote.
_saved: dict[str, tuple[tuple[int, int, int], "State"]] = {}


def load_state(root: Path) -> State:
    """The saved state, or an empty one when there is none or it is unreadable (then all is redone)."""
    path = root / STATE_FILE
    kept = _saved.get(str(path.resolve()))
    if kept is not None and _signature(path) == kept[0]:
        return kept[1]
    try:
        data = orjson.loads(path.read_bytes())
        if data.get("format") != _FORMAT:
            return State()
        pages = {name: PageState(**{**entry, "front": _front(entry["front"])}) for name, entry in data["pages"].items()}
        return State(taxonomy=data["taxonomy"], version=data["version"], pages=pages,
                     index_pages=list(data.get("index_pages") or []), extraction=data["extraction"],
                     topic_labels=dict(data["topic_labels"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):    # orjson.JSONDecodeError is a ValueError
        return State()


_KEYS = {cls: frozenset(f.name for f in fields(cls)) for cls in (FrontMatter, Provenance, Person, Event)}
_TEXTS = ("countries", "primary_countries", "organizations", "topics", "key_figures")    # tuples, lists in JSON


def _front(record: dict) -> FrontMatter:
    """A page's typed front matter from its record, which orjson wrote as the dataclasses' fields
    (equal to what reading the page gives: a test checks)."""
    for key in _TEXTS:
        record[key] = tuple(record[key])
    record["people"] = tuple([_restored(Person, person) for person in record["people"]])
    record["events"] = tuple([_restored(Event, event) for event in record["events"]])
    provenance = record["provenance"]
    provenance["inferred"] = tuple(provenance["inferred"])
    record["provenance"] = _restored(Provenance, provenance)
    return _restored(FrontMatter, record)


def _restored(cls, record: dict):
    """An instance of a frozen dataclass with these fields, made as pickle makes one: its __init__ sets a
    frozen instance's fields one call at a time, which made loading the state of 10,000 pages 15% slower."""
    if record.keys() != _KEYS[cls]:
        raise KeyError(f"{cls.__name__}: {sorted(record.keys() ^ _KEYS[cls])}")     # a record of another shape
    instance = object.__new__(cls)
    instance.__dict__.update(record)
    return instance


def save_state(root: Path, state: State) -> None:
    """Write the state atomically."""
    target = root / STATE_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "format": _FORMAT, "taxonomy": state.taxonomy, "version": state.version,
        "pages": dict(sorted(state.pages.items())),     # dataclasses, which orjson writes as their fields
        "index_pages": sorted(state.index_pages),
        "extraction": state.extraction, "topic_labels": state.topic_labels,
    }
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(orjson.dumps(data, default=str))
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    _saved[str(target.resolve())] = (_signature(target), state)


def forget_saved(root: Path) -> None:
    """Not to take the state saved last back: a run that changed it and then failed leaves it changed."""
    _saved.pop(str((root / STATE_FILE).resolve()), None)


def _signature(path: Path) -> tuple[int, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


def page_stat(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns

"""What the generator last wrote, kept beside content/ (.briefing-cache/state.json, not committed).

For each article page: its source, the source's hash, size and mtime, the page file's size and mtime
after the write, and what the index pages read of its front matter. A page whose file is unchanged
since then need not be parsed again, and a source whose bytes (or, quicker, whose size and mtime),
taxonomy and generator version are unchanged need not be read or extracted again. Without the file
(a fresh clone) everything is simply read and generated once.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from generator import __version__

STATE_FILE = Path(".briefing-cache") / "state.json"
_FORMAT = 4        # 4: the record keeps provenance.collected (the home page and the feed list by it)
# What the index pages and the links between articles read of a page's front matter: all the state
# keeps of it, so that loading the state stays quick on a large briefing.
INDEX_KEYS = ("title", "date", "date_precision", "source", "countries", "people", "organizations", "topics", "summary",
              "source_missing")
# The links the generator adds to a page (generate.GENERATED_KEYS): kept as a digest, to tell whether
# they changed.
LINK_KEYS = ("tags", "source_missing", "related", "also_reported_by")
LINKS_DIGEST = "links_digest"


def index_record(front: dict) -> dict:
    """The part of a page's front matter that index pages, the feed and related articles use."""
    record = {key: front[key] for key in INDEX_KEYS if key in front}
    events = [e for e in front.get("events") or [] if isinstance(e, dict) and e.get("date")]
    if events:      # the timeline shows dated events only
        record["events"] = events
    provenance = front.get("provenance")
    if isinstance(provenance, dict):
        record["provenance"] = {key: provenance.get(key) for key in ("file", "sha256", "collected")}
    record[LINKS_DIGEST] = links_digest(front)
    return record


def links_digest(front: dict) -> str:
    """A short hash of a page's generator-added links (the stored one, for an index record)."""
    if LINKS_DIGEST in front:
        return front[LINKS_DIGEST]
    values = json.dumps([front.get(key) for key in LINK_KEYS], sort_keys=True, default=str)
    return hashlib.sha256(values.encode()).hexdigest()[:16]


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
    front: dict             # index_record() of the page's front matter
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
    taxonomy: str = ""
    version: str = GENERATOR_VERSION
    pages: dict[str, PageState] = field(default_factory=dict)
    index_pages: list[str] = field(default_factory=list)    # the index pages the last run left

    def is_current(self, taxonomy_digest: str) -> bool:
        return self.taxonomy == taxonomy_digest and self.version == GENERATOR_VERSION


def load_state(root: Path) -> State:
    """The saved state, or an empty one when there is none or it is unreadable (then all is redone)."""
    try:
        data = orjson.loads((root / STATE_FILE).read_bytes())
        if data.get("format") != _FORMAT:
            return State()
        pages = {name: PageState(**entry) for name, entry in data["pages"].items()}
        return State(taxonomy=data["taxonomy"], version=data["version"], pages=pages,
                     index_pages=list(data.get("index_pages") or []))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):    # orjson.JSONDecodeError is a ValueError
        return State()


def save_state(root: Path, state: State) -> None:
    """Write the state atomically."""
    target = root / STATE_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "format": _FORMAT, "taxonomy": state.taxonomy, "version": state.version,
        "pages": {name: vars(entry) for name, entry in sorted(state.pages.items())},
        "index_pages": sorted(state.index_pages),
    }
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(orjson.dumps(data, default=str))
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def page_stat(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns

"""What the extractor made of each source, kept between runs (.briefing-cache/extracted/, not committed): a
page drafted again from a source that did not change (its front matter edited by hand, a topic relabelled)
takes its Article from here instead of extracting it again (and, in a fresh process, compiling the
extractor's patterns first).

One file a source, named by a hash of its name; it holds the source's name, the hash of its bytes, the
digest of what the extractor read of the taxonomy and the generator's version beside the Article: any of
them different, and the source is extracted again. Extraction is a function of exactly these.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from dataclasses import dataclass, fields
from pathlib import Path

from generator.model import Article, Event, Person

FOLDER = Path(".briefing-cache") / "extracted"
_FIELDS = tuple(field.name for field in fields(Article))


@dataclass(frozen=True)
class Extractions:
    """The kept extractions of one briefing, valid for one view of the taxonomy and this generator."""

    folder: Path
    view: str           # the digest of what the extractor reads of the taxonomy (generate.extraction_view)
    version: str        # the generator's (state.GENERATOR_VERSION)

    def get(self, source: str, sha256: str) -> Article | None:
        """The Article kept for `source` with these bytes, or None."""
        if self.folder.is_symlink():
            return None
        try:
            with open(self._path(source), "rb") as stream:
                name, sha, view, version, values = marshal.load(stream)
        except (OSError, EOFError, ValueError, TypeError):
            return None
        if (name, sha, view, version) != (source, sha256, self.view, self.version):
            return None
        try:
            record = dict(zip(_FIELDS, values, strict=True))
            record["people"] = tuple(Person(*person) for person in record["people"])
            record["events"] = tuple(Event(*event) for event in record["events"])
            return Article(**record)
        except (TypeError, ValueError):
            return None

    def put(self, source: str, article: Article) -> None:
        """Keep `article` (extracted from `source`); a file that cannot be written is simply not kept."""
        values = []
        for name in _FIELDS:
            value = getattr(article, name)
            if name in ("people", "events"):
                value = tuple((person.name, person.role, person.country) if name == "people" else (person.date, person.what)
                              for person in value)
            values.append(value)
        path = self._path(source)
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        if self.folder.is_symlink() or path.parent.is_symlink():
            return          # kept only inside the briefing: a link is never written through
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(temporary, "wb") as stream:
                marshal.dump((source, article.sha256, self.view, self.version, tuple(values)), stream)
            os.replace(temporary, path)
        except (OSError, ValueError):
            temporary.unlink(missing_ok=True)

    def _path(self, source: str) -> Path:
        name = hashlib.blake2b(source.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
        return self.folder / name[:2] / name

"""Read the article pages in content/: their front matter, typed once here, is what the index pages show."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

import frontmatter
import yaml

from generator.errors import BriefingError
from generator.model import Event, FrontMatter, Person, Provenance
from generator.render import section_label
from generator.resources import PageLoader
from generator.schema import check_front_matter, field_line
from generator.taxonomy import Taxonomy


class _PageHandler(frontmatter.YAMLHandler):
    def load(self, fm, **kwargs):
        return yaml.load(fm, Loader=PageLoader)


_PAGE_HANDLER = _PageHandler()


class ArticlePage(NamedTuple):
    """An article page as it stands in content/ (after any hand edits). A named tuple: the index
    pages are made from ten thousand of them, built in a fifth of a frozen dataclass's time."""

    slug: str
    path: Path | None       # None for a page known from the state, not read this run
    front: FrontMatter
    body: str
    # The front matter exactly as the file has it: every key in its order, a curator's own keys kept and
    # a field they deleted absent. What the page is merged and written back from; None when not read.
    written: dict | None = None


def read_page(path: Path, taxonomy: Taxonomy, shown_as: str) -> ArticlePage:
    """Parse and check one page; BriefingError names the file, line and field of the first problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise BriefingError(shown_as, f"not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise BriefingError(shown_as, f"cannot read: {error.strerror or error}") from None
    try:
        post = frontmatter.loads(text, handler=_PAGE_HANDLER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        # The front matter YAML sees starts with the end of the opening --- line: its line n (from 0)
        # is the file's line n + 1 (from 1).
        line = mark.line + 1 if mark is not None else None
        raise BriefingError(shown_as, f"front matter: not valid YAML ({getattr(error, 'problem', error)})", line) from None
    written = dict(post.metadata)
    problems = check_front_matter(written, taxonomy)
    if problems:
        field, problem = problems[0]
        raise BriefingError(shown_as, f"{field}: {problem}", field_line(text, field))
    return ArticlePage(slug=path.stem, path=path, front=front_matter(written), body=post.content, written=written)


def front_matter(data: Mapping) -> FrontMatter:
    """The typed front matter of a mapping check_front_matter passed: a page's as written, or what a run
    writes to one. Keys it does not know stay in the mapping; an absent field reads as empty."""
    provenance = data.get("provenance")
    provenance = provenance if isinstance(provenance, dict) else {}
    inferred = provenance.get("inferred")
    return FrontMatter(
        title=data.get("title") or "",
        title_derived=bool(data.get("title_derived")),
        date=_text(data.get("date")),
        date_precision=data.get("date_precision"),
        source=data.get("source"),
        countries=tuple(data.get("countries") or ()),
        primary_countries=tuple(data.get("primary_countries") or ()),
        people=tuple(Person(p["name"], p.get("role"), p.get("country")) for p in data.get("people") or ()),
        organizations=tuple(data.get("organizations") or ()),
        topics=tuple(data.get("topics") or ()),
        summary=data.get("summary") or "",
        key_figures=tuple(data.get("key_figures") or ()),
        events=tuple(Event(_text(e.get("date")), e.get("what") or "") for e in data.get("events") or ()),
        source_missing=bool(data.get("source_missing")),
        provenance=Provenance(
            file=_str_or_none(provenance.get("file")),
            sha256=_str_or_none(provenance.get("sha256")),
            collected=provenance.get("collected"),
            inferred=tuple(str(note) for note in inferred) if isinstance(inferred, list) else (),
        ),
        section=section_label(data),
        links_digest=links_digest(data),
    )


def _text(value) -> str | None:
    # YAML reads `date: 2024` as a number: the schema checked it as the text it stands for.
    return None if value is None else str(value)


def _str_or_none(value) -> str | None:
    return value if isinstance(value, str) else None


# The links the generator adds to a page (generate.GENERATED_KEYS): a page's front matter keeps a
# digest of them, to tell whether they changed.
LINK_KEYS = ("tags", "source_missing", "related", "also_reported_by")
LINKS_DIGEST = "links_digest"


def links_digest(front: Mapping) -> str:
    """A short hash of a page's generator-added links (the stored one, for the state's record)."""
    if LINKS_DIGEST in front:
        return front[LINKS_DIGEST]
    values = json.dumps([front.get(key) for key in LINK_KEYS], sort_keys=True, default=str)
    return hashlib.sha256(values.encode()).hexdigest()[:16]

"""Read the article pages in content/: their front matter is what the index pages show."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import frontmatter
import yaml

from generator.errors import BriefingError
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
    front: dict
    body: str


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
    front = dict(post.metadata)
    problems = check_front_matter(front, taxonomy)
    if problems:
        field, problem = problems[0]
        raise BriefingError(shown_as, f"{field}: {problem}", field_line(text, field))
    return ArticlePage(slug=path.stem, path=path, front=front, body=post.content)

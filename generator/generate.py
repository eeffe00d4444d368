"""`briefing generate`: every source -> its article page, then every index page, into content/.

Pelican-style containment: a source or page that fails is reported with its name and the run goes on.
A field a human edited in a page (its value no longer matches the fingerprint the generator left)
keeps the human value.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.errors import BriefingError
from generator.extract.article import extract_article
from generator.index import About, build_index_pages
from generator.pages import ArticlePage, read_page, read_pages
from generator.read import list_sources, read_source
from generator.render import FIELDS, TEXT_HEADING, article_front_matter, fingerprint, render_article_body, render_page
from generator.slugs import make_slug
from generator.taxonomy import Taxonomy, load_taxonomy
from generator.write import ContentWriter

log = logging.getLogger("briefing")

ARTICLES = "articles"
INDEX_FOLDERS = ("countries", "topics", "people")


@dataclass
class Report:
    """What a run did: pages written, errors met, fields where a human edit met a changed source."""

    articles: int = 0
    changed: list[str] = field(default_factory=list)
    errors: list[BriefingError] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    edited: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Project:
    """Where a briefing lives: sources/, content/ and taxonomy.yml under one root."""

    root: Path

    @property
    def sources(self) -> Path:
        return self.root / "sources"

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def taxonomy(self) -> Path:
        return self.root / "taxonomy.yml"

    def relative(self, path: Path) -> str:
        return path.resolve().relative_to(self.root.resolve()).as_posix()


def load_about(project: Project) -> About:
    data = yaml.safe_load(project.taxonomy.read_text(encoding="utf-8")) or {}
    about = data.get("about") or {}
    return About(title=str(about.get("title") or "Briefing"), description=str(about.get("description") or ""))


def generate(root: Path) -> Report:
    """Regenerate every page under root/content from root/sources and root/taxonomy.yml."""
    project = Project(root)
    report = Report()
    taxonomy = load_taxonomy(project.taxonomy)
    writer = ContentWriter(project.content)
    articles_dir = project.content / ARTICLES
    existing, broken = _existing_pages(articles_dir, taxonomy, project)
    report.errors.extend(broken.values())
    slugs_by_file = {page.front["provenance"]["file"]: page.slug for page in existing.values()
                     if isinstance(page.front.get("provenance"), dict) and page.front["provenance"].get("file")}
    slugs_by_file.update(_sources_of_broken_pages(project, broken))
    taken = {page.slug: page.front.get("provenance", {}).get("file") for page in existing.values()}
    taken.update({Path(name).stem: None for name in broken})

    for source in list_sources(project.sources):
        name = project.relative(source)
        try:
            article = extract_article(read_source(source, name), taxonomy)
        except BriefingError as error:
            report.errors.append(error)
            continue
        except Exception as error:  # noqa: BLE001 - one bad source must not stop the others
            log.exception("could not process %s", name)
            report.errors.append(BriefingError(name, f"could not process: {error}"))
            continue
        slug = slugs_by_file.get(name) or _free_slug(article, taken)
        taken[slug] = name
        relative = f"{ARTICLES}/{slug}.md"
        if relative in broken:
            continue      # a page a human broke is left as it is; its error is reported
        front = article_front_matter(article)
        previous = existing.get(slug)
        if previous is not None:
            front = _merge(previous.front, front, relative, report)
        body = render_article_body(front, article.text, taxonomy, _notes(previous))
        if writer.write(relative, render_page(front, body)):
            report.changed.append(relative)
        report.articles += 1

    pages, page_errors = read_pages(articles_dir, taxonomy, project.root)
    report.errors.extend(e for e in page_errors if e.path not in {x.path for x in report.errors})
    for relative, text in build_index_pages(pages, taxonomy, load_about(project)).items():
        if writer.write(relative, text):
            report.changed.append(relative)
    for folder in INDEX_FOLDERS:
        for path in writer.remove_stale(folder):
            report.changed.append(project.relative(path))
    return report


def _existing_pages(folder: Path, taxonomy: Taxonomy, project: Project):
    pages: dict[str, ArticlePage] = {}
    broken: dict[str, BriefingError] = {}
    for path in sorted(folder.glob("*.md")) if folder.exists() else []:
        relative = f"{ARTICLES}/{path.name}"
        try:
            pages[path.stem] = read_page(path, taxonomy, project.relative(path))
        except BriefingError as error:
            broken[relative] = error
    return pages, broken


def _sources_of_broken_pages(project: Project, broken: dict[str, BriefingError]) -> dict[str, str]:
    """A page whose front matter no longer parses still names its source: keep its address for it."""
    found = {}
    for relative in broken:
        text = (project.content / relative).read_text(encoding="utf-8", errors="replace")
        match = re.search(r"^provenance:\n(?:  .*\n)*?  file: (?P<file>.+)$", text, re.MULTILINE)
        if match:
            found[match.group("file").strip().strip("'\"")] = Path(relative).stem
    return found


def _free_slug(article, taken: dict[str, str | None]) -> str:
    slug = make_slug(article.title, article.path)
    if slug in taken and taken[slug] != article.path:
        slug = f"{slug}-{article.sha256[:8]}"
    return slug


def _merge(previous: dict, generated: dict, page: str, report: Report) -> dict:
    """Field by field: keep what a human changed, take the new extraction where nobody did."""
    old_prints = (previous.get("provenance") or {}).get("fingerprint") or {}
    merged = dict(generated)
    edited = []
    for key in FIELDS:
        if key not in previous:
            continue
        human_value = previous[key]
        if fingerprint(human_value) == old_prints.get(key):
            continue
        merged[key] = human_value
        edited.append(key)
        if old_prints.get(key) and generated["provenance"]["fingerprint"][key] != old_prints[key]:
            report.conflicts.append(f"{page}: {key}: edited by hand and changed in the source; kept the hand edit")
    if edited:
        report.edited.append(f"{page}: {', '.join(edited)}")
    return merged


def _notes(previous: ArticlePage | None) -> str:
    """A page's curated notes: what a human wrote under '## Notes' at the end of the body."""
    if previous is None:
        return ""
    marker = "\n## Notes"
    body = "\n" + previous.body
    at = body.rfind(marker)
    if at == -1 or body.rfind(TEXT_HEADING) > at:
        return ""
    return body[at:].strip()

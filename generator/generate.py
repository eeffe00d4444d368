"""`briefing generate`: every source -> its article page, then every index page, into content/.

A run is planned, then carried out. It first reads what stands on disk (survey_briefing: the state of the
last run, the pages, the sources; it writes nothing), then works out from that alone what to do
(plan_run: which sources to extract, for which pages, which pages a human edited or deleted), extracts
(one parallel map, processes.parallel_map), works out from what the extraction found what to write
(plan_writes: the article pages, the pages whose links change, the index pages to render again), and writes
it. Both plans are plain data, made by pure functions.

Pelican-style containment: a source or page that fails is reported with its name and the run goes on.
A field a human edited in a page (its value no longer matches the fingerprint the generator left)
keeps the human value. Work is incremental: a source whose bytes, the taxonomy and the generator are
unchanged, and whose page nobody touched, is not extracted or written again (see state.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import yaml

from generator.errors import BriefingError, printable
from generator.extract.article import extract_article
from generator.extracted import FOLDER as EXTRACTED
from generator.extracted import Extractions
from generator.index import About, Wanted, build_index_pages, pages_changed_by, person_name
from generator.model import Article, FrontMatter
from generator.pages import LINK_KEYS, ArticlePage, front_matter, links_digest, read_page
from generator.processes import collector_paused, parallel_map
from generator.read import check_source, read_bytes, read_source_bytes, real_folder, scan_sources
from generator.related import linked_articles, people_postings, related_articles, same_story
from generator.render import (
    FIELDS, TEXT_HEADING, article_front_matter, dump_front_matter, fingerprint, render_article_body, render_drafted_page,
    render_page,
)
from generator.resources import PageLoader
from generator.slugs import make_slug
from generator.state import (
    GENERATOR_VERSION, STATE_FILE, PageState, State, forget_saved, load_state, page_stat, save_state,
)
from generator.taxonomy import SECTIONS, Taxonomy, load_taxonomy
from generator.write import ABSENT, ContentWriter, begin_writing

log = logging.getLogger("briefing")

ARTICLES = "articles"
INDEX_FOLDERS = ("countries", "topics", "people", "organizations", "timeline")
# Pages earlier versions generated, by how they began: removed when found, unless a curator wrote one.
RETIRED_PAGES = {"timeline.md": "---\ntitle: Timeline\n---\n\n# Timeline\n"}
# Below these, worker processes cost more than they save: sources to extract; pages to write or, for
# a full rendering of the index pages, articles.
EXTRACTION_PROCESSES_FROM = 64
WRITING_PROCESSES_FROM = 2000


@dataclass
class Report:
    """What a run did: pages written, errors met, fields where a human edit met a changed source."""

    articles: int = 0
    extracted: int = 0
    changed: list[str] = field(default_factory=list)
    errors: list[BriefingError] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    edited: list[str] = field(default_factory=list)
    missing_sources: list[str] = field(default_factory=list)
    halted: str | None = None         # why the run changed nothing (the errors say where)


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

    def relative_unresolved(self, path: Path) -> str:
        """A path inside the briefing as written, links not followed."""
        return Path(os.path.relpath(path, self.root)).as_posix()


def load_about(taxonomy: Taxonomy) -> About:
    about = taxonomy.about
    return About(title=str(about.get("title") or "Briefing"), description=str(about.get("description") or ""))


@dataclass
class Pages:
    """The article pages on disk: trusted front matter, parsed pages and broken ones."""

    fronts: dict[str, FrontMatter]          # "articles/<slug>.md" -> front matter as it stands
    parsed: dict[str, ArticlePage]          # pages read from disk this run
    broken: dict[str, BriefingError]
    source_of: dict[str, str]               # "articles/<slug>.md" -> source path it was made from
    read_as: dict[str, tuple[int, int]] = field(default_factory=dict)   # page -> (size, mtime) when scanned


def scan_pages(project: Project, taxonomy: Taxonomy, state: State) -> Pages:
    folder = project.content / ARTICLES
    pages = Pages({}, {}, {}, {})
    try:
        entries = sorted((e for e in os.scandir(folder) if e.name.endswith(".md")), key=lambda e: e.name)
    except FileNotFoundError:
        entries = []
    for entry in entries:       # os.scandir, not Path.glob: a briefing has thousands of pages
        relative = f"{ARTICLES}/{entry.name}"
        if not entry.is_file(follow_symlinks=False):
            if entry.is_symlink():      # what it leads to is not a page of this briefing: never read
                pages.broken[relative] = BriefingError(f"content/{relative}", "a link, not a page: not followed")
            continue
        known = state.pages.get(relative)
        stat = entry.stat(follow_symlinks=False)
        signature = (stat.st_size, stat.st_mtime_ns)
        if known is not None and known.matches(stat):
            pages.read_as[relative] = signature
            pages.fronts[relative] = known.front
            pages.source_of[relative] = known.source
            continue
        path = folder / entry.name
        try:
            page = read_page(path, taxonomy, project.relative(path))
            # The signature from before the read: a save during it, or later in the run, shows as a
            # change when the page is written, and the page is left alone.
            pages.read_as[relative] = signature
        except BriefingError as error:
            pages.broken[relative] = error
            source = _source_named_in(path)
            if source:
                pages.source_of[relative] = source
            continue
        pages.parsed[relative] = page
        pages.fronts[relative] = page.front
        if page.front.provenance.file is not None:
            pages.source_of[relative] = page.front.provenance.file
    return pages


def _slug(relative: str) -> str:
    """"articles/<slug>.md" -> "<slug>" (string slicing: Path objects cost too much ten thousand times)."""
    return relative[len(ARTICLES) + 1:-3]


def _page_of_slug(slug: str) -> str:
    return f"{ARTICLES}/{slug}.md"


def _source_named_in(path: Path) -> str | None:
    """A page whose front matter no longer parses still names its source: keep its address for it."""
    text = path.read_text(encoding="utf-8", errors="replace")
    match = re.search(r"^provenance:\n(?:  .*\n)*?  file: (?P<file>.+)$", text, re.MULTILINE)
    return match.group("file").strip().strip("'\"") if match else None


def refuse_linked_folders(project: Project) -> None:
    """Stop before anything is read or written when a folder the generator reads or writes is a link:
    through it, a run would publish or delete files outside the briefing (a link committed to a shared
    briefing reaches into every machine that builds it)."""
    folders = [project.sources, project.content, project.content / ARTICLES,
               *(project.content / folder for folder in INDEX_FOLDERS), project.root / STATE_FILE.parent]
    for folder in folders:
        if folder.is_symlink():
            raise BriefingError(project.relative_unresolved(folder),
                                f"a link (to {printable(os.path.realpath(folder))}): Briefing reads and writes only "
                                "inside the briefing and does not follow it; make it a folder")


def generate(root: Path, jobs: int | None = None, progress: bool = False, today: str | None = None) -> Report:
    """Regenerate the pages under root/content from root/sources and root/taxonomy.yml.

    `today` (YYYY-MM-DD) is the collection day given to pages made this run; by default
    $BRIEFING_TODAY, else today's date in UTC."""
    day = collection_day(today)
    project = Project(root)
    refuse_linked_folders(project)
    mark, interrupted = begin_writing(Path(root) / STATE_FILE.parent)
    # The state and the pages' front matter are some hundred thousand long-lived objects, which each of
    # the garbage collector's full passes walks: a fifth of a one-change run at 10,000 articles. What
    # the run makes is freed by reference counting, so the collector waits until the run is over.
    try:
        with collector_paused():
            report = _run(project, day, interrupted, jobs, progress)
    except BaseException:
        forget_saved(project.root)
        raise
    mark.unlink(missing_ok=True)        # left when the run fails: the next one then looks for leftovers
    return report


def _run(project: Project, day: str, interrupted: bool, jobs: int | None, progress: bool) -> Report:
    report = Report()
    taxonomy = load_taxonomy(project.taxonomy)
    if taxonomy.problems:
        # Applied without its bad entries, the taxonomy would change pages (a topic left out makes every
        # page that names it invalid): nothing changes until it validates.
        report.errors.extend(taxonomy.problems)
        report.halted = f"{len(taxonomy.problems)} problem(s) in taxonomy.yml (above): no page was changed"
    else:
        state = load_state(project.root)
        # Temporary files are left under content/ only by a run that died (or by another version): they
        # go before the pages are read.
        writer = ContentWriter(project.content, sweep=interrupted or not state.is_current(taxonomy.digest))
        survey = survey_briefing(project, taxonomy, state)
        plan = plan_run(survey, day)
        _carry_out(survey, plan, writer, report, jobs, progress)
    return report


TODAY_VARIABLE = "BRIEFING_TODAY"


def collection_day(today: str | None = None) -> str:
    """The day (YYYY-MM-DD) a page first made now is collected on: `today`, else $BRIEFING_TODAY (a fixed
    clock for tests and for rebuilding a briefing as of a day), else today's date in UTC."""
    given = today or os.environ.get(TODAY_VARIABLE)
    if not given:
        return dt.datetime.now(dt.timezone.utc).date().isoformat()
    if not is_collection_day(given):
        raise BriefingError(TODAY_VARIABLE if not today else "today", f"'{printable(str(given))}' is not a YYYY-MM-DD date")
    return given


def is_collection_day(value) -> bool:
    """Whether a page's provenance.collected is a real YYYY-MM-DD date."""
    try:
        return isinstance(value, str) and len(value) == 10 and dt.date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def _collected_of(front: FrontMatter | None) -> str | None:
    """The day a page says it was collected, when it says one."""
    return front.provenance.collected if front is not None else None


# What the extractor reads of the taxonomy: all of it but the topics' labels and descriptions, which only
# the pages show. It is given exactly that (extraction_view), so that a page whose source is unchanged
# need not be extracted again when a topic is relabelled: only the pages that show the label are.
def extraction_view(taxonomy: Taxonomy) -> Taxonomy:
    """The taxonomy as the extractor sees it: each topic's label is its slug and its description empty,
    there is no `about`; its digest is of what remains."""
    topics = {slug: dataclasses.replace(term, label=slug, description="") for slug, term in taxonomy.topics.items()}
    view = dataclasses.replace(taxonomy, topics=topics, about={}, digest="")
    seen = [sorted(getattr(view, section).items()) for section in SECTIONS]
    return dataclasses.replace(view, digest=hashlib.sha256(repr(seen).encode()).hexdigest())


def topic_labels(taxonomy: Taxonomy) -> dict[str, str]:
    return {slug: term.label for slug, term in taxonomy.topics.items()}


# ---------------------------------------------------------------------------------------------------
# The survey: what stands on disk. It reads and writes nothing else.


class Source(NamedTuple):
    """A source file listed this run that may be read (check_source passed). A named tuple: there are
    ten thousand of them a run."""

    name: str                   # "sources/<file>"
    path: str
    size: int
    mtime_ns: int
    data: bytes | None = None   # its bytes, when the survey had to read them to tell what changed


@dataclass
class Survey:
    """What a run found: the taxonomy, the last run's state, the pages and the sources."""

    project: Project
    taxonomy: Taxonomy
    state: State
    pages: Pages
    sources: list[Source]               # in the order listed
    refused: list[BriefingError]        # sources that may not or could not be read, in that order
    inside: str                         # the real path of sources/, which every source must be in
    index_intact: bool                  # every index page the last run left is still there


def survey_briefing(project: Project, taxonomy: Taxonomy, state: State) -> Survey:
    """Read the pages and the sources (`state`: the last run's). A source is read only when what was
    written from it may be stale but its bytes may be the same (its page is known, its size or mtime
    changed), or when some page has lost its source (a new source with its bytes is that source renamed)."""
    pages = scan_pages(project, taxonomy, state)
    listing = scan_sources(project.sources)
    refused = list(listing.refused)
    inside = real_folder(project.sources)
    page_of = {source: relative for relative, source in pages.source_of.items()}
    cut = len(str(project.sources)) + 1     # names are cut from the listed paths (relative_to is slow)
    names = ["sources/" + path[cut:].replace(os.sep, "/") for path in listing.paths]
    orphaned = _orphans(pages, set(names))
    sources = []
    for path, name in zip(listing.paths, names):
        relative = page_of.get(name)
        known = state.pages.get(relative) if relative else None
        try:
            stat = check_source(path, name, inside)      # a link out of sources/, a pipe, a device: refused
            data = None
            stale = known is not None and relative not in pages.parsed and relative not in pages.broken
            if stale and not known.source_unchanged(stat):
                data = read_source_bytes(path, name, inside)
        except BriefingError as error:
            refused.append(error)
            continue
        if orphaned and relative is None:
            try:
                data = read_source_bytes(path, name, inside)
            except BriefingError:
                pass        # the extraction reads it again, and reports it
        sources.append(Source(name, path, stat.st_size, stat.st_mtime_ns, data))
    content = str(project.content)
    intact = all(os.path.exists(f"{content}/{relative}") for relative in state.index_pages)
    return Survey(project, taxonomy, state, pages, sources, refused, inside, intact)


def _orphans(pages: Pages, source_names: set[str]) -> dict[str, str]:
    """The pages whose source is gone, by the hash of the bytes they were made from."""
    orphans: dict[str, str] = {}
    for relative, source in pages.source_of.items():
        front = pages.fronts.get(relative)
        sha = front.provenance.sha256 if front is not None else None
        if source not in source_names and sha:
            orphans.setdefault(sha, relative)
    return orphans


# ---------------------------------------------------------------------------------------------------
# The plan: what the survey says is to be done. Pure.


@dataclass(frozen=True)
class Extraction:
    """One source to extract, and what its page is made from besides."""

    source: str                         # "sources/<file>"
    path: str
    inside: str
    size: int                           # the source file's size and mtime, for the state
    mtime_ns: int
    collected: str                      # the day the page was (or, new, is) collected
    page: str | None = None             # the page it makes again; None: a new page, named after its title
    data: bytes | None = None           # the source's bytes, when the survey read them
    merge: bool = False                 # the page stands (unbroken): its hand edits and notes are kept
    read: ArticlePage | None = None     # the page, when this run read it (else the merge reads it)
    made_from: str | None = None        # the hash of the source bytes the page says it was made from


@dataclass
class Plan:
    """What a run does, worked out from the survey before anything is extracted or written."""

    extract: list[Extraction]
    errors: list[BriefingError]         # broken pages, then refused sources, as found
    unchanged: int                      # sources whose page stands as the last run left it
    touched: dict[str, tuple[int, int]]  # page -> its source's new size and mtime: saved again, same bytes
    source_of: dict[str, str]           # page -> the source it is made from, renamed sources followed
    sources: frozenset[str]             # the sources listed
    taken: frozenset[str]               # the slugs of the pages there are (a new page takes another)
    everything: bool                    # the state is not this generator's: every page counts as changed
    all_index_pages: bool               # the taxonomy changed: every index page is rendered
    extraction: str                     # the digest of what the extractor reads of the taxonomy


def plan_run(survey: Survey, day: str) -> Plan:
    """Which sources to extract, for which pages; which sources stand as they are. `day`: the collection
    day of a new page."""
    state, pages, taxonomy = survey.state, survey.pages, survey.taxonomy
    extraction = extraction_view(taxonomy).digest
    # Extractions of unchanged sources still hold: the generator and what its extractor reads are the same.
    holds = state.version == GENERATOR_VERSION and state.extraction == extraction
    current = holds and state.taxonomy == taxonomy.digest
    relabelled = (set() if current or not holds else
                  {slug for slug, label in topic_labels(taxonomy).items() if state.topic_labels.get(slug) != label})
    source_of = dict(pages.source_of)
    page_of = {source: relative for relative, source in source_of.items()}
    names = frozenset(source.name for source in survey.sources)
    orphans = _orphans(pages, names)
    extract: list[Extraction] = []
    unchanged, touched = 0, {}
    for source in survey.sources:
        relative = page_of.get(source.name)
        known = state.pages.get(relative) if relative else None
        if (holds and known is not None and relative not in pages.parsed and relative not in pages.broken
                and not (relabelled and relabelled.intersection(known.front.topics))):
            if known.source_size == source.size and known.source_mtime_ns == source.mtime_ns:
                unchanged += 1
                continue
            if source.data is not None and known.source_sha == hashlib.sha256(source.data).hexdigest():
                touched[relative] = (source.size, source.mtime_ns)
                unchanged += 1
                continue
        if relative is None and orphans and source.data is not None:
            # A new source with the bytes of a page whose source is gone is that source renamed: the page
            # (and its hand edits) follows it, instead of a second page without them.
            relative = orphans.pop(hashlib.sha256(source.data).hexdigest(), None)
            if relative is not None:
                page_of[source.name] = relative
                source_of[relative] = source.name
        front = pages.fronts.get(relative) if relative else None
        merge = front is not None and relative not in pages.broken
        # A page keeps the day it was first collected (a renamed source's page too); a new one is collected today.
        extract.append(Extraction(
            source.name, source.path, survey.inside, source.size, source.mtime_ns, _collected_of(front) or day,
            relative, source.data, merge, pages.parsed.get(relative) if merge else None,
            front.provenance.sha256 if merge else None))
    taken = frozenset(_slug(relative) for relative in source_of) | {_slug(relative) for relative in pages.broken}
    return Plan(extract, [*pages.broken.values(), *survey.refused], unchanged, touched, source_of, names, taken,
                everything=not holds, all_index_pages=not current, extraction=extraction)


@dataclass(frozen=True)
class Drafted:
    """A source's page as extracted and drafted (and merged with the page as it stands), by a worker."""

    article: Article                    # without its text
    front: dict                         # the whole front matter to write, a curator's own keys in place
    body: str
    front_yaml: str | None              # the front matter as YAML, when nothing of it was edited by hand
    conflicts: tuple[str, ...] = ()
    edited: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pending:
    """An article page to write this run: its source (name, hash, size, mtime), its front matter and body
    and, when nothing on the page was edited by hand, its front matter as YAML."""

    source: str
    source_sha: str
    body: str
    source_size: int
    source_mtime_ns: int
    front: dict | None = None         # the whole front matter to write, a curator's own keys in place
    front_yaml: str | None = None     # its front matter as YAML, when the extraction worker drafted the page


@dataclass
class Writes:
    """What a run writes, worked out from the plan and what the extraction found."""

    pending: dict[str, Pending]                 # article pages written in full
    fronts: dict[str, FrontMatter]              # every article page's front matter, as this run leaves it
    errors: list[BriefingError]
    conflicts: list[str]
    edited: list[str]
    extracted: int
    articles: int                               # pages drafted this run
    missing_sources: list[str]                  # pages whose source is gone
    relink: set[str] | None                     # pages whose generator-owned keys may change (None: all)
    index_pages: set[str] | None                # index pages to render (None: all)
    nothing: bool                               # every page is as the last run left it
    related: dict[str, list[str]] = field(default_factory=dict)     # slug -> related slugs (of relink)
    stories: dict[str, list[str]] = field(default_factory=dict)     # slug -> same-story slugs (of relink)


def plan_writes(survey: Survey, plan: Plan, drafts: list[Drafted | BriefingError]) -> Writes:
    """The pages to write: each extracted source's page (a new one named after its title), then the pages
    whose links or source_missing flag may change, and the index pages that show a changed article."""
    pages, taxonomy = survey.pages, survey.taxonomy
    fronts = dict(pages.fronts)
    pending: dict[str, Pending] = {}
    taken = set(plan.taken)
    writes = Writes(pending, fronts, [], [], [], 0, 0, [], None, None, False)
    for job, drafted in zip(plan.extract, drafts):
        if isinstance(drafted, BriefingError):
            writes.errors.append(drafted)
            continue
        writes.extracted += 1
        relative = job.page
        if relative is None:
            slug = _free_slug(drafted.article, taken)
            taken.add(slug)
            relative = _page_of_slug(slug)
        if relative in pages.broken:
            continue      # a page a human broke is left as it is; its error is reported
        writes.conflicts.extend(drafted.conflicts)
        writes.edited.extend(drafted.edited)
        fronts[relative] = front_matter(drafted.front)
        pending[relative] = Pending(job.source, drafted.article.sha256, drafted.body, job.size, job.mtime_ns,
                                    drafted.front, drafted.front_yaml)
        writes.articles += 1
    # The pages as the index pages last showed them (the state's record: for a page edited by hand
    # since, its state before the edit), for incremental index pages and links.
    before = {r: e.front for r, e in survey.state.pages.items() if r not in pages.broken}
    changed = None
    if not plan.everything:     # else every page counts as changed
        # The pages that changed for the others: a page drafted again as it was (its source saved with a
        # change it does not show, or a topic relabelled) changes no listing and no other page's links.
        changed = ({r for r in pending if not _same_article(before.get(r), fronts[r])} | set(pages.parsed)
                   | (set(before) - set(fronts)))
    writes.index_pages = None if plan.all_index_pages else _index_pages_to_redo(changed, before, fronts, taxonomy)
    source_of, sources = plan.source_of, plan.sources
    writes.missing_sources = sorted(r for r, s in source_of.items() if s not in sources and r in fronts)
    flags_stale = {r for r, f in fronts.items() if r in source_of and (source_of[r] not in sources) != f.source_missing}
    if writes.index_pages == set() and not flags_stale and survey.index_intact and not pending:
        writes.nothing = True
        return writes
    by_slug = {_slug(relative): front for relative, front in fronts.items()}
    fold = _fold(taxonomy)
    by_person = people_postings(by_slug, fold)
    if changed is not None:
        near = linked_articles(by_slug, [f for r in changed for f in (before.get(r), fronts.get(r)) if f is not None],
                               fold, by_person)
        writes.relink = (changed & set(fronts)) | set(pending) | flags_stale | {_page_of_slug(slug) for slug in near}
    targets = None if writes.relink is None else {_slug(relative) for relative in writes.relink}
    writes.related = related_articles(by_slug, fold, targets, by_person)
    writes.stories = same_story(by_slug, fold, targets)
    return writes


def _same_article(before: FrontMatter | None, after: FrontMatter) -> bool:
    """Whether a page's front matter is what it was, its links aside (a draft carries none yet)."""
    return before is not None and dataclasses.replace(after, links_digest=before.links_digest) == before


def _index_pages_to_redo(changed: set[str] | None, before: dict[str, FrontMatter], fronts: dict[str, FrontMatter],
                         taxonomy: Taxonomy) -> set[str] | None:
    """None (all index pages) when every page counts as changed; else only the pages that show a
    changed article, as it was and as it is."""
    if changed is None:
        return None
    only: set[str] = set()
    for relative in changed:
        only |= pages_changed_by(before.get(relative), fronts.get(relative), _slug(relative), taxonomy)
    return only


def _fold(taxonomy: Taxonomy):
    return lambda name: person_name(name, taxonomy)


# ---------------------------------------------------------------------------------------------------
# Carrying the plan out.


def _carry_out(survey: Survey, plan: Plan, writer: ContentWriter, report: Report, jobs: int | None,
               progress: bool) -> None:
    project, state, taxonomy = survey.project, survey.state, survey.taxonomy
    report.errors.extend(plan.errors)
    report.articles += plan.unchanged
    kept = Extractions(project.root / EXTRACTED, plan.extraction, GENERATOR_VERSION)
    extractor = Extractor(taxonomy, extraction_view(taxonomy), project.content, kept)
    drafts = parallel_map(extractor, plan.extract, jobs if len(plan.extract) >= EXTRACTION_PROCESSES_FROM else 1,
                          chunksize=32)
    writes = plan_writes(survey, plan, _shown_as_done(drafts, len(plan.extract), progress))
    report.errors.extend(writes.errors)
    report.extracted += writes.extracted
    report.articles += writes.articles
    report.conflicts.extend(writes.conflicts)
    report.edited.extend(writes.edited)
    report.missing_sources = writes.missing_sources
    for relative, (size, mtime) in plan.touched.items():
        state.pages[relative].source_size, state.pages[relative].source_mtime_ns = size, mtime
    _retire_pages(project, report)
    if writes.nothing:
        if plan.touched:
            save_state(project.root, state)
        return       # nothing changed: every page is as the last run left it

    pages = dataclasses.replace(survey.pages, fronts=writes.fronts, source_of=plan.source_of)
    index_pages = [ArticlePage(_slug(r), None, f, "") for r, f in sorted(writes.fronts.items())]
    linked = sorted(writes.fronts if writes.relink is None else writes.relink & set(writes.fronts))
    work = PageWriting(survey, writes, pages, writer, index_pages)
    # The index pages show no key the links pass writes: they are rendered meanwhile, as one task beside
    # runs of article pages.
    many = len(linked) >= WRITING_PROCESSES_FROM or (writes.index_pages is None and len(index_pages) >= WRITING_PROCESSES_FROM)
    workers = (jobs or os.cpu_count() or 1) if many else 1
    runs = [linked[start:start + 250] for start in range(0, len(linked), 250)]
    done = list(parallel_map(work, [PageWriting.INDEX_PAGES, *runs], workers))
    for relative, changed, error, entry in (result for results in done[1:] for result in results):
        if error is not None:
            report.errors.append(error)
            continue
        if changed:
            report.changed.append(relative)
        if entry is not None:
            state.pages[relative] = entry
    for relative in list(state.pages):
        if relative not in writes.fronts:
            del state.pages[relative]     # a page that was deleted by hand

    rendered, wanted = done[0]
    for relative, text in rendered.items():
        _write_index_page(writer, project, relative, mark_generated(text), report)
    content_folder = str(project.content)
    missing = {r for r in wanted.expected - set(rendered) if not os.path.exists(f"{content_folder}/{r}")}
    if missing:     # an index page deleted by hand comes back even when nothing it shows changed
        for relative, text in build_index_pages(index_pages, taxonomy, load_about(taxonomy), Wanted(missing)).items():
            if relative in missing:
                _write_index_page(writer, project, relative, mark_generated(text), report)
    for relative in wanted.expected - missing:
        writer.keep(relative)
    for folder in INDEX_FOLDERS:
        try:
            removed = writer.remove_stale(folder, owned=made_by_generator)
        except (OSError, ValueError) as error:     # a folder made a link since the run began: left alone
            report.errors.append(BriefingError(f"content/{folder}", f"stale pages not removed: {error}"))
            continue
        for path in removed:
            report.changed.append(project.relative(path))
    state.taxonomy, state.version, state.extraction = taxonomy.digest, State().version, plan.extraction
    state.topic_labels = topic_labels(taxonomy)
    state.index_pages = sorted(wanted.expected)
    save_state(project.root, state)


def _shown_as_done(results, total: int, progress: bool):
    """The results, as they come, counted on the terminal when there are many."""
    show = progress and sys.stderr.isatty() and not os.environ.get("CI")
    done = []
    for number, result in enumerate(results, start=1):
        if show and (number % 50 == 0 or number == total):
            print(f"\rextracting {number}/{total}", end="" if number < total else "\n", file=sys.stderr)
        done.append(result)
    return done


@dataclass(frozen=True)
class Extractor:
    """Makes one source's page: extracts the article (from what the extractor reads of the taxonomy), or
    takes what an earlier run extracted from the same bytes, drafts the page, and merges it with the page
    as it stands. What the extraction workers run."""

    taxonomy: Taxonomy
    view: Taxonomy          # extraction_view(taxonomy)
    content: Path
    kept: Extractions       # what earlier runs extracted

    def __call__(self, job: Extraction) -> Drafted | BriefingError:
        try:
            data = job.data if job.data is not None else read_source_bytes(job.path, job.source, job.inside)
            article = self.kept.get(job.source, hashlib.sha256(data).hexdigest())
            if article is None:
                document = read_bytes(data, job.source, html=job.source.lower().endswith((".html", ".htm")))
                article = extract_article(document, self.view)
                self.kept.put(job.source, article)
            front = article_front_matter(article, job.collected)
            body = render_article_body(front, article.text, self.taxonomy)
            front["provenance"]["fingerprint"]["body"] = body_fingerprint(body)   # tells a hand-edited body later
            if not job.merge:
                return Drafted(dataclasses.replace(article, text=""), front, body, dump_front_matter(front))
            return self._merged(job, article, front, body)
        except BriefingError as error:
            return error
        except Exception as error:  # noqa: BLE001 - one bad source must not stop the others
            log.exception("could not process %s", job.source)
            return BriefingError(job.source, f"could not process: {error}")

    def _merged(self, job: Extraction, article: Article, drafted: dict, drafted_body: str) -> Drafted:
        """The draft merged with the page as it stands: a field, or the body, edited by hand is kept (a
        conflict when the extraction changed it too), the notes stay."""
        said = Said()
        if job.read is not None:
            previous, body = job.read.written, job.read.body
        else:
            head, body = _split_page(self.content / job.page)
            previous = _whole_front(head)
        front = _merge(previous, drafted, job.page, said)
        notes, kept_body = _notes(body), None
        written = ((previous.get("provenance") or {}).get("fingerprint") or {}).get("body")
        if written and body_fingerprint(body) != written:
            said.edited.append(f"{job.page}: body")
            if job.made_from != drafted["provenance"]["sha256"]:
                said.conflicts.append(f"{job.page}: body: edited by hand and changed by the source; kept the hand edit")
            # The generator's print stays: the body counts as edited until a human makes it the generated one again.
            front["provenance"] = {**front["provenance"],
                                   "fingerprint": {**front["provenance"]["fingerprint"], "body": written}}
            notes, kept_body = "", body.strip()
        text, article = article.text, dataclasses.replace(article, text="")
        said = (tuple(said.conflicts), tuple(said.edited))
        if kept_body is not None:                   # a body edited by hand: kept as it stands
            return Drafted(article, front, kept_body, None, *said)
        if front == drafted and not notes:          # no hand edit to keep: the page as drafted
            return Drafted(article, front, drafted_body, dump_front_matter(drafted), *said)
        body = render_article_body(front, text, self.taxonomy, notes)
        front["provenance"] = {**front["provenance"], "fingerprint": {
            **front["provenance"]["fingerprint"], "body": body_fingerprint(body)}}
        return Drafted(article, front, body, None, *said)


@dataclass
class Said:
    """What merging a page found to say: conflicts, and the fields edited by hand."""

    conflicts: list[str] = field(default_factory=list)
    edited: list[str] = field(default_factory=list)


def _split_page(path: Path) -> tuple[str, str]:
    """A page's front matter block and its body, as written."""
    head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
    return head.removeprefix("---\n"), body


def _whole_front(head: str) -> dict:
    """The whole front matter of a page as the generator left it (the state keeps its typed fields, not
    the fingerprints or a curator's own keys)."""
    return yaml.load(head, Loader=PageLoader) or {}


# Keys the generator owns and rewrites on every run; curators edit the fields of render.FIELDS instead.
# `tags` is retired (topic pages list their articles themselves now) and removed where found.
GENERATED_KEYS = LINK_KEYS


@dataclass
class PageWriting:
    """The writing tasks of a run, which worker processes share: INDEX_PAGES renders the index pages to
    render; a list of article pages writes each of them whose generator-owned keys changed (or that was
    drafted this run): `source_missing` (the source is gone; the page stays), `related` and
    `also_reported_by` (computed across all pages). Read, never changed."""

    INDEX_PAGES = "index pages"

    survey: Survey
    writes: Writes
    pages: Pages                # the survey's, with this run's front matter and sources
    writer: ContentWriter
    index_pages: list[ArticlePage]

    def __post_init__(self):
        self.missing_sources = set(self.writes.missing_sources)

    def __call__(self, task):
        """INDEX_PAGES: (index pages by path, the Wanted that rendered them); a list of article pages: the
        results of page() that are not None."""
        if task == self.INDEX_PAGES:
            taxonomy = self.survey.taxonomy
            wanted = Wanted(self.writes.index_pages, self.survey.state.index_pages)
            return build_index_pages(self.index_pages, taxonomy, load_about(taxonomy), wanted), wanted
        return [result for result in map(self.page, task) if result is not None]

    def page(self, relative: str) -> tuple[str, bool, BriefingError | None, PageState | None] | None:
        """Write one page if its links changed (or it was regenerated): (page, whether its bytes
        changed, the error that stopped it, its new state entry); None when there is nothing to write."""
        slug = _slug(relative)
        fronts = self.pages.fronts
        wanted = {
            "tags": None,
            "source_missing": True if relative in self.missing_sources else None,
            "related": [_link(s, fronts[_page_of_slug(s)]) for s in self.writes.related.get(slug, [])] or None,
            "also_reported_by": [_link(s, fronts[_page_of_slug(s)], source=True)
                                 for s in self.writes.stories.get(slug, [])] or None,
        }
        if relative not in self.writes.pending and fronts[relative].links_digest == links_digest(wanted):
            return None
        path = self.survey.project.content / relative
        extra = {key: value for key, value in wanted.items() if value is not None}
        if relative in self.writes.pending:
            job = self.writes.pending[relative]
            updated = {key: value for key, value in job.front.items() if key not in GENERATED_KEYS} | extra
            text = (render_page(updated, job.body) if job.front_yaml is None
                    else render_drafted_page(job.front_yaml, extra, job.body))
        else:
            entry = self.survey.state.pages.get(relative)
            job = (Pending(entry.source, entry.source_sha, "", entry.source_size, entry.source_mtime_ns) if entry
                   else Pending(self.pages.source_of.get(relative), "", "", -1, -1))
            head, body = _split_page(path)
            whole = self.pages.parsed[relative].written if relative in self.pages.parsed else _whole_front(head)
            updated = {key: value for key, value in whole.items() if key not in GENERATED_KEYS} | extra
            text = f"---\n{dump_front_matter(updated)}---\n{body}"
        try:
            changed = self.writer.write(relative, text, self.pages.read_as.get(relative, ABSENT))
        except (OSError, ValueError) as error:
            return relative, False, _cannot_write(relative, error), None
        if relative not in self.writes.pending and relative not in self.survey.state.pages:
            return relative, changed, None, None
        size, mtime = page_stat(path)
        return relative, changed, None, PageState(job.source, job.source_sha, size, mtime, front_matter(updated),
                                                  job.source_size, job.source_mtime_ns)


def _link(slug: str, front: FrontMatter, source: bool = False) -> dict:
    link = {"slug": slug, "title": front.title or slug}
    if source:
        link["source"] = front.source
    return link


# The first line of an index page's front matter: tells a curator the page is made again on every run,
# and the generator which pages it may remove (a page without it in countries/, people/… is a user's).
GENERATED_MARK = "# Made by `briefing generate`: edits here are replaced. Curate the article pages or taxonomy.yml."


def _retire_pages(project: Project, report: Report) -> None:
    """Remove the pages earlier versions generated and this one does not; a curator's of that name stays."""
    for retired, made_as in RETIRED_PAGES.items():
        path = project.content / retired
        if not path.is_file() or path.is_symlink():
            continue
        if path.read_text(encoding="utf-8", errors="replace").startswith(made_as):
            path.unlink()
            report.changed.append(f"content/{retired}")
        else:       # said on every run: the site shows only one of the two pages
            report.errors.append(BriefingError(f"content/{retired}", "clashes with the generated timeline "
                                               "(timeline/index.md is the same page of the site): rename it"))


_DIGEST_LINE = "# As generated: "


def mark_generated(text: str) -> str:
    """An index page with GENERATED_MARK at the top of its front matter, and a short hash of the page as
    written, by which a later run tells a hand edit (the feed is not a page)."""
    if text.startswith("---\n"):
        return f"---\n{GENERATED_MARK}\n{_DIGEST_LINE}{_page_digest(text)}\n{text[4:]}"
    return text


def _page_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def edited_index_page(path: str) -> bool:
    """Whether an index page the generator wrote was edited by hand since: its text no longer has the
    hash it was written with."""
    try:
        with open(path, encoding="utf-8") as stream:
            text = stream.read()
    except (OSError, UnicodeDecodeError):
        return False
    head = f"---\n{GENERATED_MARK}\n{_DIGEST_LINE}"
    if not text.startswith(head):
        return False
    digest, _, rest = text[len(head):].partition("\n")
    return _page_digest("---\n" + rest) != digest


REPLACED = STATE_FILE.parent / "replaced"      # where a hand-edited index page is saved before it is replaced


def _save_hand_edit(project: Project, relative: str, report: Report) -> None:
    """An index page edited by hand is about to be made again: the edit is copied aside and said."""
    path = project.content / relative
    if not edited_index_page(str(path)):
        return
    aside = project.root / REPLACED / relative
    try:
        aside.parent.mkdir(parents=True, exist_ok=True)
        aside.write_bytes(path.read_bytes())
    except OSError as error:
        report.errors.append(BriefingError(f"content/{relative}", f"edited by hand, and the edit could not be "
                                           f"saved aside ({error.strerror or error}): left as it is"))
        raise
    report.conflicts.append(f"content/{relative}: an index page edited by hand is made again on every run; the "
                            f"edit is saved as {REPLACED.as_posix()}/{relative} (curate the article pages or "
                            "taxonomy.yml instead)")


def made_by_generator(path: str) -> bool:
    """Whether a file in an index folder is one of the generator's pages (it starts with GENERATED_MARK)."""
    head = f"---\n{GENERATED_MARK}\n".encode()
    try:
        with open(path, "rb") as stream:
            return stream.read(len(head)) == head
    except OSError:
        return False


def _free_slug(article: Article, taken: set[str]) -> str:
    """The title's slug, or with a short hash of the source path (then a counter) when it is taken."""
    slug = make_slug(article.title, article.path)
    if slug not in taken:
        return slug
    base = f"{slug}-{hashlib.sha256(article.path.encode()).hexdigest()[:8]}"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _write_index_page(writer: ContentWriter, project: Project, relative: str, text: str, report: Report) -> None:
    """Write an index page; a hand edit of it is saved aside first (and, if it cannot be, kept)."""
    try:
        _save_hand_edit(project, relative, report)
    except OSError:
        return
    _write(writer, relative, text, report)


def _write(writer: ContentWriter, relative: str, text: str, report: Report) -> bool:
    """Write one page; a page that cannot be written is reported by name and the run goes on."""
    try:
        if writer.write(relative, text):
            report.changed.append(relative)
    except (OSError, ValueError) as error:
        report.errors.append(_cannot_write(relative, error))
        return False
    return True


def _cannot_write(relative: str, error: Exception) -> BriefingError:
    return BriefingError(f"content/{relative}", f"cannot write: {error}")


def _merge(previous: dict, generated: dict, page: str, said: Said) -> dict:
    """Field by field, in the page's own order: keep what a human changed (a deleted field stays
    deleted), take the new extraction where nobody did, carry every key the generator does not know
    verbatim; new fields follow."""
    old_prints = (previous.get("provenance") or {}).get("fingerprint") or {}
    new_prints = generated["provenance"]["fingerprint"]
    merged: dict = {}
    edited = []
    # A conflict is kept in the page's provenance until the curator settles it (edits the field again, or
    # `briefing settle` takes one side): {field: {hand: fingerprint of the hand value, extracted, cause}}.
    open_conflicts = (previous.get("provenance") or {}).get("conflicts") or {}
    cause = ("the source" if (previous.get("provenance") or {}).get("sha256") != generated["provenance"]["sha256"]
             else "the taxonomy or the extractor")
    conflicts: dict = {}

    def hand_edit(key: str, what: str) -> None:
        edited.append(key)
        hand = fingerprint(previous.get(key))
        if old_prints.get(key) and new_prints[key] != old_prints[key]:
            said.conflicts.append(f"{page}: {key}: {what} by hand and changed by {cause}; kept the hand edit")
            conflicts[key] = {"hand": hand, "extracted": generated[key], "cause": cause}
        elif isinstance(open_conflicts.get(key), dict) and open_conflicts[key].get("hand") == hand:
            conflicts[key] = {**open_conflicts[key], "extracted": generated[key]}      # not settled yet

    for key, value in previous.items():
        if key in GENERATED_KEYS:
            continue                    # the links pass writes them again
        if key not in FIELDS:
            merged[key] = generated[key] if key == "provenance" else value
        elif fingerprint(value) == old_prints.get(key):
            merged[key] = generated[key]
        else:
            merged[key] = value
            hand_edit(key, "edited")
    for key, value in generated.items():
        if key in merged:
            continue
        if key in FIELDS and key in old_prints:
            hand_edit(key, "deleted")   # the generator wrote it and a human removed it
            continue
        merged[key] = value
    if conflicts:
        merged["provenance"] = {**merged["provenance"], "conflicts": conflicts}
    collected = (previous.get("provenance") or {}).get("collected")
    if is_collection_day(collected) and merged.get("provenance", {}).get("collected") != collected:
        # The day the page entered the briefing never changes, whatever the new provenance says.
        merged["provenance"] = {**merged["provenance"], "collected": collected}
    if edited:
        said.edited.append(f"{page}: {', '.join(edited)}")
    return merged


# A curator's notes start at a heading named Notes (any level, any case: "### Notes", "## notes:") and run
# to the next part the generator writes (the article text, the source line) or to the end of the page.
_NOTES_HEADING = re.compile(r"^#{1,6}[ \t]+notes?[ \t]*:?[ \t]*#*[ \t]*$", re.IGNORECASE | re.MULTILINE)
_GENERATED_PART = re.compile(rf"^(?:{re.escape(TEXT_HEADING)}[ \t]*$|---\n\n\*Source file:\*)", re.MULTILINE)


def body_fingerprint(page_body: str) -> str:
    """A short hash of what the generator writes of a page's body: the body without its notes, its
    spacing aside. A body whose print no longer matches was edited by hand."""
    kept, last = [], 0
    for start, end in _notes_parts(page_body):
        kept.append(page_body[last:start])
        last = end
    kept.append(page_body[last:])
    return fingerprint(" ".join("".join(kept).split()))


def _notes_parts(page_body: str) -> list[tuple[int, int]]:
    parts: list[tuple[int, int]] = []
    for heading in _NOTES_HEADING.finditer(page_body):
        if parts and heading.start() < parts[-1][1]:
            continue                # a second Notes heading inside the same part
        end = _GENERATED_PART.search(page_body, heading.end())
        parts.append((heading.start(), end.start() if end else len(page_body)))
    return parts


def _notes(page_body: str) -> str:
    """A page's curated notes: every part of the body under a Notes heading, wherever it stands (above the
    article text or at the end), in the page's order."""
    return "\n\n".join(page_body[start:end].strip() for start, end in _notes_parts(page_body))

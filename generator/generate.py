"""`briefing generate`: every source -> its article page, then every index page, into content/.

Pelican-style containment: a source or page that fails is reported with its name and the run goes on.
A field a human edited in a page (its value no longer matches the fingerprint the generator left)
keeps the human value. Work is incremental: a source whose bytes, the taxonomy and the generator are
unchanged, and whose page nobody touched, is not extracted or written again (see state.py).
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import logging
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.errors import BriefingError, printable
from generator.extract.article import extract_article
from generator.index import About, Wanted, build_index_pages, pages_changed_by, person_name
from generator.model import Article, FrontMatter
from generator.pages import LINK_KEYS, ArticlePage, front_matter, links_digest, read_page
from generator.processes import end_with_parent
from generator.read import check_source, read_bytes, read_source_bytes, real_folder, scan_sources
from generator.resources import PageLoader
from generator.related import linked_articles, people_postings, related_articles, same_story
from generator.render import (
    FIELDS, TEXT_HEADING, article_front_matter, dump_front_matter, fingerprint, render_article_body, render_drafted_page,
    render_page,
)
from generator.slugs import make_slug
from generator.state import STATE_FILE, PageState, State, load_state, page_stat, save_state
from generator.taxonomy import Taxonomy, load_taxonomy
from generator.write import ABSENT, ContentWriter, begin_writing

log = logging.getLogger("briefing")

ARTICLES = "articles"
INDEX_FOLDERS = ("countries", "topics", "people", "organizations", "timeline")
# Pages earlier versions generated, by how they began: removed when found, unless a curator wrote one.
RETIRED_PAGES = {"timeline.md": "---\ntitle: Timeline\n---\n\n# Timeline\n"}
_POOL_THRESHOLD = 64     # below this many sources to extract, a process pool costs more than it saves


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
    # The state and the pages' front matter are some millions of long-lived objects, which each of the
    # garbage collector's full passes walks: a fifth of a warm run at 10,000 articles. What this run
    # makes is freed by reference counting (plain dicts, lists, strings), so the collector waits until
    # the run is over; the extraction workers collect as usual.
    collecting = gc.isenabled()
    gc.disable()
    refuse_linked_folders(Project(root))
    mark, interrupted = begin_writing(Path(root) / STATE_FILE.parent)
    try:
        report = _generate(root, jobs, progress, interrupted, day)
    finally:
        if collecting:
            gc.enable()
    mark.unlink(missing_ok=True)        # left when the run fails: the next one then looks for leftovers
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


def _generate(root: Path, jobs: int | None, progress: bool, interrupted: bool, day: str) -> Report:
    project = Project(root)
    report = Report()
    taxonomy = load_taxonomy(project.taxonomy)
    if taxonomy.problems:
        # Applied without its bad entries, the taxonomy would change pages (a topic left out makes every
        # page that names it invalid): nothing changes until it validates.
        report.errors.extend(taxonomy.problems)
        report.halted = f"{len(taxonomy.problems)} problem(s) in taxonomy.yml (above): no page was changed"
        return report
    state = load_state(project.root)
    current = state.is_current(taxonomy.digest)
    # Temporary files are left under content/ only by a run that died (or by another version).
    writer = ContentWriter(project.content, sweep=interrupted or not current)
    pages = scan_pages(project, taxonomy, state)
    report.errors.extend(pages.broken.values())
    page_of = {source: relative for relative, source in pages.source_of.items()}
    taken = {_slug(relative) for relative in pages.source_of} | {_slug(r) for r in pages.broken}

    # Which sources need extracting: new, changed, or whose page a human touched.
    todo: list[tuple[str, str, bytes | None, str]] = []  # (name, path, its bytes when already read, sources/)
    source_names: list[str] = []
    source_stats: dict[str, os.stat_result] = {}
    touched = False         # a source saved again unchanged: its new mtime goes into the state
    # Sources are listed under root/sources: their names are cut from the listed path (relative_to is slow).
    cut = len(str(project.sources)) + 1
    listing = scan_sources(project.sources)
    report.errors.extend(listing.refused)
    inside = real_folder(project.sources)
    for source in listing.paths:
        name = "sources/" + source[cut:].replace(os.sep, "/")
        source_names.append(name)
        relative = page_of.get(name)
        known = state.pages.get(relative) if relative else None
        reusable = (current and known is not None and relative not in pages.parsed and relative not in pages.broken)
        try:
            stat = check_source(source, name, inside)      # a link out of sources/, a pipe, a device: refused
            if reusable and known.source_unchanged(stat):
                report.articles += 1
                continue
            data = None
            if reusable:        # read here to tell a source saved again unchanged; else the worker reads it
                data = read_source_bytes(source, name, inside)
        except BriefingError as error:
            report.errors.append(error)
            continue
        source_stats[name] = stat
        if data is not None and known.source_sha == hashlib.sha256(data).hexdigest():
            known.source_size, known.source_mtime_ns = stat.st_size, stat.st_mtime_ns
            touched = True
            report.articles += 1
            continue
        todo.append((name, source, data, inside))

    _follow_renamed_sources(todo, pages, page_of, set(source_names))
    # A page keeps the day it was first collected (a renamed source's page too: page_of follows it);
    # a new page is collected today.
    todo = [(*job, _collected_of(pages.fronts.get(page_of.get(job[0], ""))) or day) for job in todo]
    pending: dict[str, Pending] = {}      # page -> what to write for it, below
    # The pages as the index pages last showed them (the state's record: for a page edited by hand
    # since, its state before the edit), for incremental index pages.
    before = {r: e.front for r, e in state.pages.items() if r not in pages.broken}
    source_set = set(source_names)
    for name, result, draft in _extract_all(todo, project, taxonomy, jobs, progress):
        if isinstance(result, BriefingError):
            report.errors.append(result)
            continue
        report.extracted += 1
        relative = page_of.get(name)
        if relative is None:
            slug = _free_slug(result, taken)
            taken.add(slug)
            relative = f"{ARTICLES}/{slug}.md"
        if relative in pages.broken:
            continue      # a page a human broke is left as it is; its error is reported
        front, notes, kept_body = _front_for(draft.front, pages, relative, project, report)
        stat = source_stats[name]
        if kept_body is not None:                   # a body edited by hand: kept as it stands
            body, front_yaml = kept_body, None
        elif front == draft.front and not notes:    # no hand edit to keep: the page as the worker drafted it
            body, front_yaml = draft.body, draft.front_yaml
        else:
            body, front_yaml = render_article_body(front, result.text, taxonomy, notes), None
            front["provenance"] = {**front["provenance"], "fingerprint": {
                **front["provenance"]["fingerprint"], "body": body_fingerprint(body)}}
        pages.fronts[relative] = front_matter(front)
        pending[relative] = Pending(name, result.sha256, body, stat.st_size, stat.st_mtime_ns, front, front_yaml)
        report.articles += 1

    # The article pages this run wrote, found edited by hand, or found deleted; None when the state is
    # not current, and then every page counts.
    changed = set(pending) | set(pages.parsed) | (set(before) - set(pages.fronts)) if current else None
    only = _index_pages_to_redo(changed, before, pages, taxonomy)
    report.missing_sources = sorted(r for r, s in pages.source_of.items() if s not in source_set and r in pages.fronts)
    flags_stale = {r for r, f in pages.fronts.items()
                   if r in pages.source_of and (pages.source_of[r] not in source_set) != f.source_missing}
    content_folder = str(project.content)
    _retire_pages(project, report)
    index_intact = all(os.path.exists(f"{content_folder}/{r}") for r in state.index_pages)
    if only == set() and not flags_stale and index_intact and not pending:
        if touched:
            save_state(project.root, state)
        return report       # nothing changed: every page is as the last run left it
    by_slug = {_slug(relative): front for relative, front in pages.fronts.items()}
    by_person = people_postings(by_slug, _fold(taxonomy))
    relink = _pages_to_relink(changed, before, pages, flags_stale, taxonomy, by_slug, by_person)
    # The index pages show no key the links pass writes: they are rendered meanwhile, in a process of
    # their own when there are many.
    index_pages = [ArticlePage(_slug(r), None, f, "") for r, f in sorted(pages.fronts.items())]
    index_rendering = _render_index_pages(index_pages, taxonomy, only, state.index_pages, jobs)
    _links_between_pages(project, pages, taxonomy, writer, state, report, pending, relink, by_slug, by_person, jobs)
    for relative in list(state.pages):
        if relative not in pages.fronts:
            del state.pages[relative]     # a page that was deleted by hand

    rendered, wanted = index_rendering()
    for relative, text in rendered.items():
        _write_index_page(writer, project, relative, mark_generated(text), report)
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
    state.taxonomy, state.version = taxonomy.digest, State().version
    state.index_pages = sorted(wanted.expected)
    save_state(project.root, state)
    return report


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


_INDEX_PROCESS_THRESHOLD = 2000     # articles; below this, rendering every index page takes under a second


def _render_index_pages(index_pages: list[ArticlePage], taxonomy: Taxonomy, only: set[str] | None,
                        previous: list[str], jobs: int | None):
    """Start rendering the index pages; returns a function that waits for (pages by path, Wanted).
    A full rendering of a large briefing runs in a forked process, beside the links pass of this one."""
    def here():
        wanted = Wanted(only, previous)
        return build_index_pages(index_pages, taxonomy, load_about(taxonomy), wanted), wanted

    if only is not None or len(index_pages) < _INDEX_PROCESS_THRESHOLD or (jobs or os.cpu_count() or 1) < 2:
        return here
    pool = _fork_pool(1, "index pages", lambda _: here())
    if pool is None:
        return here
    pending = pool.apply_async(_run_forked, (("index pages", None),))
    pool.close()

    def result():
        try:
            return pending.get()
        finally:
            pool.join()
            del _forked["index pages"]
    return result


# What forked pools run, by name: a forked process finds it in the memory it shares with this one,
# so neither the function nor what it reads is pickled.
_forked: dict[str, object] = {}


def _run_forked(job: tuple[str, object]):
    name, item = job
    return _forked[name](item)


def _fork_pool(processes: int, name: str, function):
    """A pool of processes forked from this one that run `function` as `name` (jobs of _run_forked),
    or None where processes cannot fork."""
    import multiprocessing      # here: a warm run has no use for it

    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    _forked[name] = function        # before the processes fork: they find it in the memory they share
    return multiprocessing.get_context("fork").Pool(processes, initializer=end_with_parent, initargs=(os.getpid(),))


def _follow_renamed_sources(todo: list, pages: Pages, page_of: dict[str, str], source_names: set[str]) -> None:
    """A new source with the bytes of a page whose source is gone is that source renamed: the page (and
    its hand edits) follows it, instead of a second page without them. Sources are read here only when
    some page has lost its source."""
    orphans = {}
    for relative, source in pages.source_of.items():
        front = pages.fronts.get(relative)
        sha = front.provenance.sha256 if front is not None else None
        if source not in source_names and sha:
            orphans.setdefault(sha, relative)
    if not orphans:
        return
    for number, (name, path, data, inside) in enumerate(todo):
        if name in page_of:
            continue
        try:
            data = data if data is not None else read_source_bytes(path, name, inside)
        except BriefingError:
            continue        # the worker reads it again and reports it
        todo[number] = (name, path, data, inside)
        relative = orphans.pop(hashlib.sha256(data).hexdigest(), None)
        if relative is not None:
            page_of[name] = relative
            pages.source_of[relative] = name
            if not orphans:
                return


def _index_pages_to_redo(changed: set[str] | None, before: dict[str, FrontMatter], pages: Pages, taxonomy: Taxonomy):
    """None (all index pages) when every page counts as changed; else only the pages that show a
    changed article, as it was and as it is."""
    if changed is None:
        return None
    only: set[str] = set()
    for relative in changed:
        only |= pages_changed_by(before.get(relative), pages.fronts.get(relative), _slug(relative), taxonomy)
    return only


def _front_for(front: dict, pages: Pages, relative: str, project: Project,
               report: Report) -> tuple[dict, str, str | None]:
    """The new front matter merged with the page's current one, the page's curated notes, and its body
    when a human edited it outside the notes (kept as it stands, like an edited field)."""
    if relative not in pages.fronts:
        return front, "", None
    page = pages.parsed.get(relative)
    if page is not None:
        previous, body = page.written, page.body
    else:
        head, body = _split_page(project.content / relative)
        previous = _whole_front(head)
    merged = _merge(previous, front, relative, report)
    written = ((previous.get("provenance") or {}).get("fingerprint") or {}).get("body")
    if not written or body_fingerprint(body) == written:
        return merged, _notes(body), None
    report.edited.append(f"{relative}: body")
    if pages.fronts[relative].provenance.sha256 != front["provenance"]["sha256"]:
        report.conflicts.append(f"{relative}: body: edited by hand and changed by the source; kept the hand edit")
    # The generator's print stays: the body counts as edited until a human makes it the generated one again.
    merged["provenance"] = {**merged["provenance"],
                            "fingerprint": {**merged["provenance"]["fingerprint"], "body": written}}
    return merged, "", body.strip()


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


def _pages_to_relink(changed: set[str] | None, before: dict[str, FrontMatter], pages: Pages, flags_stale: set[str],
                     taxonomy: Taxonomy, by_slug: dict[str, FrontMatter], by_person) -> set[str] | None:
    """None (all pages) when every page counts as changed; else the pages whose generator-owned keys
    may change: the changed ones, those whose source appeared or went, and those whose related
    articles or same-story links involve a changed article (as it was or as it is)."""
    if changed is None:
        return None
    fronts = [f for r in changed for f in (before.get(r), pages.fronts.get(r)) if f is not None]
    near = linked_articles(by_slug, fronts, _fold(taxonomy), by_person)
    return (changed & set(pages.fronts)) | flags_stale | {f"{ARTICLES}/{slug}.md" for slug in near}


def _fold(taxonomy: Taxonomy):
    return lambda name: person_name(name, taxonomy)


def _links_between_pages(project, pages: Pages, taxonomy: Taxonomy, writer, state: State, report: Report,
                         pending: dict[str, Pending], only: set[str] | None, by_slug: dict[str, FrontMatter],
                         by_person, jobs: int | None = None) -> None:
    """Write the pages: the regenerated ones in full, and every page (of `only`, when given) whose
    generator-owned keys changed: `source_missing` (the source is gone; the page stays), `related` and
    `also_reported_by` (computed across all pages)."""
    targets = None if only is None else {_slug(relative) for relative in only}
    links = _Links(project, pages, writer, state, pending, set(report.missing_sources), by_slug,
                   related_articles(by_slug, _fold(taxonomy), targets, by_person),
                   same_story(by_slug, _fold(taxonomy), targets))
    relatives = sorted(pages.fronts if only is None else only & set(pages.fronts))
    for relative, changed, error, entry in _forked_map(links.page, relatives, jobs):
        if error is not None:
            report.errors.append(error)
            continue
        if changed:
            report.changed.append(relative)
        if entry is not None:
            state.pages[relative] = entry


@dataclass
class _Links:
    """What writing one page of the links pass reads; shared with forked processes, never changed."""

    project: Project
    pages: Pages
    writer: ContentWriter
    state: State
    pending: dict[str, Pending]
    missing_sources: set[str]
    by_slug: dict[str, FrontMatter]
    related: dict[str, list[str]]
    stories: dict[str, list[str]]

    def page(self, relative: str) -> tuple[str, bool, BriefingError | None, PageState | None] | None:
        """Write one page if its links changed (or it was regenerated): (page, whether its bytes
        changed, the error that stopped it, its new state entry); None when there is nothing to write."""
        slug = _slug(relative)
        wanted = {
            "tags": None,
            "source_missing": True if relative in self.missing_sources else None,
            "related": [_link(s, self.by_slug[s]) for s in self.related.get(slug, [])] or None,
            "also_reported_by": [_link(s, self.by_slug[s], source=True) for s in self.stories.get(slug, [])] or None,
        }
        if relative not in self.pending and self.pages.fronts[relative].links_digest == links_digest(wanted):
            return None
        path = self.project.content / relative
        extra = {key: value for key, value in wanted.items() if value is not None}
        if relative in self.pending:
            job = self.pending[relative]
            updated = {key: value for key, value in job.front.items() if key not in GENERATED_KEYS} | extra
            text = (render_page(updated, job.body) if job.front_yaml is None
                    else render_drafted_page(job.front_yaml, extra, job.body))
        else:
            entry = self.state.pages.get(relative)
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
        if relative not in self.pending and relative not in self.state.pages:
            return relative, changed, None, None
        size, mtime = page_stat(path)
        return relative, changed, None, PageState(job.source, job.source_sha, size, mtime, front_matter(updated),
                                                  job.source_size, job.source_mtime_ns)


_FORK_THRESHOLD = 2000      # pages; below this, forking costs more than sharing the work saves


def _forked_map(function, items: list, jobs: int | None):
    """function(item) for each item, results that are not None, in order: in forked processes on all
    cores when there are many items (they share this process's memory, so only items and results are
    pickled), here otherwise."""
    jobs = jobs or os.cpu_count() or 1
    pool = _fork_pool(jobs, "map", function) if len(items) >= _FORK_THRESHOLD and jobs > 1 else None
    if pool is None:
        results = map(function, items)
    else:
        try:
            results = list(pool.imap(_run_forked, [("map", item) for item in items],
                                     chunksize=max(1, len(items) // (jobs * 8))))
        finally:
            pool.close()
            pool.join()
            del _forked["map"]
    return [result for result in results if result is not None]


def _link(slug: str, front: FrontMatter, source: bool = False) -> dict:
    link = {"slug": slug, "title": front.title or slug}
    if source:
        link["source"] = front.source
    return link


def _extract_all(todo, project: Project, taxonomy: Taxonomy, jobs: int | None, progress: bool):
    """(source name, Article or BriefingError, Draft) for each source, in a process pool when there are many."""
    if not todo:
        return
    jobs = jobs or os.cpu_count() or 1
    show = progress and sys.stderr.isatty() and not os.environ.get("CI")
    if len(todo) < _POOL_THRESHOLD or jobs == 1:
        global _worker_taxonomy
        _worker_taxonomy = taxonomy       # in this process: the one already loaded
        results = map(_extract_one, todo)
    else:
        from concurrent.futures import ProcessPoolExecutor     # imported here: a warm run seldom needs it

        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init,
                                   initargs=(str(project.taxonomy), os.getpid()))
        results = pool.map(_extract_one, todo, chunksize=32)
    try:
        for done, item in enumerate(results, start=1):
            if show and (done % 50 == 0 or done == len(todo)):
                print(f"\rextracting {done}/{len(todo)}", end="" if done < len(todo) else "\n", file=sys.stderr)
            yield item
    finally:
        if len(todo) >= _POOL_THRESHOLD and jobs > 1:
            pool.shutdown()


_worker_taxonomy: Taxonomy | None = None


def _worker_init(taxonomy_path: str, parent: int) -> None:
    global _worker_taxonomy
    end_with_parent(parent)     # a killed run leaves no worker waiting for work for ever
    gc.enable()         # forked from a run that paused it
    _worker_taxonomy = load_taxonomy(Path(taxonomy_path))


@dataclass(frozen=True)
class Draft:
    """An article's page as it is written when no hand edit is to be kept: drafted in the extraction
    worker, so that the costly part of writing ten thousand pages (YAML) runs on every core."""

    front: dict
    front_yaml: str
    body: str


def _extract_one(job: tuple[str, str, bytes | None, str, str]) -> tuple[str, Article | BriefingError, Draft | None]:
    name, path, data, inside, collected = job
    try:
        if data is None:
            data = read_source_bytes(path, name, inside)
        document = read_bytes(data, name, html=name.lower().endswith((".html", ".htm")))
        article = extract_article(document, _worker_taxonomy)
        front = article_front_matter(article, collected)
        body = render_article_body(front, article.text, _worker_taxonomy)
        front["provenance"]["fingerprint"]["body"] = body_fingerprint(body)   # tells a hand-edited body later
        draft = Draft(front, dump_front_matter(front), body)
        return name, article, draft
    except BriefingError as error:
        return name, error, None
    except Exception as error:  # noqa: BLE001 - one bad source must not stop the others
        log.exception("could not process %s", name)
        return name, BriefingError(name, f"could not process: {error}"), None


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


def _merge(previous: dict, generated: dict, page: str, report: Report) -> dict:
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
            report.conflicts.append(f"{page}: {key}: {what} by hand and changed by {cause}; kept the hand edit")
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
        report.edited.append(f"{page}: {', '.join(edited)}")
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

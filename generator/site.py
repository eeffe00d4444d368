"""Render content/ into site/ with MkDocs, the pages shared out between processes.

`mkdocs build` renders one page after another on one core: about 12 ms a page with Material, two
minutes for a briefing of 10,000 articles. Page rendering is independent from page to page once the
files and the navigation are known, so this runs MkDocs' own build steps with the pages split into
chunks rendered in forked worker processes. What a page's rendering leaves for the end of the build
(its search index entries, its anchors and the links to anchors it holds, the warnings it logged)
comes back to the parent, which finishes the build as MkDocs does: the search index in page order,
anchor validation, strict mode.

The site is the one `mkdocs build` makes (a test compares them), and a plain `mkdocs build` of
content/ stays the portable way to render it. This module relies on MkDocs' build steps, which are
internal: with any MkDocs other than 1.6, or with no fork, it runs `mkdocs build` as it is.

Builds are incremental (generator/site_cache.py): only the pages whose Markdown, or whose shared inputs,
changed since the last build are rendered; the others' files, search entries and anchors come from
.briefing-cache/site/, and the search index and anchor validation are made from all of them, as a cold
build makes them. `--cold` renders every page.

Usage: python -m generator.site [--config-file mkdocs.yml] [--site-dir DIR] [--jobs N] [--cold]
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator.processes import Collector, collector_paused, end_with_briefing, parallel_map

log = logging.getLogger("mkdocs.briefing.site")

# Chunks per process: enough that the processes finish together although pages differ in size (an
# index page may be a hundred times an article's), few enough that sending results back costs little.
CHUNKS_PER_JOB = 12


@dataclass
class ChunkResult:
    """What rendering a run of pages leaves for the end of the build; plain data, sent between processes."""

    search_entries: list[dict] = field(default_factory=list)
    anchors: dict[str, set[str]] = field(default_factory=dict)                # page src_uri -> its anchor ids
    links_to_anchors: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    warnings: dict[str, int] = field(default_factory=dict)                   # level name -> count
    entry_counts: dict[str, int] = field(default_factory=dict)               # page src_uri -> its search entries
    elsewhere: bool = False                                                  # rendered in a worker process


# What the parallel build is proven to reproduce byte for byte (tests/test_site_build.py compares it
# with `mkdocs build`): this MkDocs, these plugins, Python-Markdown's own extensions. Anything else is
# built by MkDocs itself: a plugin may keep state across pages (Material's tags plugin collects every
# page's tags, then fills a page that lists them), which pages rendered in other processes never share.
PROVEN_MKDOCS = "1.6.1"
PROVEN_PLUGINS = frozenset({"search", "material/search", "briefing"})


def supported() -> bool:
    """Whether MkDocs' build steps are the ones this module was written against, and fork exists."""
    return _platform_refusal() is None


def _platform_refusal() -> str | None:
    import mkdocs

    if mkdocs.__version__ != PROVEN_MKDOCS:
        return f"MkDocs {mkdocs.__version__} (the parallel build reproduces {PROVEN_MKDOCS})"
    if "fork" not in multiprocessing.get_all_start_methods():
        return "no fork on this system"
    return None


def fence(config) -> str | None:
    """Why this configuration must be built by MkDocs itself, or None when the parallel build is proven
    to make the same site."""
    refused = _platform_refusal()
    if refused:
        return refused
    unknown = sorted(name for name in config.plugins if name not in PROVEN_PLUGINS)
    if unknown:
        return f"plugin {', '.join(unknown)} (the parallel build reproduces {', '.join(sorted(PROVEN_PLUGINS))})"
    foreign = [name for name in _extension_modules(config) if not name.startswith("markdown.extensions.")]
    if foreign:
        return f"Markdown extension {', '.join(foreign)} (the parallel build reproduces Python-Markdown's own)"
    return None


RENDERERS = ("mkdocs", "zensical")


def build_site(config_file: str, site_dir: str | None = None, jobs: int | None = None, renderer: str = "mkdocs",
               incremental: bool = True, config=None) -> int:
    """Build the site in strict mode into a fresh folder, swapped into place when the build finished
    (generator/publish.py); 0 on success, 1 when the build failed (the previous site is left as it was).
    `renderer`: MkDocs (in parallel where fence() allows) or Zensical, which reads the same mkdocs.yml.
    `incremental`: render only the pages whose inputs changed since the last build (MkDocs in
    parallel only); otherwise every page, and the cache is neither read nor written. `config`: the
    configuration of `config_file` and `site_dir`, when it is loaded already (load_ahead)."""
    from mkdocs.config import load_config

    from generator import publish, site_cache
    from generator.errors import BriefingError

    if config is None:
        config = load_config(config_file=config_file, strict=True, site_dir=site_dir)
    final = Path(config.site_dir)
    refused = fence(config) if renderer == "mkdocs" else None
    if refused:
        log.info(f"Building with MkDocs' own build, on one core: {refused}")
    try:
        fresh = publish.fresh_folder(final)
    except BriefingError as error:
        log.error(str(error))
        return 1
    linked: dict = {}       # the pages taken from the site cache: linked into the site as it is put in place
    try:
        if renderer == "zensical":
            status = _build_with_zensical(config_file, fresh)
            if status == 0:     # what the briefing plugin does after an MkDocs build; Zensical runs no plugin
                publish.address_feed(fresh, config.site_url)
        elif refused is None:
            config["site_dir"] = str(fresh)
            status, linked = _build_here(config, jobs or os.cpu_count() or 1, incremental)
        else:
            command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", config_file,
                       "--site-dir", str(fresh)]
            status = subprocess.run(command).returncode
        if status == 0 and renderer == "mkdocs":
            _write_search_index(fresh, config, incremental)
        if status == 0:
            root = Path(config.config_file_path).resolve().parent
            publish.publish_site(fresh, final, linked, root / site_cache.FOLDERS_FILE)
            log.info(f"The new site is in place: {final}")
        else:
            log.error(f"The site in {final} was left as it was.")
        return status
    finally:
        publish.discard(fresh)


def _write_search_index(site: Path, config, incremental: bool) -> None:
    """The search index in small files that the site's search reads (generator/search.py), made from the
    search_index.json the build wrote; through the briefing's cache unless the build is cold. Should it
    fail, the site keeps Material's whole index, which its search reads instead."""
    from generator import search

    root = Path(config.config_file_path).resolve().parent
    try:
        report = search.write_search_index(site, root if incremental else None)
    except Exception:   # noqa: BLE001 - the site is whole without it
        log.exception("The search index could not be written; the site searches Material's whole index")
        search.forget(root)
        return
    if report is not None:
        log.info(f"Search index: {report.pages} pages, {report.changed} read again, {report.written} of "
                 f"{report.files} files written, in {report.seconds:.2f} seconds")


def _build_with_zensical(config_file: str, fresh: Path) -> int:
    """Zensical's strict build of the same mkdocs.yml into `fresh`: Zensical takes its site folder from
    the config only, so it reads a copy of it (beside it, for the relative folders) naming that folder."""
    import importlib.util

    import yaml

    if importlib.util.find_spec("zensical") is None:
        log.error("Zensical is not installed: pip install 'briefing[zensical]'")
        return 1
    source = Path(config_file).resolve()
    copy = source.parent / f".{source.stem}.zensical-{os.getpid()}.yml"
    text = source.read_text(encoding="utf-8")
    # Only site_dir changes; the rest is the config as written (tags such as !!python/name included).
    lines = [line for line in text.splitlines() if not line.startswith("site_dir:")]
    copy.write_text("\n".join(lines) + f"\nsite_dir: {yaml.safe_dump(os.path.relpath(fresh, source.parent)).splitlines()[0]}\n",
                    encoding="utf-8")
    try:
        command = [sys.executable, "-m", "zensical", "build", "--clean", "--strict", "--config-file", str(copy)]
        return subprocess.run(command, cwd=source.parent).returncode
    finally:
        copy.unlink(missing_ok=True)


def _build_here(config, jobs: int, incremental: bool = True) -> tuple[int, dict]:
    """The build's status, and the pages it took from the cache (publish.publish_site links them in)."""
    from mkdocs.exceptions import Abort

    from generator.site_cache import SiteCache

    cache = SiteCache(Path(config.config_file_path).resolve().parent) if incremental else None
    config.plugins.on_startup(command="build", dirty=False)
    try:
        # A build holds some hundred thousand long-lived objects (the files, the pages, the navigation,
        # the cache's records): the collector waits, then walks only what rendering makes.
        with collector_paused() as collector:
            linked = _build(config, jobs, collector, cache)
    except Abort as error:
        log.error(str(error))
        return 1, {}
    finally:
        config.plugins.on_shutdown()
    return 0, linked


# Set in the parent before the workers fork, read by them: a forked worker shares the parent's
# loaded config, files and navigation instead of having them pickled.
_build_state: dict = {}


def _build(config, jobs: int, collector: Collector, cache=None) -> dict[str, tuple[Path, int]]:
    """MkDocs 1.6's build() (mkdocs/commands/build.py), with the page loops in _render_chunk. With a
    `cache` (generator/site_cache.py), only the pages its plan says are rendered; the others are
    taken from it: returned (site_cache.SiteCache.outputs), for publish.publish_site to link in."""
    from mkdocs import utils
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.exceptions import Abort, BuildError
    from mkdocs.structure.files import InclusionLevel, get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    warning_counter = utils.CountHandler()
    warning_counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(warning_counter)
    try:
        start = time.monotonic()
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        log.info("Cleaning site directory")
        utils.clean_directory(config.site_dir)
        log.info(f"Building documentation to directory: {config.site_dir}")

        files = get_files(config)
        env = config.theme.get_env()
        if cache is not None:
            env.bytecode_cache = cache.templates()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)

        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        for file in doc_files:
            if file.page is None:
                Page(None, file, config)
        # Whether pages may share a Markdown instance is one answer for the whole build: decided here,
        # once, and each forked process has its own copy of the instance.
        renderer = _MarkdownReused(config) if _resets_cleanly(config) else None
        # The pages of the navigation are read and rendered here, before any process forks: every
        # page shows their titles (the nav, the footer's previous and next), and a title MkDocs does
        # not find in the nav or the front matter comes from the rendered page, which a process
        # rendering other pages would never have. The build key holds those titles: the pages the nav
        # names no title for are rendered before it is made.
        nav_pages = [page for page in nav.pages if page.file in doc_files]
        titled = [page for page in nav_pages if _titled_by_the_nav(page)]
        for page in nav_pages:
            if page not in titled:
                _populate(page, config, files, renderer)
        _build_state["nav_pages"] = {id(page) for page in nav_pages}
        plan, records, key, digests, sources = _plan(cache, config, files, nav, doc_files)
        if cache is not None:
            log.info(f"Rendering every page: {plan.reason}" if plan.reason else
                     f"Rendering {len(plan.render)} changed pages of {len(doc_files)}")
        rendering = set(plan.render)
        for page in titled:
            if page.file.src_uri in rendering:
                _populate(page, config, files, renderer)
            else:
                # Taken from the cache: what other pages show of it is its title, its address and its
                # front matter (Material's nav shows an icon, a subtitle or a status it names).
                page.read_source(config)
        to_render = [file for file in doc_files if file.src_uri in rendering]
        # MkDocs runs the env event after reading every page; here the pages are read in the
        # workers, so it runs first. Neither Material's search nor the briefing plugin uses it.
        env = config.plugins.on_env(env, config=config, files=files)
        files.copy_static_files(inclusion=InclusionLevel.is_included)
        for template in config.theme.static_templates:
            mkdocs_build._build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            mkdocs_build._build_extra_template(template, files, config, nav)

        _build_state.update(parent=os.getpid(), config=config, files=files, nav=nav, env=env, doc_files=doc_files,
                            renderer=renderer, to_render=to_render)
        chunks = _chunks([os.path.getsize(file.abs_src_path) for file in to_render], jobs * CHUNKS_PER_JOB)
        collector.resume_for_many_short_lived_objects()
        try:
            # The largest chunks first, so that no large one is left to run alone at the end. The workers
            # share this process's pages and templates: where they cannot be forked, the chunks are
            # rendered here.
            order = sorted(range(len(chunks)), key=lambda i: -chunks[i][2])
            done = dict(parallel_map(_render_numbered_chunk, [(i, chunks[i]) for i in order], jobs, inherit=True))
            results = [done[i] for i in range(len(chunks))]
        finally:
            _build_state.clear()

        pages = _page_records(results, doc_files, digests, sources, records)
        entries = _search_entries(config)
        for file in doc_files:
            record = pages[file.src_uri]
            if entries is not None:
                entries.extend(record.entries)
            file.page.present_anchor_ids = record.anchors
            if record.links_to_anchors:
                file.page.links_to_anchors = {files.get_file_from_path(to): anchors
                                              for to, anchors in record.links_to_anchors.items()}
        for file in doc_files:
            file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
        config.plugins.on_post_build(config=config)

        counts = dict(warning_counter.get_counts())
        for result in results:
            if not result.elsewhere:
                continue        # rendered here: the counter above saw its warnings
            for level, count in result.warnings.items():
                counts[level] = counts.get(level, 0) + count
        if counts:
            message = ", ".join(f"{count} {level.lower()}s" for level, count in counts.items())
            raise Abort(f"Aborted with {message} in strict mode!")
        if cache is not None:
            gone = [record for src_uri, record in (records or {}).items() if src_uri not in pages]
            cache.save(key, pages, Path(config.site_dir), plan.render, gone, cold=records is None)
        log.info(f"Documentation built in {time.monotonic() - start:.2f} seconds")
        return cache.outputs(records, plan.reuse) if cache is not None and records else {}
    except Exception as error:
        config.plugins.on_build_error(error=error)
        if isinstance(error, BuildError):
            log.error(str(error))
            raise Abort("Aborted with a BuildError!")
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(warning_counter)


def _plan(cache, config, files, nav, doc_files):
    """What this build renders (site_cache.plan), the cache's records, the build key, each page's digest
    and the stat of its Markdown to record (site_cache.page_digests). Without a cache, every page."""
    from generator import site_cache
    from generator.state import GENERATOR_VERSION

    paths = {file.src_uri: file.abs_src_path for file in doc_files}
    if cache is None:
        digests, sources = site_cache.page_digests(paths, None, time.time_ns())
        return site_cache.plan(None, digests, {}, "a cold build"), None, None, digests, sources
    key = site_cache.build_key(config, files, nav, GENERATOR_VERSION)
    records, reason = cache.load(key)
    digests, sources = site_cache.page_digests(paths, records, time.time_ns())
    return site_cache.plan(records, digests, cache.kept(records), reason), records, key, digests, sources


def _page_records(results: list[ChunkResult], doc_files, digests: dict[str, str], sources: dict, records) -> dict:
    """Every page of this build as the cache keeps it: the pages just rendered from `results` (their
    search entries cut out of each chunk's, in page order), the others as the cache had them; each with
    the stat of its Markdown (`sources`)."""
    from generator import site_cache

    rendered = {}
    for result in results:
        position = 0
        for src_uri, count in result.entry_counts.items():
            rendered[src_uri] = site_cache.PageRecord(
                digest=digests[src_uri], output=None, stat=None,
                entries=result.search_entries[position:position + count],
                anchors=result.anchors.get(src_uri, set()), links_to_anchors=result.links_to_anchors.get(src_uri, {}))
            position += count
    pages = {}
    for file in doc_files:
        record = rendered.get(file.src_uri)
        if record is None:
            record = records[file.src_uri]
        else:
            record.output = file.dest_uri if os.path.exists(file.abs_dest_path) else None
        record.source = sources[file.src_uri]
        pages[file.src_uri] = record
    return pages


def _search_entries(config) -> list | None:
    """The list the search plugin adds each rendered page's entries to: Material's search index calls
    it `entries`, MkDocs' own `_entries`. None without a search plugin."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    if index is None:
        return None
    return index.entries if hasattr(index, "entries") else index._entries


def _chunks(sizes: list[int], count: int) -> list[tuple[int, int, int]]:
    """Runs of consecutive pages of about equal bytes: (start, end, bytes). Consecutive, so that the
    search index entries come back in page order."""
    target = max(1, sum(sizes) // max(1, count))
    chunks, start, total = [], 0, 0
    for end, size in enumerate(sizes, start=1):
        total += size
        if total >= target or end == len(sizes):
            chunks.append((start, end, total))
            start, total = end, 0
    return chunks


def _render_numbered_chunk(job: tuple[int, tuple[int, int, int]]) -> tuple[int, ChunkResult]:
    number, chunk = job
    return number, _render_chunk(chunk)


def _render_chunk(bounds: tuple[int, int, int]) -> ChunkResult:
    """Read, render and write pages [start, end) of the documentation pages, as MkDocs' two page loops do."""
    from mkdocs import utils
    from mkdocs.commands import build as mkdocs_build

    config, files, nav, env, doc_files, renderer = (
        _build_state[k] for k in ("config", "files", "nav", "env", "doc_files", "renderer"))
    entries = _search_entries(config)
    first_entry = len(entries) if entries is not None else 0
    warning_counter = utils.CountHandler()
    warning_counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(warning_counter)
    result = ChunkResult(elsewhere=os.getpid() != _build_state["parent"])
    try:
        nav_pages = _build_state["nav_pages"]
        for file in _build_state["to_render"][bounds[0]:bounds[1]]:
            page = file.page
            if id(page) not in nav_pages:       # those were rendered before the processes forked
                _populate(page, config, files, renderer)
            before = len(entries) if entries is not None else 0
            _build_page_naming_its_template(page, config, doc_files, nav, env)
            result.entry_counts[file.src_uri] = (len(entries) if entries is not None else 0) - before
            result.anchors[file.src_uri] = page.present_anchor_ids or set()
            if page.links_to_anchors:
                result.links_to_anchors[file.src_uri] = {
                    to.src_uri: anchors for to, anchors in page.links_to_anchors.items()}
            if result.elsewhere and id(page) not in nav_pages:
                # On disk and indexed: a worker lets the page go, as it may render thousands (not a
                # page of the nav, whose title every later page shows).
                page.content = page.markdown = None
    finally:
        logging.getLogger("mkdocs").removeHandler(warning_counter)
    if entries is not None:
        result.search_entries = entries[first_entry:]
        del entries[first_entry:]
    result.warnings = dict(warning_counter.get_counts())
    return result


def _extension_modules(config) -> list[str]:
    """The module of each Markdown extension of the config (an instance: its class's module)."""
    from importlib.metadata import entry_points

    named = {ep.name: ep.value for ep in entry_points(group="markdown.extensions")}
    return [named.get(extension, extension).split(":")[0] if isinstance(extension, str) else type(extension).__module__
            for extension in config["markdown_extensions"]]


def _build_page_naming_its_template(page, config, doc_files, nav, env) -> None:
    """MkDocs' _build_page; a page whose front matter names a template neither overrides/ nor the theme
    has stops the build with the page, its line and the name, not a traceback from Jinja."""
    from jinja2 import TemplateNotFound
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.exceptions import BuildError

    try:
        mkdocs_build._build_page(page, config, doc_files, nav, env)
    except TemplateNotFound as error:
        raise BuildError(f"{_template_line(page)}: template: '{error.name}' is not in overrides/ nor in the theme; "
                         "remove the key or add the template") from None


def _template_line(page) -> str:
    """'<docs path>:<line>' of the page's template key, as a curator finds it."""
    where = f"{page.file.src_uri}"
    try:
        with open(page.file.abs_src_path, encoding="utf-8") as stream:
            for number, line in enumerate(stream, start=1):
                if line.startswith("template:"):
                    return f"{where}:{number}"
    except OSError:
        pass
    return where


def _titled_by_the_nav(page) -> bool:
    """Whether the nav names the page's title (MkDocs sets Page.title, a weak_property, then): nothing
    rendered on the page can change it."""
    return "title" in vars(page)


def _populate(page, config, files, renderer) -> None:
    """MkDocs' _populate_page (read, the page events, render), with the shared Markdown instance."""
    from mkdocs.commands import build as mkdocs_build

    if renderer is not None:
        page.render = renderer.render_for(page)     # an attribute of this page, read by _populate_page
    mkdocs_build._populate_page(page, config, files)
    if renderer is not None:
        del page.render


def _resets_cleanly(config) -> bool:
    """Whether every Markdown extension of the config is one of Python-Markdown's own, which clear what
    they keep of a document in Markdown.reset(). A third-party extension may not: then each page has
    a new Markdown instance, as in MkDocs."""
    return all(isinstance(extension, str) for extension in config["markdown_extensions"]) and all(
        module.startswith("markdown.extensions.") for module in _extension_modules(config))


class _MarkdownReused:
    """MkDocs 1.6's Page.render (mkdocs/structure/pages.py) with one Markdown instance for a run of
    pages, reset between them, instead of one built for each page: building it, with its extensions'
    processors, is about a twentieth of rendering an article page. MkDocs' own processors are made
    for each page, as they hold the page; registering one replaces the previous page's."""

    def __init__(self, config):
        import markdown

        self.markdown = markdown.Markdown(extensions=config["markdown_extensions"],
                                          extension_configs=config["mdx_configs"] or {})

    def render_for(self, page):
        return lambda config, files: self.render(page, config, files)

    def render(self, page, config, files) -> None:
        from mkdocs.structure import pages

        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self.markdown
        md.reset()
        raw_html = pages._RawHTMLPreprocessor()
        raw_html.run = _skipping_anchorless(raw_html.run, raw_html)
        raw_html._register(md)
        anchors = pages._ExtractAnchorsTreeprocessor(page.file, files, config)
        anchors._register(md)
        relative_paths = pages._RelativePathTreeprocessor(page.file, files, config)
        relative_paths._register(md)
        title = pages._ExtractTitleTreeprocessor()
        title._register(md)
        page.content = md.convert(page.markdown)
        page.toc = pages.get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative_paths.links_to_anchors


# Where an HTML parser could read an attribute named id or name: the name follows a quote, a space or a
# slash and ends at a space, a slash, "=" or ">" (html.parser's attrfind), in any case. A page where
# this never matches has no anchor in its raw HTML, whatever its tags.
_MAY_NAME_AN_ANCHOR = re.compile(r"""(?<=['"\s/])(?:id|name)(?=[\s/=>]|\Z)""", re.IGNORECASE)


def _skipping_anchorless(run, preprocessor):
    """MkDocs' raw HTML preprocessor parses a whole page with Python's HTML parser only to collect the
    ids of its raw HTML, some 3 % of an article page's rendering: on a page where no id or name
    attribute can be, it finds none without parsing."""
    def run_or_skip(lines: list[str]) -> list[str]:
        if _MAY_NAME_AN_ANCHOR.search("\n".join(lines)) is None:
            preprocessor.present_anchor_ids = set()
            return lines
        return run(lines)
    return run_or_skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.site", description=__doc__.splitlines()[0])
    parser.add_argument("--config-file", default="mkdocs.yml")
    parser.add_argument("--site-dir", default=None)
    parser.add_argument("--jobs", type=int, default=None, help="rendering processes (default: all cores)")
    parser.add_argument("--renderer", choices=RENDERERS, default="mkdocs")
    parser.add_argument("--cold", action="store_true", help="render every page, neither reading nor writing the "
                        "site cache")
    parser.add_argument("--after-generate", action="store_true", help="load MkDocs and mkdocs.yml, then wait for a "
                        "line on standard input before building (`briefing build` generates meanwhile); at the end "
                        "of the input without one, build nothing")
    args = parser.parse_args(argv)
    end_with_briefing()
    # A build stopped by SIGTERM unwinds (its workers are terminated, its unfinished folder removed).
    signal.signal(signal.SIGTERM, _stop)
    handler = _log_like_mkdocs()
    config = None
    if args.after_generate:
        with _held_back(handler) as said:
            config = load_ahead(args.config_file, args.site_dir)
            if not sys.stdin.readline():
                return 0        # the generator could not run: nothing to build
            said()
    return build_site(args.config_file, args.site_dir, args.jobs, args.renderer, incremental=not args.cold,
                      config=config)


def load_ahead(config_file: str, site_dir: str | None):
    """What a build needs before it reads content/: the modules it runs, and mkdocs.yml loaded (None when it
    cannot be yet: the build loads it again and says why). Done while `briefing build` generates: some
    half a second of a one-page build."""
    import markdown  # noqa: F401 - loaded here, used by the build
    import mkdocs.commands.build  # noqa: F401
    from mkdocs.config import load_config

    from generator import publish, search, site_cache  # noqa: F401
    try:
        return load_config(config_file=config_file, strict=True, site_dir=site_dir)
    except Exception:  # noqa: BLE001 - loaded again, and reported, when the build goes ahead
        return None


@contextmanager
def _held_back(handler: logging.Handler):
    """What MkDocs logs meanwhile, held back: said once said() is called (when the build goes ahead,
    after the generator's own output), else never."""
    from logging.handlers import MemoryHandler

    logger = logging.getLogger("mkdocs")
    held = MemoryHandler(capacity=1_000_000, flushLevel=logging.CRITICAL + 1, target=None)
    logger.removeHandler(handler)
    logger.addHandler(held)
    try:
        yield lambda: held.setTarget(handler)
    finally:
        logger.removeHandler(held)
        logger.addHandler(handler)
        if held.target is not None:
            held.flush()
        held.close()


def _stop(number, _frame):
    raise SystemExit(128 + number)


def _log_like_mkdocs() -> logging.Handler:
    from mkdocs.__main__ import ColorFormatter

    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    handler = logging.StreamHandler()
    handler.setFormatter(ColorFormatter())
    logger.addHandler(handler)
    return handler


if __name__ == "__main__":
    sys.exit(main())

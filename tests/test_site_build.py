"""The site build of `briefing build` (generator/site.py): MkDocs' pages rendered in several processes
must make the very site a plain `mkdocs build` makes, and strict mode must still see every warning."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.generate import generate
from generator.site import _chunks, supported

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from make_corpus import write_corpus  # noqa: E402

pytestmark = pytest.mark.skipif(not supported(), reason="the parallel build needs MkDocs 1.6 and fork")

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRIEFING_SKIP_GENERATE": "1"}


@pytest.fixture(scope="module")
def briefing(tmp_path_factory) -> Path:
    """The seeds and 260 synthetic articles, generated: some 600 pages, article and index pages, with
    a page a year for the largest countries and topics."""
    from conftest import copy_briefing

    folder = copy_briefing(tmp_path_factory.mktemp("site-build"))
    write_corpus(260, folder / "sources" / "synthetic", seed=7)
    generate(folder)
    return folder


def _site_build(folder: Path, site: Path, jobs: int) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "generator.site", "--config-file", str(folder / "mkdocs.yml"),
               "--site-dir", str(site), "--jobs", str(jobs)]
    return subprocess.run(command, cwd=folder, env=ENV, capture_output=True, text=True, timeout=300)


def _plain_build(folder: Path, site: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` into `site`, then the step `briefing build` adds after it: the search index in
    small files, made from the search_index.json MkDocs wrote (generator/search.py)."""
    from generator.search import write_search_index

    plain = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                           cwd=folder, env=ENV, capture_output=True, text=True, timeout=300)
    if plain.returncode == 0:
        assert write_search_index(site) is not None
    return plain


def _files(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_the_parallel_build_makes_the_site_mkdocs_makes(briefing, tmp_path):
    built = _site_build(briefing, tmp_path / "parallel", jobs=2)
    assert built.returncode == 0, built.stderr
    plain = _plain_build(briefing, tmp_path / "plain")
    assert plain.returncode == 0, plain.stderr
    ours, theirs = _files(tmp_path / "parallel"), _files(tmp_path / "plain")
    assert sum(name.endswith("index.html") for name in theirs) > 300
    assert sorted(ours) == sorted(theirs)
    different = [name for name in theirs if ours[name] != theirs[name]]
    assert different == []          # search/ included: made from the search entries, which come back in page order


def test_search_indexes_articles_and_topics_not_the_pages_a_year(briefing, tmp_path):
    import json

    built = _site_build(briefing, tmp_path / "site", jobs=2)
    assert built.returncode == 0, built.stderr
    from generator.search import read_index

    locations = {url for url, _ in read_index(tmp_path / "site")}
    year_pages = [p for p in (briefing / "content").glob("*/*/*.md")] + list((briefing / "content").glob("timeline/2*.md"))
    assert year_pages
    for page in year_pages:
        assert page.relative_to(briefing / "content").with_suffix("").as_posix() + "/" not in locations
    articles = list((briefing / "content" / "articles").glob("*.md"))
    assert all(f"articles/{page.stem}/" in locations for page in articles)
    assert {"countries/azerbaijan/", "topics/", "people/"} <= locations


def test_a_warning_on_a_page_rendered_in_a_worker_aborts_the_strict_build(briefing, tmp_path):
    folder = tmp_path / "briefing"
    shutil.copytree(briefing, folder)
    articles = sorted((folder / "content" / "articles").glob("*.md"))
    first, last = articles[0], articles[-1]
    # The first page links the last one (another chunk, another process): one anchor that exists
    # there, one that does not, and a page that does not exist at all.
    first.write_text(first.read_text(encoding="utf-8")
                     + f"\n[there](../articles/{last.name}#article-text) [gone](../articles/{last.name}#no-such-anchor)"
                     + " [missing](no-such-page.md)\n", encoding="utf-8")
    built = _site_build(folder, tmp_path / "site", jobs=2)
    assert built.returncode == 1
    assert "no-such-anchor" in built.stderr and "no-such-page.md" in built.stderr
    assert "#article-text" not in built.stderr
    assert "Aborted with 2 warnings in strict mode" in built.stderr
    assert not (tmp_path / "site").exists(), "an aborted build left a site"
    assert [p.name for p in tmp_path.iterdir()] == ["briefing"]     # nor its unfinished folder


def test_without_the_parallel_build_mkdocs_builds_into_a_fresh_folder_too(briefing, tmp_path, monkeypatch):
    from generator import site as site_module

    monkeypatch.setattr(site_module, "supported", lambda: False)
    monkeypatch.setenv("BRIEFING_SKIP_GENERATE", "1")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "stale.html").write_text("from the build before")
    assert site_module.build_site(str(briefing / "mkdocs.yml"), str(tmp_path / "site"), 1) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
    reference = _site_build(briefing, tmp_path / "reference", jobs=2)
    assert reference.returncode == 0, reference.stderr
    assert _files(tmp_path / "site") == _files(tmp_path / "reference")


def test_one_process_builds_the_same_site(briefing, tmp_path):
    one = _site_build(briefing, tmp_path / "one", jobs=1)
    two = _site_build(briefing, tmp_path / "two", jobs=2)
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    assert _files(tmp_path / "one") == _files(tmp_path / "two")


def test_chunks_are_consecutive_runs_of_about_equal_bytes():
    sizes = [4000] * 300 + [300_000] + [4000] * 50 + [90_000] * 3
    chunks = _chunks(sizes, 24)
    assert chunks[0][0] == 0 and chunks[-1][1] == len(sizes)
    assert all(a[1] == b[0] for a, b in zip(chunks, chunks[1:]))          # no page left out or twice
    assert all(start < end for start, end, _ in chunks)
    assert [total for *_, total in chunks] == [sum(sizes[s:e]) for s, e, _ in chunks]
    target = sum(sizes) // 24
    assert all(total < target + 300_000 for *_, total in chunks)
    assert 20 <= len(chunks) <= 26
    assert _chunks([], 4) == []


def test_pages_rendered_with_one_markdown_instance_share_nothing(tmp_path):
    # An abbreviation or a footnote is defined on one page and must not show on the next: the
    # site build renders a run of pages with one Markdown instance, reset between pages.
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("# A\n\nThe NATO summit.[^1]\n\n*[NATO]: North Atlantic Treaty Organization\n\n"
                               "[^1]: A note on page A.\n", encoding="utf-8")
    (docs / "b.md").write_text("# B\n\nNATO again, with no definition here.\n", encoding="utf-8")
    for number in range(22):       # pages of a's size after them: a and b fall in one run of pages
        (docs / f"x{number:02d}.md").write_text(f"# X{number}\n\n" + "Filler text. " * 8 + "\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nnav:\n  - a.md\n  - b.md\n"
                                         "markdown_extensions:\n  - abbr\n  - footnotes\n", encoding="utf-8")
    built = _site_build(tmp_path, tmp_path / "site", jobs=1)
    assert built.returncode == 0, built.stderr
    page_a = (tmp_path / "site" / "a" / "index.html").read_text(encoding="utf-8")
    page_b = (tmp_path / "site" / "b" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="North Atlantic Treaty Organization">NATO</abbr>' in page_a and "A note on page A" in page_a
    assert "<abbr" not in page_b and "A note on page A" not in page_b


def test_markdown_is_reused_only_with_python_markdowns_own_extensions():
    from generator.site import _resets_cleanly

    assert _resets_cleanly({"markdown_extensions": ["toc", "tables", "markdown.extensions.abbr"]})
    assert not _resets_cleanly({"markdown_extensions": ["toc", "pymdownx.snippets"]})


def test_anchors_in_raw_html_are_found_and_a_missing_one_is_reported(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("# A\n\n<p><a id=\"here\"></a>Text.</p>\n\n<div title='x'ID=there>More.</div>\n",
                               encoding="utf-8")
    (docs / "b.md").write_text("# B\n\nIt said nothing of identity.\n\n"
                               "[one](a.md#here) [two](a.md#there) [three](a.md#nowhere)\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nnav:\n  - a.md\n  - b.md\nvalidation:\n  anchors: warn\n",
                                         encoding="utf-8")
    built = _site_build(tmp_path, tmp_path / "site", jobs=1)
    assert built.returncode == 1
    assert "#nowhere" in built.stderr and "Aborted with 1 warnings in strict mode" in built.stderr
    assert "#here" not in built.stderr and "#there" not in built.stderr


def test_a_page_that_may_name_an_anchor_is_parsed():
    from generator.site import _MAY_NAME_AN_ANCHOR as may

    for html in ('<p id="a">', "<a NAME=b>", '<div class="c"id=d>', "<x/id>", "<p\tid\n=e>"):
        assert may.search(html), html
    for text in ("She said it.", "<p class=identity>", "a name-less <b>", "<p data-id=1>", "<p>idle</p>"):
        assert not may.search(text), text


def _with_config(briefing: Path, folder: Path, change) -> Path:
    from mkdocs.utils import yaml_load     # MkDocs' reader: it knows the !ENV tag of site_url

    shutil.copytree(briefing, folder, ignore=shutil.ignore_patterns("site", ".site*"))
    text = (folder / "mkdocs.yml").read_text(encoding="utf-8")
    (folder / "mkdocs.yml").write_text(change(text), encoding="utf-8")
    assert yaml_load((folder / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python", "")) is not None
    return folder


def _untitled_nav(text: str) -> str:
    # The nav names the pages only: their titles come from the pages themselves.
    for title in ("Home", "Timeline", "Countries", "Topics", "People"):
        text = text.replace(f"  - {title}: ", "  - ")
    return text


def _tags_plugin(text: str) -> str:
    return text.replace("plugins:\n  - search\n", "plugins:\n  - search\n  - tags\n")


@pytest.mark.parametrize("change, parallel", [(_untitled_nav, True), (_tags_plugin, False)])
def test_any_configuration_builds_the_site_mkdocs_builds(briefing, tmp_path, change, parallel):
    folder = _with_config(briefing, tmp_path / "briefing", change)
    built = _site_build(folder, tmp_path / "ours", jobs=2)
    assert built.returncode == 0, built.stderr
    assert ("Building with MkDocs' own build" in built.stderr) is not parallel, built.stderr
    plain = _plain_build(folder, tmp_path / "plain")
    assert plain.returncode == 0, plain.stderr
    ours, theirs = _files(tmp_path / "ours"), _files(tmp_path / "plain")
    assert sorted(ours) == sorted(theirs)
    assert [name for name in theirs if ours[name] != theirs[name]] == []
    home = ours["index.html"].decode()
    assert ">None<" not in home and "Timeline" in home


@pytest.mark.parametrize("change, reason", [
    (_tags_plugin, "plugin material/tags"),
    (lambda text: text.replace("  - tables\n", "  - tables\n  - pymdownx.details\n"), "Markdown extension pymdownx.details"),
    (lambda text: text, None),
    (_untitled_nav, None),
])
def test_the_fence_says_why_a_configuration_is_not_built_in_parallel(briefing, tmp_path, change, reason):
    from mkdocs.config import load_config

    from generator.site import fence

    folder = _with_config(briefing, tmp_path / "briefing", change)
    refused = fence(load_config(config_file=str(folder / "mkdocs.yml")))
    assert (refused is None) if reason is None else refused.startswith(reason), refused


@pytest.mark.parametrize("value, site_url", [
    (None, None),                                               # unset: no address, the site works anywhere
    ("https://briefing.invalid/team", "https://briefing.invalid/team/"),
])
def test_site_url_comes_from_briefing_site_url(value, site_url, monkeypatch):
    """The shipped mkdocs.yml takes site_url from the environment (sitemap, canonical links and Material's
    instant navigation need it), and leaves it unset without the variable."""
    from mkdocs.config import load_config

    if value is None:
        monkeypatch.delenv("BRIEFING_SITE_URL", raising=False)
    else:
        monkeypatch.setenv("BRIEFING_SITE_URL", value)
    root = Path(__file__).resolve().parent.parent
    assert load_config(config_file=str(root / "mkdocs.yml"))["site_url"] == site_url


def test_a_page_naming_a_missing_template_stops_the_build_with_its_name_and_line(briefing, tmp_path):
    folder = tmp_path / "briefing"
    shutil.copytree(briefing, folder, ignore=shutil.ignore_patterns("site", ".site*", ".briefing-cache"))
    page = sorted((folder / "content" / "articles").glob("*.md"))[3]
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(2, "template: missing.html\n")
    page.write_text("".join(lines), encoding="utf-8")
    built = _site_build(folder, tmp_path / "site", jobs=2)
    assert built.returncode == 1
    assert "Traceback" not in built.stderr
    assert f"articles/{page.name}:3: template: 'missing.html' is not in overrides/ nor in the theme" in built.stderr
    assert not (tmp_path / "site").exists()


def test_the_collector_left_alone_builds_the_same_site(briefing, tmp_path, monkeypatch):
    """The collector paused, then frozen while the pages render (processes.collector_paused), is a speed-up
    only: left alone, as where another thread runs, the build makes the same bytes."""
    from contextlib import contextmanager

    from generator import processes, site

    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    folder = tmp_path / "briefing"
    shutil.copytree(briefing, folder, ignore=shutil.ignore_patterns(".briefing-cache", "site"))
    assert site.build_site(str(folder / "mkdocs.yml"), str(tmp_path / "tuned"), jobs=2, incremental=False) == 0

    @contextmanager
    def left_alone():
        yield processes.Collector(paused=False)
    monkeypatch.setattr(site, "collector_paused", left_alone)
    assert site.build_site(str(folder / "mkdocs.yml"), str(tmp_path / "plain"), jobs=2, incremental=False) == 0
    assert _files(tmp_path / "tuned") == _files(tmp_path / "plain")

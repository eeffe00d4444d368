"""The incremental site build (generator/site_cache.py, generator/site.py): after each kind of edit, the
site it makes from what the last build kept is byte for byte the site a cold build makes of the same
content/, and it renders only the pages whose inputs changed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.generate import generate
from generator.site import supported
from generator.site_cache import PageRecord, plan

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from make_corpus import write_corpus  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRIEFING_SKIP_GENERATE": "1"}
TODAY = "2025-01-15"       # one collection day for every run, so that regeneration is all the edits change
needs_parallel = pytest.mark.skipif(not supported(), reason="the incremental build needs MkDocs 1.6 and fork")


@pytest.fixture(scope="module")
def briefing(tmp_path_factory) -> Path:
    """The seeds and 260 synthetic articles, generated: some 870 pages."""
    from conftest import copy_briefing

    folder = copy_briefing(tmp_path_factory.mktemp("site-cache"))
    write_corpus(260, folder / "sources" / "synthetic", seed=7)
    generate(folder, today=TODAY)
    return folder


def _site_build(folder: Path, site: Path, *options: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "generator.site", "--config-file", str(folder / "mkdocs.yml"),
               "--site-dir", str(site), "--jobs", "2", *options]
    built = subprocess.run(command, cwd=folder, env=ENV, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    return built


def _files(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def _differences(ours: Path, theirs: Path) -> list[str]:
    mine, cold = _files(ours), _files(theirs)
    return sorted(set(mine) ^ set(cold)) + [name for name in sorted(cold) if name in mine and mine[name] != cold[name]]


def _rendered(built: subprocess.CompletedProcess) -> int | None:
    """How many pages the build rendered, None when it rendered every page."""
    match = re.search(r"Rendering (\d+) changed pages of \d+", built.stderr)
    return int(match.group(1)) if match else None


def _edit_an_article(folder: Path) -> None:
    page = sorted((folder / "content" / "articles").glob("*.md"))[5]
    text = page.read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    head = re.sub(r"(?m)^title: .*$", "title: A curated title", head, count=1)
    page.write_text(head + "\n---\n" + body + "\nA sentence the curator added.\n", encoding="utf-8")


def _add_a_source(folder: Path) -> None:
    write_corpus(1, folder / "sources" / "added", seed=99)


def _delete_a_page(folder: Path) -> None:
    source = sorted((folder / "sources" / "synthetic").iterdir())[10]
    slugs = [page for page in (folder / "content" / "articles").glob("*.md")
             if f"file: sources/synthetic/{source.name}" in page.read_text(encoding="utf-8")]
    source.unlink()
    for page in slugs:
        page.unlink()


def _relabel_a_topic(folder: Path) -> None:
    # A topic's page keeps its slug: the label changes on it and on every page of the topic. (A
    # country's page is named by its label: relabelling one renames a page, which renders every page.)
    path = folder / "taxonomy.yml"
    text = path.read_text(encoding="utf-8")
    assert "label: Military-technical cooperation\n" in text
    path.write_text(text.replace("label: Military-technical cooperation\n", "label: Arms and equipment cooperation\n",
                                 1), encoding="utf-8")


def _change_the_overrides(folder: Path) -> None:
    path = folder / "overrides" / "main.html"
    path.write_text(path.read_text(encoding="utf-8") + "{# an edit of the overrides #}\n<!-- edited -->\n",
                    encoding="utf-8")


EDITS = [(_edit_an_article, "some"), (_add_a_source, "all"), (_delete_a_page, "all"), (_relabel_a_topic, "some"),
         (_change_the_overrides, "all")]


@needs_parallel
def test_after_each_edit_the_incremental_build_makes_the_cold_build_s_site(briefing, tmp_path):
    folder = tmp_path / "briefing"
    shutil.copytree(briefing, folder)
    first = _site_build(folder, folder / "site")
    assert _rendered(first) is None and "no site cache" in first.stderr
    unchanged = _site_build(folder, folder / "site")
    assert _rendered(unchanged) == 0
    pages = sum(1 for _ in (folder / "content").rglob("*.md"))
    for number, (edit, rendered) in enumerate(EDITS):
        edit(folder)
        generate(folder, today=TODAY)
        built = _site_build(folder, folder / "site")
        cold = _site_build(folder, tmp_path / f"cold-{number}", "--cold")
        assert _differences(folder / "site", tmp_path / f"cold-{number}") == [], edit.__name__
        if rendered == "all":       # a new or deleted page changes the nav's set of pages; the theme every page
            assert _rendered(built) is None, (edit.__name__, built.stderr)
        else:
            assert 0 < (_rendered(built) or pages) < pages // 2, (edit.__name__, built.stderr)
        assert not (folder / ".briefing-cache" / "site").is_relative_to(tmp_path / f"cold-{number}")
        assert "Rendering" not in cold.stderr       # a cold build neither reads nor writes the cache
        shutil.rmtree(tmp_path / f"cold-{number}")


@needs_parallel
def test_the_comparison_fails_when_a_changed_page_is_not_rendered_again(briefing, tmp_path, monkeypatch):
    from generator import site, site_cache

    folder = tmp_path / "briefing"
    shutil.copytree(briefing, folder)
    _site_build(folder, folder / "site")
    _edit_an_article(folder)
    generate(folder, today=TODAY)
    skipped = []

    def skipping_one(*args, **kwargs):
        made = plan(*args, **kwargs)
        articles = [src for src in made.render if src.startswith("articles/")]
        skipped.append(articles[0])
        made.render.remove(articles[0])
        made.reuse.append(articles[0])
        return made

    monkeypatch.setattr(site_cache, "plan", skipping_one)
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    assert site.build_site(str(folder / "mkdocs.yml"), str(folder / "site"), jobs=1) == 0
    _site_build(folder, tmp_path / "cold", "--cold")
    page = Path(skipped[0]).with_suffix("").as_posix()
    differences = _differences(folder / "site", tmp_path / "cold")
    # The page, and the search index, whose files of that page's words differ too (generator/search.py).
    assert [name for name in differences if not name.startswith("search/")] == [f"{page}/index.html"]
    assert "search/search_index.json" in differences


@needs_parallel
def test_a_site_file_changed_in_place_is_rendered_again_and_a_broken_cache_means_a_cold_build(briefing, tmp_path):
    folder = tmp_path / "briefing"
    shutil.copytree(briefing, folder)
    _site_build(folder, folder / "site")
    page = next((folder / "site" / "articles").iterdir()) / "index.html"
    with open(page, "ab") as html:          # the same file as the one kept (a hard link)
        html.write(b"<!-- changed in place -->")
    assert _rendered(_site_build(folder, folder / "site")) == 1
    assert b"changed in place" not in page.read_bytes()
    (folder / ".briefing-cache" / "site" / "pages.marshal").write_bytes(b"not a cache")
    broken = _site_build(folder, folder / "site")
    assert _rendered(broken) is None and "unreadable site cache" in broken.stderr
    _site_build(folder, tmp_path / "cold", "--cold")
    assert _differences(folder / "site", tmp_path / "cold") == []


def _record(digest: str, output: str | None = "a/index.html", stat=(1, 2, 3)) -> PageRecord:
    return PageRecord(digest=digest, output=output, stat=stat)


@pytest.mark.parametrize("records, digests, kept, render", [
    (None, {"a.md": "1", "b.md": "2"}, {}, ["a.md", "b.md"]),                               # no cache
    ({"a.md": _record("1"), "b.md": _record("2")}, {"a.md": "1", "b.md": "2"},
     {"a.md": (1, 2, 3), "b.md": (1, 2, 3)}, []),                                           # nothing changed
    ({"a.md": _record("1"), "b.md": _record("2")}, {"a.md": "1", "b.md": "9"},
     {"a.md": (1, 2, 3), "b.md": (1, 2, 3)}, ["b.md"]),                                     # its Markdown changed
    ({"a.md": _record("1")}, {"a.md": "1", "c.md": "3"}, {"a.md": (1, 2, 3)}, ["c.md"]),    # a new page
    ({"a.md": _record("1"), "b.md": _record("2")}, {"a.md": "1", "b.md": "2"},
     {"a.md": None, "b.md": (1, 2, 4)}, ["a.md", "b.md"]),                                  # kept output gone, changed
    ({"a.md": _record("1", output=None, stat=None)}, {"a.md": "1"}, {}, []),                # a page that wrote nothing
])
def test_the_plan_renders_what_changed(records, digests, kept, render):
    made = plan(records, digests, kept)
    assert made.render == render
    assert made.reuse == [src for src in digests if src not in render]

"""Incremental runs: what a warm `briefing generate` skips must not change what it writes.

The check: after warm runs that saw sources change, appear and go, a full regeneration (no state
file, so every source is extracted and every page compared) finds nothing to write.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import frontmatter
import pytest

from generator.generate import generate
from generator.index import ONE_PAGE_LIMIT

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from make_corpus import write_corpus  # noqa: E402

STATE = Path(".briefing-cache") / "state.json"


@pytest.fixture
def briefing(project):
    """The seeds plus a synthetic corpus large enough that some countries get a page a year."""
    write_corpus(260, project / "sources" / "synthetic", seed=7)
    generate(project)
    return project


def _full_regeneration_writes_nothing(project: Path) -> list[str]:
    (project / STATE).unlink()
    return generate(project).changed


def test_big_countries_and_topics_get_a_page_a_year(briefing):
    content = briefing / "content"
    year_pages = sorted(content.glob("countries/*/*.md")) + sorted(content.glob("topics/*/*.md"))
    assert year_pages, f"no country or topic has more than {ONE_PAGE_LIMIT} articles"
    page = year_pages[0]
    main = (page.parent.parent / f"{page.parent.name}.md").read_text(encoding="utf-8")
    assert f"]({page.parent.name}/{page.name})" in main          # the main page links each year page
    listed = [line for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("- [")]
    assert listed and all("](../../articles/" in line for line in listed)
    small = [p for p in content.glob("countries/*.md") if not (p.parent / p.stem).is_dir() and p.name != "index.md"]
    assert small and "## Articles" in small[0].read_text(encoding="utf-8")


def test_warm_runs_write_what_a_full_regeneration_writes(briefing):
    sources = briefing / "sources" / "synthetic"
    changed = sorted(sources.glob("*.txt"))[10]
    changed.write_text(changed.read_text(encoding="utf-8")
                       + "\nDefense Minister of Hungary Kristof Szalay also attended the talks.\n", encoding="utf-8")
    sorted(sources.glob("*.txt"))[20].unlink()
    (sources / "new.txt").write_text(
        "Azerbaijan and Serbia sign a defence plan\n\nBelgrade, 3 March 2024. Serbian Defense Minister Milan "
        "Petrovic met Azerbaijani Chief of the General Staff Karim Valiyev.\n", encoding="utf-8")
    newest = max((briefing / "content" / "articles").glob("*.md"), key=lambda p: str(frontmatter.load(p).get("date") or ""))
    post = frontmatter.load(newest)
    post["title"] = "A title set by hand"        # the home page lists the newest articles by title
    newest.write_text(frontmatter.dumps(post) + "\n", encoding="utf-8")
    report = generate(briefing)
    assert report.extracted == 3
    assert "A title set by hand" in (briefing / "content" / "index.md").read_text(encoding="utf-8")
    assert len(report.missing_sources) == 1          # the deleted source's page is kept and marked
    assert _full_regeneration_writes_nothing(briefing) == []


def test_a_source_saved_again_unchanged_is_not_extracted(briefing):
    source = sorted((briefing / "sources" / "synthetic").glob("*.txt"))[3]
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    assert generate(briefing).extracted == 0        # hashed, found unchanged
    assert generate(briefing).extracted == 0        # and its new mtime remembered


def _set_in_taxonomy(project: Path, section: str, slug: str, key: str, value: str) -> None:
    """One field of one taxonomy entry, written anew (the entry's field on one line of taxonomy.yml)."""
    from generator.taxonomy import load_taxonomy

    path = project / "taxonomy.yml"
    old = f"{key}: {getattr(getattr(load_taxonomy(path), section)[slug], key)}\n"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, f"{key}: {value}\n"), encoding="utf-8")


def test_a_relabelled_topic_extracts_only_the_pages_that_show_it(briefing):
    showing = [p for p in (briefing / "content" / "articles").glob("*.md")
               if "defence-industry" in (frontmatter.load(p).get("topics") or [])]
    assert 0 < len(showing) < len(list((briefing / "content" / "articles").glob("*.md")))
    _set_in_taxonomy(briefing, "topics", "defence-industry", "label", "Defence manufacturing")
    report = generate(briefing)
    assert report.extracted == len(showing) and not report.errors
    assert all("[Defence manufacturing](../topics/defence-industry.md)" in p.read_text(encoding="utf-8") for p in showing)
    assert "Defence manufacturing" in (briefing / "content" / "topics" / "index.md").read_text(encoding="utf-8")
    assert _full_regeneration_writes_nothing(briefing) == []


def test_a_page_edited_by_hand_is_drafted_from_the_kept_extraction(briefing, monkeypatch):
    """Its source unchanged, the page is drafted again (its body shows the edit) from what the last run
    extracted, not extracted again; the pages are what a full regeneration writes."""
    import generator.generate

    page = sorted((briefing / "content" / "articles").glob("*.md"))[7]
    post = frontmatter.load(page)
    post["title"] = "A title set by hand"
    page.write_text(frontmatter.dumps(post) + "\n", encoding="utf-8")

    def not_again(*args, **kwargs):
        raise AssertionError("extracted again")
    monkeypatch.setattr(generator.generate, "extract_article", not_again)
    report = generate(briefing)
    assert report.extracted == 1 and not report.errors
    assert "# A title set by hand" in page.read_text(encoding="utf-8")
    monkeypatch.undo()
    assert _full_regeneration_writes_nothing(briefing) == []


def test_a_new_topic_description_extracts_nothing_and_renders_the_index_pages(briefing):
    _set_in_taxonomy(briefing, "topics", "defence-industry", "description", "Who makes the weapons.")
    report = generate(briefing)
    assert report.extracted == 0 and report.changed == ["topics/defence-industry.md"]
    assert _full_regeneration_writes_nothing(briefing) == []


def test_a_relabelled_person_extracts_every_source_again(briefing):
    """What the extractor reads of the taxonomy (a person's label is a spelling it finds) changed."""
    _set_in_taxonomy(briefing, "people", "zakir-hasanov", "label", "Zakir Hasanov Jr")
    report = generate(briefing)
    assert report.extracted == report.articles == len(list((briefing / "content" / "articles").glob("*.md")))
    assert _full_regeneration_writes_nothing(briefing) == []


def test_a_relative_root_finds_every_source(project, monkeypatch):
    monkeypatch.chdir(project)
    first = generate(Path("."))
    assert first.missing_sources == [] and first.errors == []
    second = generate(Path("."))
    assert second.extracted == 0 and second.changed == []


def test_a_deleted_year_page_comes_back(briefing):
    content = briefing / "content"
    page = (sorted(content.glob("countries/*/*.md")) + sorted(content.glob("topics/*/*.md")))[0]   # a country's or a topic's
    text = page.read_text(encoding="utf-8")
    page.unlink()
    generate(briefing)
    assert page.read_text(encoding="utf-8") == text
    shutil.rmtree(page.parent)
    generate(briefing)
    assert page.exists()


def test_a_hand_edited_title_reaches_the_listings(briefing):
    newest = max((briefing / "content" / "articles").glob("*.md"), key=lambda p: str(frontmatter.load(p).get("date") or ""))
    post = frontmatter.load(newest)
    post["title"] = "A title set by hand"        # the home page and the feed list the newest articles by title
    newest.write_text(frontmatter.dumps(post) + "\n", encoding="utf-8")
    generate(briefing)
    assert "A title set by hand" in (briefing / "content" / "index.md").read_text(encoding="utf-8")
    assert "A title set by hand" in (briefing / "content" / "feed.xml").read_text(encoding="utf-8")
    assert _full_regeneration_writes_nothing(briefing) == []


def _index_pages_match_a_full_rendering(project: Path) -> list[str]:
    """The index pages on disk that differ from rendering them all from the article pages as they are."""
    from generator.generate import load_about, mark_generated
    from generator.index import build_index_pages
    from generator.pages import read_page
    from generator.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(project / "taxonomy.yml")
    pages = [read_page(p, taxonomy, p.name) for p in sorted((project / "content" / "articles").glob("*.md"))]
    expected = build_index_pages(pages, taxonomy, load_about(taxonomy))
    content = project / "content"
    on_disk = {p.relative_to(content).as_posix() for folder in ("countries", "topics", "people", "organizations", "timeline")
               for p in (content / folder).rglob("*.md")}
    return sorted(key for key in set(expected) | on_disk
                  if not (content / key).exists() or key not in expected
                  or (content / key).read_text(encoding="utf-8") != mark_generated(expected[key]))


def test_a_warm_run_renders_only_the_index_pages_whose_view_of_an_article_changed(briefing, monkeypatch):
    import generator.generate

    redone = []
    real = generator.generate._index_pages_to_redo
    monkeypatch.setattr(generator.generate, "_index_pages_to_redo", lambda *a: redone.append(real(*a)) or redone[-1])
    articles = sorted((briefing / "content" / "articles").glob("*.md"))
    with_people = [p for p in articles if frontmatter.load(p).get("people")]
    with_events = [p for p in articles if any(e.get("date") for e in frontmatter.load(p).get("events") or [])]
    edits = [
        (articles[0], lambda post: post.__setitem__("summary", "A summary rewritten by hand.")),
        (with_people[1], lambda post: post["people"][0].__setitem__("role", "Envoy, as corrected by hand")),
        (with_events[-1], lambda post: [e.__setitem__("what", "An event told by hand.") for e in post["events"]]),
        (articles[3], lambda post: post.__setitem__("topics", (post.get("topics") or [])[1:])),
        (articles[4], lambda post: post.metadata.update(date="2011-05", date_precision="month")),
        (articles[5], lambda post: post.__setitem__("source", "A source named by hand")),
        (articles[6], lambda post: post.__setitem__("countries", sorted(set(post["countries"]) | {"GE"}))),
        (articles[7], lambda post: post.__setitem__("organizations", (post.get("organizations") or [])[1:]
                                                    + ["A Council named by hand"])),
    ]
    for page, edit in edits:
        post = frontmatter.load(page)
        edit(post)
        page.write_text(frontmatter.dumps(post) + "\n", encoding="utf-8")
        assert generate(briefing).errors == []
        assert _index_pages_match_a_full_rendering(briefing) == [], f"after editing {page.name}"
    assert redone[0] == {"feed.xml"}        # a summary shows in the feed only
    person_page = sorted((briefing / "content" / "people").glob("*.md"))[-1]
    person_page.unlink()                    # deleted by hand: back at the next run, whatever changed
    post = frontmatter.load(articles[0])
    post["summary"] = "A summary rewritten by hand once more."
    articles[0].write_text(frontmatter.dumps(post) + "\n", encoding="utf-8")
    generate(briefing)
    assert person_page.exists() and _index_pages_match_a_full_rendering(briefing) == []
    role_pages = {key.split("/")[0] for key in redone[1]}
    assert "people" in role_pages and "topics" not in role_pages


def test_an_organisation_no_article_names_any_more_loses_its_page(project):
    generate(project)
    content = project / "content"
    own = content / "organizations" / "notes.md"
    own.write_text("# My notes on the ministries\n", encoding="utf-8")     # a curator's page, not the generator's
    named = {}
    for path in sorted((content / "articles").glob("*.md")):
        for name in frontmatter.load(path).get("organizations") or []:
            named.setdefault(name, []).append(path)
    name, (path,) = next((n, p) for n, p in named.items() if len(p) == 1)
    page = next(p for p in (content / "organizations").glob("*.md") if f"# {name}\n" in p.read_text(encoding="utf-8"))
    post = frontmatter.load(path)
    post["organizations"] = [o for o in post["organizations"] if o != name] + ["A Council named by hand"]
    path.write_text(frontmatter.dumps(post) + "\n", encoding="utf-8")
    report = generate(project)
    assert not page.exists() and f"content/organizations/{page.name}" in report.changed
    added = (content / "organizations" / "a-council-named-by-hand.md").read_text(encoding="utf-8")
    assert f"](../articles/{path.name})" in added
    assert "[A Council named by hand](a-council-named-by-hand.md) (1)" in (content / "organizations" / "index.md").read_text(encoding="utf-8")
    assert own.read_text(encoding="utf-8") == "# My notes on the ministries\n"
    own.unlink()
    assert _index_pages_match_a_full_rendering(project) == []


def test_many_undated_articles_get_a_timeline_page_of_their_own(project, monkeypatch):
    import generator.index

    monkeypatch.setattr(generator.index, "ONE_PAGE_LIMIT", 20)
    write_corpus(260, project / "sources" / "synthetic", seed=7)
    generate(project)
    timeline = project / "content" / "timeline"
    undated = [p for p in (project / "content" / "articles").glob("*.md") if not frontmatter.load(p).get("date")]
    assert len(undated) > 20
    index, page = (timeline / "index.md").read_text(encoding="utf-8"), (timeline / "undated.md").read_text(encoding="utf-8")
    assert f"[Date not stated](undated.md): {len(undated)} articles" in index
    # The index lists none of them (it may still link one from a dated event it reports: "*(in [...])*").
    listed = {line for line in index.splitlines() if line.startswith("- [")}
    assert all(not any(f"../articles/{p.name})" in line for line in listed) and f"../articles/{p.name})" in page
               for p in undated)
    assert frontmatter.loads(page)["search"] == {"exclude": True}
    # The article an undated one becomes, once its source states a date: off the page, warm run or not.
    source = project / frontmatter.load(undated[0])["provenance"]["file"]
    source.write_text("Baku, 3 March 2024.\n" + source.read_text(encoding="utf-8"), encoding="utf-8")
    generate(project)
    assert f"../articles/{undated[0].name})" not in (timeline / "undated.md").read_text(encoding="utf-8")
    assert _full_regeneration_writes_nothing(project) == []


def test_a_run_after_one_that_died_removes_what_it_left(briefing):
    marks = briefing / STATE.parent
    assert not list(marks.glob("writing-*"))        # a finished run leaves no mark
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (marks / f"writing-{int(dead.stdout)}").touch()  # as a run killed while writing leaves it
    leftover = briefing / "content" / "articles" / f".briefing-tmp-{int(dead.stdout)}-7.partial"
    leftover.write_text("half a pa", encoding="utf-8")
    generate(briefing)
    assert not leftover.exists()
    assert not list(marks.glob("writing-*"))


@pytest.mark.parametrize("fork", [True, False], ids=["forked", "started afresh"])
def test_a_run_in_worker_processes_writes_what_one_process_writes(briefing, tmp_path, monkeypatch, fork):
    """Extraction, the links pass and the index pages in worker processes (forked, or started afresh
    as where a fork is not safe): the same pages and state as the run of the fixture, in one process."""
    import json

    import generator.generate
    import generator.processes

    other = tmp_path / "other"
    shutil.copytree(briefing, other, ignore=shutil.ignore_patterns("content", ".briefing-cache"))
    (other / "content").mkdir()
    monkeypatch.setattr(generator.generate, "EXTRACTION_PROCESSES_FROM", 2)
    monkeypatch.setattr(generator.generate, "WRITING_PROCESSES_FROM", 2)
    monkeypatch.setattr(generator.processes, "fork_is_safe", lambda: fork)
    writers = tmp_path / "writers.txt"
    real_call = generator.generate.PageWriting.__call__

    def watched(self, task):
        with open(writers, "a", encoding="utf-8") as stream:      # a worker's list would be its own
            stream.write(f"{os.getpid()}\n")
        return real_call(self, task)
    monkeypatch.setattr(generator.generate.PageWriting, "__call__", watched)
    report = generate(other, jobs=2)
    assert not report.errors
    if fork:        # a process started afresh runs the module as it is, not as patched here
        assert str(os.getpid()) not in set(writers.read_text(encoding="utf-8").split())
    assert _pages(other) == _pages(briefing)

    def entries(root):          # the page files' mtimes differ between the two runs; the rest must not
        pages = json.loads((root / STATE).read_text(encoding="utf-8"))["pages"]
        return {page: {k: v for k, v in entry.items() if k != "mtime_ns"} for page, entry in pages.items()}
    assert entries(other) == entries(briefing)


def _pages(root: Path) -> dict[Path, bytes]:
    return {p.relative_to(root): p.read_bytes() for p in sorted((root / "content").rglob("*")) if p.is_file()}


def test_the_state_this_process_saved_is_taken_back_only_while_the_file_is_the_one_it_wrote(tmp_path):
    import json

    from generator.state import State, forget_saved, load_state, save_state

    state = State(taxonomy="t", index_pages=["index.md"])
    save_state(tmp_path, state)
    assert load_state(tmp_path) is state
    data = json.loads((tmp_path / STATE).read_text(encoding="utf-8"))
    data["index_pages"] = ["feed.xml"]
    (tmp_path / STATE).write_text(json.dumps(data), encoding="utf-8")       # another process's run
    again = load_state(tmp_path)
    assert again is not state and again.index_pages == ["feed.xml"]
    save_state(tmp_path, again)
    forget_saved(tmp_path)                      # a run that failed after changing it
    assert load_state(tmp_path) is not again

"""Generation end to end on a copy of the project: pages, indexes, hand edits, bad input."""

from __future__ import annotations

from pathlib import Path

import frontmatter

from generator.generate import generate


def _page(project, slug):
    return frontmatter.load(project / "content" / "articles" / f"{slug}.md")


BEIJING = "ministers-of-defense-of-azerbaijan-and-china-meet-in-beijing"
ROOT_TESTS = Path(__file__).resolve().parent


def test_generates_articles_and_index_pages(project):
    report = generate(project)
    assert report.errors == [] and report.articles == 5
    content = project / "content"
    assert len(list((content / "articles").glob("*.md"))) == 5
    for page in ("index.md", "timeline/index.md", "timeline/2019.md", "countries/azerbaijan.md", "countries/china.md", "countries/serbia.md",
                 "people/wei-fenghe.md", "people/zakir-hasanov.md", "people/yao-qin.md", "people/karim-valiyev.md"):
        assert (content / page).exists(), page
    assert len(list((content / "topics").glob("*.md"))) >= 6
    china = (content / "countries/china.md").read_text()
    assert china.count("](../articles/") == 4
    front = _page(project, BEIJING)
    assert front["provenance"]["file"] == "sources/004_ad36e5a10f87839d.txt"
    assert len(front["provenance"]["sha256"]) == 64


def test_second_run_changes_nothing(project):
    generate(project)
    assert generate(project).changed == []


def test_the_shipped_content_is_what_generate_writes(project):
    import shutil

    shutil.rmtree(project / "content")
    shutil.copytree(ROOT_TESTS.parent / "content", project / "content")
    assert generate(project).changed == []      # the demo site in the repository is not out of date


def test_hand_edit_is_kept_and_shown_in_indexes(project):
    generate(project)
    path = project / "content" / "articles" / f"{BEIJING}.md"
    post = frontmatter.load(path)
    post["title"] = "Hasanov and Wei meet in Beijing (edited)"
    post["topics"] = list(post["topics"]) + ["peacekeeping"]
    path.write_text(frontmatter.dumps(post) + "\n", encoding="utf-8")
    report = generate(project)
    after = _page(project, BEIJING)
    assert after["title"] == "Hasanov and Wei meet in Beijing (edited)"
    assert "peacekeeping" in after["topics"]
    assert "# Hasanov and Wei meet in Beijing (edited)" in after.content
    assert "edited" in (project / "content" / "countries" / "china.md").read_text()
    assert "[Peacekeeping](../topics/peacekeeping.md)" in after.content
    assert f"articles/{BEIJING}.md" in (project / "content" / "topics" / "peacekeeping.md").read_text()
    assert any(BEIJING in line for line in report.edited)


def test_bad_sources_are_reported_and_the_rest_builds(project):
    (project / "sources" / "empty.txt").write_bytes(b"")
    (project / "sources" / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    report = generate(project)
    assert sorted(e.path for e in report.errors) == ["sources/binary.txt", "sources/empty.txt"]
    assert report.articles == 5


def test_broken_page_is_named_with_its_line_and_left_alone(project):
    generate(project)
    path = project / "content" / "articles" / f"{BEIJING}.md"
    text = path.read_text().replace("date_precision: day", "date_precision: week")
    path.write_text(text)
    report = generate(project)
    [error] = report.errors
    assert error.path == f"content/articles/{BEIJING}.md" and error.line is not None
    assert "date_precision" in str(error)
    assert path.read_text() == text
    assert len(list((project / "content" / "articles").glob("*.md"))) == 5


def test_a_later_article_with_the_same_headline_gets_its_own_page(project):
    (project / "sources" / "one.txt").write_bytes((ROOT_TESTS / "hostile" / "same_headline_one.txt").read_bytes())
    generate(project)
    first = (project / "content" / "articles" / "defence-ministers-meet.md").read_text()
    (project / "sources" / "two.txt").write_bytes((ROOT_TESTS / "hostile" / "same_headline_two.txt").read_bytes())
    report = generate(project)
    assert report.errors == []
    pages = sorted((project / "content" / "articles").glob("defence-ministers-meet*.md"))
    assert len(pages) == 2
    assert (project / "content" / "articles" / "defence-ministers-meet.md").read_text() == first


def test_a_hand_edited_event_date_that_is_no_date_is_reported(project):
    generate(project)
    path = project / "content" / "articles" / f"{BEIJING}.md"
    post = frontmatter.load(path)
    post["events"] = [{"date": "<b>soon</b>", "what": "A meeting."}]
    path.write_text(frontmatter.dumps(post) + "\n", encoding="utf-8")
    report = generate(project)
    [error] = report.errors
    assert "events" in str(error) and "<b>soon</b>" in str(error)


def test_three_identical_headlines_get_three_pages(project):
    text = (project / "sources" / "001_93f67bd839113d4f.txt").read_text(encoding="utf-8")
    for name in ("copy_a.txt", "copy_b.txt", "copy_c.txt"):
        (project / "sources" / name).write_text(text, encoding="utf-8")
    report = generate(project)
    assert report.errors == []
    assert len(list((project / "content" / "articles").glob("azerbaijan-and-china-discuss-military-collaboration*.md"))) == 4


def test_a_page_that_cannot_be_written_is_reported(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (project / "content" / "countries").mkdir(parents=True)
    (project / "content" / "countries" / "china.md").symlink_to(outside / "china.md")
    report = generate(project)
    assert [e.path for e in report.errors] == ["content/countries/china.md"]
    assert report.articles == 5


def test_pages_do_not_depend_on_hash_seeds(project, tmp_path_factory):
    import filecmp
    import os
    import shutil
    import subprocess
    import sys

    other = tmp_path_factory.mktemp("other") / "copy"
    shutil.copytree(project, other)
    for folder, seed in ((project, "1"), (other, "2")):
        subprocess.run([sys.executable, "-m", "generator", "--root", str(folder), "generate"], check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True)
    compared = filecmp.dircmp(project / "content", other / "content")
    differing = list(compared.diff_files)
    for sub in compared.subdirs.values():
        differing += sub.diff_files
    assert differing == []


def test_one_changed_source_rewrites_only_its_page_and_the_indexes_that_show_it(project):
    generate(project)
    source = project / "sources" / "003_f97a6143e291fa60.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nThe talks also touched on Hungary.\n", encoding="utf-8")
    report = generate(project)
    assert report.extracted == 1
    changed = set(report.changed)
    assert "articles/azerbaijan-serbia-strengthen-military-cooperation.md" in changed
    assert "countries/hungary.md" in changed and "countries/serbia.md" in changed
    assert "countries/china.md" not in changed        # the Serbia article is not on the China page
    assert "Hungary" in (project / "content/countries/index.md").read_text()


def test_deleted_pages_and_index_pages_are_handled_on_a_warm_run(project):
    generate(project)
    (project / "content/countries/serbia.md").unlink()
    generate(project)
    assert (project / "content/countries/serbia.md").exists()
    (project / "content" / "articles" / f"{BEIJING}.md").unlink()
    (project / "sources" / "004_ad36e5a10f87839d.txt").unlink()
    generate(project)
    assert "Ministers of Defense" not in (project / "content/countries/china.md").read_text()


def test_a_page_that_is_not_utf8_is_reported_and_left_alone(project):
    generate(project)
    path = project / "content" / "articles" / f"{BEIJING}.md"
    data = path.read_bytes() + b"\n\xff\xfe broken\n"
    path.write_bytes(data)
    report = generate(project)
    assert [e.path for e in report.errors] == [f"content/articles/{BEIJING}.md"]
    assert "UTF-8" in str(report.errors[0])
    assert path.read_bytes() == data


def test_the_garbage_collector_is_back_as_it_was_after_a_run(project):
    import gc

    assert gc.isenabled()
    generate(project)
    assert gc.isenabled()
    gc.disable()
    try:
        generate(project)
        assert not gc.isenabled()       # a caller that paused it keeps it paused
    finally:
        gc.enable()


def test_a_run_with_the_collector_left_alone_writes_the_same_pages(project, tmp_path, monkeypatch):
    """Pausing the collector (processes.collector_paused) is a speed-up only: the public way, as where
    another thread runs, writes the same pages."""
    import shutil
    from contextlib import contextmanager

    import generator.generate
    from generator.processes import Collector

    other = tmp_path / "other"
    shutil.copytree(project, other)
    generate(project, today="2025-01-15")

    @contextmanager
    def left_alone():
        yield Collector(paused=False)
    monkeypatch.setattr(generator.generate, "collector_paused", left_alone)
    generate(other, today="2025-01-15")
    files = {p.relative_to(project / "content"): p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()}
    assert files == {p.relative_to(other / "content"): p.read_bytes() for p in (other / "content").rglob("*") if p.is_file()}

"""The live preview's regeneration (generator/watch.py, run by `mkdocs serve` through the plugin)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import frontmatter

from generator.generate import generate
from generator.state import STATE_FILE
from generator.watch import Regenerator

BEIJING = "ministers-of-defense-of-azerbaijan-and-china-meet-in-beijing"


def _wait_for(condition, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def _source(project: Path) -> Path:
    """The source of the Beijing meeting's page."""
    return next(p for p in (project / "sources").iterdir() if p.name.startswith("004_"))


def _mtimes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*.md")}


def test_a_regenerator_that_only_runs_once_starts_no_thread(project):
    before = set(threading.enumerate())
    regenerator = Regenerator(project)
    regenerator.run()
    assert set(threading.enumerate()) - before == set()
    assert (project / "content" / "articles" / f"{BEIJING}.md").exists()
    regenerator.stop()      # never started: nothing to stop, and no error


def test_a_changed_source_regenerates_its_page_and_the_pages_that_list_it(project):
    generate(project)
    content = project / "content"
    before = _mtimes(content)
    source = _source(project)
    state = project / STATE_FILE
    saved = state.stat().st_mtime_ns
    regenerator = Regenerator(project)
    regenerator.start()
    try:
        sentence = "The sides also discussed the situation in Georgia."
        source.write_text(source.read_text(encoding="utf-8") + "\n" + sentence + "\n", encoding="utf-8")
        page = content / "articles" / f"{BEIJING}.md"
        assert _wait_for(lambda: sentence in page.read_text(encoding="utf-8")), "the page was not regenerated"
        assert _wait_for(lambda: state.stat().st_mtime_ns != saved), "the run did not finish"   # saved last
    finally:
        regenerator.stop()
    after = _mtimes(content)
    changed = {name for name in after if after[name] != before.get(name)}
    assert f"articles/{BEIJING}.md" in changed
    # Only pages that show this article changed: none of the other four articles' pages.
    assert not {name for name in changed if name.startswith("articles/")} - {f"articles/{BEIJING}.md"}
    assert "countries/georgia.md" in changed      # the new country's page lists the article
    # Every other page that changed lists the article, but the countries index, which counts it.
    for name in changed - {f"articles/{BEIJING}.md", "countries/index.md"}:
        assert BEIJING in (content / name).read_text(encoding="utf-8"), name
    assert "GE" in frontmatter.load(page)["countries"]


class _CountingRegenerator(Regenerator):
    def __init__(self, root: Path):
        super().__init__(root)
        self.runs = 0

    def run(self) -> None:
        super().run()
        self.runs += 1


def test_a_regeneration_does_not_set_off_another(project):
    # A run reads taxonomy.yml and the pages; reading is not a change.
    generate(project)
    regenerator = _CountingRegenerator(project)
    regenerator.start()
    try:
        taxonomy = project / "taxonomy.yml"
        taxonomy.write_text(taxonomy.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        assert _wait_for(lambda: regenerator.runs == 1), "a change of taxonomy.yml was not seen"
        time.sleep(2)
        assert regenerator.runs == 1
        source = _source(project)
        source.write_text(source.read_text(encoding="utf-8") + "\nThe sides also met in Georgia.\n", encoding="utf-8")
        assert _wait_for(lambda: regenerator.runs == 2), "a change of a source was not seen"
        time.sleep(2)       # the run rewrote the article page: its own write is not a change
        assert regenerator.runs == 2
    finally:
        regenerator.stop()


def test_an_editors_atomic_save_is_seen(project):
    # Many editors write a hidden temporary file and rename it over the file they save.
    generate(project)
    source = _source(project)
    sentence = "The sides also discussed the situation in Georgia."
    regenerator = Regenerator(project)
    regenerator.start()
    try:
        temporary = source.with_name(f".{source.name}.swp")
        temporary.write_text(source.read_text(encoding="utf-8") + "\n" + sentence + "\n", encoding="utf-8")
        temporary.replace(source)
        page = project / "content" / "articles" / f"{BEIJING}.md"
        assert _wait_for(lambda: sentence in page.read_text(encoding="utf-8")), "the saved source was not seen"
    finally:
        regenerator.stop()

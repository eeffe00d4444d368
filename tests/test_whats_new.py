"""What is new: the day each article entered the briefing (provenance.collected), set once and kept, and
the home page's latest articles and the Atom feed ordered by it, undated articles included."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET

import frontmatter
import pytest
import yaml

from curation_support import add_topic_keyword as _change_taxonomy, change_source as _change_source
from generator.errors import BriefingError
from generator.feed import ATOM
from generator.generate import collection_day, generate
from generator.index import About, render_home
from generator.pages import ArticlePage, front_matter
from generator.schema import check_front_matter

FIRST_DAY, LATER_DAY = "2024-01-10", "2024-03-05"
BEIJING = "ministers-of-defense-of-azerbaijan-and-china-meet-in-beijing"
BEIJING_SOURCE = "sources/004_ad36e5a10f87839d.txt"
UNDATED = "azerbaijan-and-china-discuss-military-collaboration"         # the shipped corpus's undated ones
NS = {"a": ATOM}


def _front(project, slug=BEIJING) -> dict:
    return frontmatter.load(project / "content" / "articles" / f"{slug}.md").metadata


def _collected(project, slug=BEIJING) -> str:
    return _front(project, slug)["provenance"]["collected"]


def _all_collected(project) -> dict[str, str]:
    return {p.stem: frontmatter.load(p)["provenance"]["collected"]
            for p in sorted((project / "content" / "articles").glob("*.md"))}


def _home_slugs(project) -> list[str]:
    home = (project / "content" / "index.md").read_text(encoding="utf-8")
    latest = home.split("## Latest articles", 1)[1]
    return [line.split("](articles/", 1)[1].split(".md)", 1)[0] for line in latest.splitlines() if line.startswith("- [")]


def _feed(project) -> list[dict]:
    root = ET.parse(project / "content" / "feed.xml").getroot()
    return [{"slug": e.find("a:link", NS).get("href")[len("articles/"):-1],
             "id": e.findtext("a:id", namespaces=NS),
             "published": e.findtext("a:published", namespaces=NS),
             "updated": e.findtext("a:updated", namespaces=NS),
             "summary": e.findtext("a:summary", namespaces=NS)} for e in root.findall("a:entry", NS)]


# ---------------------------------------------------------------- the collected date: set once, never changed


def _edit_other_fields(project):
    path = project / "content" / "articles" / f"{BEIJING}.md"
    post = frontmatter.load(path)
    post["title"] = "Hasanov meets Wei in Beijing"
    post["summary"] = "Edited by hand."
    path.write_text(frontmatter.dumps(post) + "\n", encoding="utf-8")


def _rename_source(project):
    (project / BEIJING_SOURCE).rename(project / "sources" / "beijing-visit.txt")


def _nothing(project):
    pass


@pytest.mark.parametrize("change", [_nothing, _change_source, _change_taxonomy, _edit_other_fields, _rename_source],
                         ids=["second run", "source changed", "taxonomy changed", "other fields edited", "source renamed"])
def test_the_collected_date_survives_a_run_on_a_later_day(project, change):
    generate(project, today=FIRST_DAY)
    assert set(_all_collected(project).values()) == {FIRST_DAY}
    sha = _front(project)["provenance"]["sha256"]
    change(project)
    report = generate(project, today=LATER_DAY)
    assert report.errors == [] and report.missing_sources == []
    assert _all_collected(project) == dict.fromkeys(_all_collected(project), FIRST_DAY)
    assert len(_all_collected(project)) == 5               # the pages themselves, no new one
    front = _front(project)
    if change is _change_source:
        assert front["provenance"]["sha256"] != sha      # the provenance was made again, the date kept
    if change is _rename_source:
        assert front["provenance"]["file"] == "sources/beijing-visit.txt"
    if change is _edit_other_fields:
        assert front["title"] == "Hasanov meets Wei in Beijing"


def test_the_collected_date_is_kept_in_the_page_not_only_in_the_state(project):
    generate(project, today=FIRST_DAY)
    shutil.rmtree(project / ".briefing-cache")       # a fresh clone: the committed pages, no state
    _change_source(project)
    generate(project, today=LATER_DAY)
    assert set(_all_collected(project).values()) == {FIRST_DAY}


def test_a_page_first_made_on_a_later_day_is_collected_that_day(project):
    generate(project, today=FIRST_DAY)
    (project / "sources" / "baku.txt").write_text(
        "Defence talks in Baku\n\nDefense Minister Zakir Hasanov received the Serbian delegation on 3 May 2024. "
        "Hasanov said Serbia and Azerbaijan would deepen ties.\n", encoding="utf-8")
    generate(project, today=LATER_DAY)
    collected = _all_collected(project)
    assert collected.pop("defence-talks-in-baku") == LATER_DAY
    assert set(collected.values()) == {FIRST_DAY}


def test_the_clock_comes_from_briefing_today(project, monkeypatch):
    monkeypatch.setenv("BRIEFING_TODAY", LATER_DAY)
    generate(project)
    assert set(_all_collected(project).values()) == {LATER_DAY}


@pytest.mark.parametrize("value", ["2024-02-30", "yesterday", "2024-1-5", "20240105"])
def test_a_clock_that_is_not_a_day_is_refused(value, monkeypatch):
    monkeypatch.setenv("BRIEFING_TODAY", value)
    with pytest.raises(BriefingError, match="BRIEFING_TODAY"):
        collection_day()


@pytest.mark.parametrize("collected, problem", [
    ("2024-01-10", None), ("2024-02-30", "provenance"), ("10 January 2024", "provenance"), (20240110, "provenance"),
])
def test_a_collected_date_edited_by_hand_is_checked(collected, problem, taxonomy):
    front = {"title": "T", "provenance": {"file": "sources/a.txt", "collected": collected}}
    assert [field for field, _ in check_front_matter(front, taxonomy)] == ([problem] if problem else [])


# ---------------------------------------------------------------- what is new: by collection, undated included


def _add_2019_story(project):
    (project / "sources" / "archive.txt").write_text(
        "Azerbaijani and Serbian officers end a staff course\n\n12 March 2019\n\n"
        "Officers of Azerbaijan and Serbia completed a joint staff course in Belgrade on 12 March 2019, "
        "the Ministry of Defence said.\n", encoding="utf-8")


def test_a_2019_story_collected_today_leads_the_home_page_and_the_feed(project):
    generate(project, today=FIRST_DAY)
    _add_2019_story(project)
    generate(project, today=LATER_DAY)
    new = "azerbaijani-and-serbian-officers-end-a-staff-course"
    assert _front(project, new)["date"] == "2019-03-12"
    assert _home_slugs(project)[0] == new
    home = (project / "content" / "index.md").read_text(encoding="utf-8")
    line = next(line for line in home.splitlines() if f"](articles/{new}.md)" in line)
    assert "12 March 2019" in line and "collected 5 March 2024" in line
    entries = _feed(project)
    assert entries[0]["slug"] == new
    assert entries[0]["published"] == entries[0]["updated"] == f"{LATER_DAY}T00:00:00Z"
    assert entries[0]["id"] == f"urn:briefing:article:{new}"
    assert entries[0]["summary"].startswith("Story date: 12 March 2019.")
    assert {e["updated"] for e in entries[1:]} == {f"{FIRST_DAY}T00:00:00Z"}


def test_undated_articles_are_on_the_home_page_and_in_the_feed(project):
    generate(project, today=FIRST_DAY)
    undated = {slug for slug in _all_collected(project) if not _front(project, slug).get("date")}
    assert UNDATED in undated
    assert undated <= set(_home_slugs(project))
    assert undated <= {e["slug"] for e in _feed(project)}
    assert len(_feed(project)) == len(_all_collected(project)) == 5
    home = (project / "content" / "index.md").read_text(encoding="utf-8")
    line = next(line for line in home.splitlines() if f"](articles/{UNDATED}.md)" in line)
    assert "date not stated" in line and "collected 10 January 2024" in line


def _page(slug: str, date: str | None, collected: str | None) -> ArticlePage:
    front = {"title": slug.title(), "date": date, "date_precision": "day" if date else None}
    if collected:
        front["provenance"] = {"file": f"sources/{slug}.txt", "collected": collected}
    return ArticlePage(slug, None, front_matter(front), "")


def test_the_home_page_lists_the_latest_collected_first_then_by_story_date(taxonomy):
    pages = [_page(f"old-{n:02}", f"2024-05-{n:02}", "2024-06-01") for n in range(1, 13)]
    pages += [_page("undated-new", None, "2024-07-01"), _page("story-2019-new", "2019-01-01", "2024-07-01"),
              _page("by-hand", "2025-01-01", None)]
    home = render_home(pages, taxonomy, About("Briefing", ""))
    slugs = [line.split("](articles/", 1)[1].split(".md)", 1)[0] for line in home.splitlines() if line.startswith("- [")]
    # Collected last first; on one day, the story's date (undated after dated); then ten in all.
    assert slugs == ["story-2019-new", "undated-new"] + [f"old-{n:02}" for n in range(12, 4, -1)]

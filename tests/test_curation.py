"""Curation rules: hand edits survive regeneration, taxonomy edits reach every page, nothing is lost."""

from __future__ import annotations

import frontmatter
import pytest
import yaml

from curation_support import add_topic_keyword as _add_topic_keyword, change_source as _change_source
from generator.generate import GENERATED_MARK, generate, mark_generated
from generator.status import status

BEIJING = "articles/ministers-of-defense-of-azerbaijan-and-china-meet-in-beijing.md"
BEIJING_SOURCE = "sources/004_ad36e5a10f87839d.txt"


def _edit(project, relative, change):
    path = project / "content" / relative
    post = frontmatter.load(path)
    change(post)
    path.write_text(frontmatter.dumps(post) + "\n", encoding="utf-8")


def _front(project, relative):
    return frontmatter.load(project / "content" / relative)


def _correct_role(post):
    for person in post["people"]:
        if person["name"] == "Wei Fenghe":
            person["role"] = "Minister of National Defense of China"


def test_edits_survive_a_changed_source_and_untouched_fields_update(project):
    generate(project)
    _edit(project, BEIJING, lambda post: post.__setitem__("title", "Hasanov meets Wei in Beijing"))
    _edit(project, BEIJING, lambda post: post.__setitem__("topics", [*post["topics"], "peacekeeping"]))
    _edit(project, BEIJING, _correct_role)
    source = project / BEIJING_SOURCE
    # A change of the source that leaves the edited fields' extraction as it was (a sentence put between
    # a visit and its minister would reorder the topics: a conflict of its own, reported).
    source.write_text(source.read_text(encoding="utf-8").replace(
        "During the meeting,", "During the meeting, which Türkiye and Pakistan also followed,"), encoding="utf-8")
    report = generate(project)
    page = _front(project, BEIJING)
    assert page["title"] == "Hasanov meets Wei in Beijing"
    assert "peacekeeping" in page["topics"]
    assert {p["name"]: p["role"] for p in page["people"]}["Wei Fenghe"] == "Minister of National Defense of China"
    assert {"TR", "PK"} <= set(page["countries"])            # untouched field took the new extraction
    assert "# Hasanov meets Wei in Beijing" in page.content
    assert report.conflicts == []
    assert "Hasanov meets Wei in Beijing" in (project / "content/countries/pakistan.md").read_text()


def _title_edited_and_its_source_changed(project):
    generate(project)
    _edit(project, BEIJING, lambda post: post.__setitem__("title", "My title"))
    source = project / BEIJING_SOURCE
    source.write_text(source.read_text(encoding="utf-8").replace(
        "Ministers of Defense of Azerbaijan and China meet in Beijing", "Defence chiefs meet in Beijing"),
        encoding="utf-8")


def test_conflict_is_reported_and_the_hand_edit_kept(project):
    _title_edited_and_its_source_changed(project)
    assert status(project).conflicts == {BEIJING: ["title"]}
    report = generate(project)
    assert report.conflicts == [f"{BEIJING}: title: edited by hand and changed by the source; kept the hand edit"]
    assert _front(project, BEIJING)["title"] == "My title"


def test_edits_are_recognised_without_the_state_file(project):
    generate(project)
    _edit(project, BEIJING, lambda post: post.__setitem__("source", "Azertac"))
    (project / ".briefing-cache" / "state.json").unlink()
    generate(project)
    assert _front(project, BEIJING)["source"] == "Azertac"


def test_a_renamed_topic_label_reaches_every_page(project):
    generate(project)
    taxonomy = project / "taxonomy.yml"
    data = yaml.safe_load(taxonomy.read_text(encoding="utf-8"))
    data["topics"]["high-level-visit"]["label"] = "Top-level visits"
    taxonomy.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    generate(project)
    assert "# Top-level visits" in (project / "content/topics/high-level-visit.md").read_text()
    users = [p for p in (project / "content/articles").glob("*.md") if "high-level-visit" in frontmatter.load(p)["topics"]]
    assert users and all("[Top-level visits](../topics/high-level-visit.md)" in frontmatter.load(p).content for p in users)


def test_a_new_alias_moves_mentions_to_the_person(project):
    (project / "sources" / "gasanov.txt").write_text(
        "Defence talks in Baku\n\nDefense Minister Zakir Gassanov received the Serbian delegation on 3 May 2024. "
        "Gassanov said Serbia and Azerbaijan would deepen ties.\n", encoding="utf-8")
    generate(project)
    assert (project / "content/people/zakir-gassanov.md").exists()
    taxonomy = project / "taxonomy.yml"
    data = yaml.safe_load(taxonomy.read_text(encoding="utf-8"))
    data["people"]["zakir-hasanov"]["aliases"].append("Zakir Gassanov")
    taxonomy.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    generate(project)
    assert not (project / "content/people/zakir-gassanov.md").exists()
    assert "Defence talks in Baku" in (project / "content/people/zakir-hasanov.md").read_text()


def test_deleted_source_keeps_its_page_flagged(project):
    generate(project)
    (project / BEIJING_SOURCE).unlink()
    report = generate(project)
    assert report.missing_sources == [BEIJING]
    assert _front(project, BEIJING)["source_missing"] is True
    assert status(project).missing_sources == [BEIJING]
    assert "Ministers of Defense" in (project / "content/countries/china.md").read_text()


def test_curated_notes_are_kept(project):
    generate(project)
    path = project / "content" / BEIJING
    path.write_text(path.read_text(encoding="utf-8") + "\n## Notes\n\nCross-check with the MoD release.\n",
                    encoding="utf-8")
    source = project / BEIJING_SOURCE
    source.write_text(source.read_text(encoding="utf-8") + "\nThe talks ended on a positive note.\n", encoding="utf-8")
    generate(project)
    text = path.read_text(encoding="utf-8")
    assert "Cross-check with the MoD release." in text and "positive note" in text


def test_status_lists_what_is_pending(project):
    generate(project)
    (project / "sources" / "new.txt").write_text("A new story\n\nAzerbaijan and China met again.\n", encoding="utf-8")
    _edit(project, BEIJING, lambda post: post.__setitem__("summary", "Short."))
    result = status(project)
    assert result.not_generated == ["sources/new.txt"]
    assert result.edited == {BEIJING: ["summary"]}


def test_keys_a_curator_adds_survive_every_kind_of_regeneration(project):
    generate(project)
    path = project / "content" / BEIJING
    text = path.read_text(encoding="utf-8")
    # Added by hand, in the middle of the front matter: kept verbatim and in place.
    path.write_text(text.replace("\nsource:", "\nreviewed_by: Aysel\ndescription: Checked against the release\nsource:", 1),
                    encoding="utf-8")
    for change in (_change_source, _add_topic_keyword):
        change(project)
        report = generate(project)
        assert report.errors == []
        front = _front(project, BEIJING).metadata
        assert front["reviewed_by"] == "Aysel" and front["description"] == "Checked against the release"
        keys = list(front)
        assert keys.index("reviewed_by") == keys.index("date_precision") + 1
    assert {"GE", "PK"} <= set(_front(project, BEIJING)["countries"])       # the source change did arrive


def test_a_field_the_curator_deleted_stays_deleted(project):
    generate(project)
    _edit(project, BEIJING, lambda post: post.metadata.pop("summary"))
    _change_source(project)
    report = generate(project)
    page = _front(project, BEIJING)
    assert "summary" not in page.metadata
    assert {"GE", "PK"} <= set(page["countries"])
    assert any(line.endswith("summary") for line in report.edited)
    assert BEIJING in status(project).edited and "summary" in status(project).edited[BEIJING]


def test_an_unquoted_date_is_the_date_it_says(project):
    generate(project)
    path = project / "content" / BEIJING
    text = path.read_text(encoding="utf-8")
    date = _front(project, BEIJING).metadata["date"]
    assert date != "2019-10-21"
    path.write_text(text.replace(f"date: '{date}'", "date: 2019-10-21", 1), encoding="utf-8")
    report = generate(project)
    assert report.errors == []
    assert "date: '2019-10-21'" in path.read_text(encoding="utf-8")      # the curator's date, as text
    assert "21 October 2019" in path.read_text(encoding="utf-8")
    assert status(project).edited == {BEIJING: ["date"]}


def test_an_impossible_date_is_reported_with_its_line_and_the_rest_goes_on(project):
    generate(project)
    path = project / "content" / BEIJING
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("date:"))
    lines[at] = "date: 2024-13-45\n"
    path.write_text("".join(lines), encoding="utf-8")
    before = path.read_bytes()
    report = generate(project)
    assert [(e.path, e.line) for e in report.errors] == [(f"content/{BEIJING}", at + 1)]
    assert "'2024-13-45' is not YYYY-MM-DD" in report.errors[0].problem
    assert path.read_bytes() == before
    assert report.articles == 4


def test_a_fresh_clone_reports_no_source_changed(project):
    import os
    import shutil

    generate(project)
    shutil.rmtree(project / ".briefing-cache")
    for source in (project / "sources").iterdir():
        os.utime(source)            # a clone's files all have new mtimes
    result = status(project)
    assert result.changed_sources == [] and result.not_generated == [] and result.conflicts == {}


def test_a_page_saved_during_a_run_is_not_overwritten(project, monkeypatch):
    import generator.generate as generation

    generate(project)
    path = project / "content" / BEIJING
    _change_source(project)        # the run regenerates this page

    real = generation.PageWriting.__call__
    saved = []

    def save_meanwhile(self, task):
        # The curator saves after the run has read the page and before it writes it.
        if not saved:
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("\n## Article text", "\n## Notes\n\nSaved mid-run.\n\n## Article text", 1)
                            .replace("title: ", "title: Fixed mid-run ", 1), encoding="utf-8")
            saved.append(path)
        return real(self, task)

    monkeypatch.setattr(generation.PageWriting, "__call__", save_meanwhile)
    report = generate(project)
    saved = path.read_text(encoding="utf-8")
    assert "Saved mid-run." in saved and "Fixed mid-run" in saved
    assert [e.path for e in report.errors] == [f"content/{BEIJING}"]
    assert "saved while this run was going" in report.errors[0].problem
    monkeypatch.undo()
    generate(project)              # the next run takes the edit as a hand edit
    assert _front(project, BEIJING)["title"].startswith("Fixed mid-run")
    assert {"GE", "PK"} <= set(_front(project, BEIJING)["countries"])


def test_files_a_curator_puts_in_the_index_folders_are_never_removed(project):
    generate(project)
    mine = {
        "countries/my-notes.md": "# My notes on the region\n",
        "people/to-check.md": "---\ntitle: People to check\n---\n\n- a name\n",
        "timeline/reading-list.md": "# Reading list\n",
        "topics/drafts/idea.md": "# An idea\n",
    }
    for relative, text in mine.items():
        (project / "content" / relative).parent.mkdir(parents=True, exist_ok=True)
        (project / "content" / relative).write_text(text, encoding="utf-8")
    # A person leaves the briefing: the generator's page of them goes, the curator's pages stay.
    stale = project / "content" / "people" / "no-longer-named.md"
    stale.write_text(mark_generated("---\ntitle: Gone\n---\n\n# Gone\n"), encoding="utf-8")
    _add_topic_keyword(project)         # every index page is rendered again
    generate(project)
    for relative, text in mine.items():
        assert (project / "content" / relative).read_text(encoding="utf-8") == text
    assert not stale.exists()


def test_a_curators_timeline_page_is_kept_and_the_clash_said(project):
    generate(project)
    (project / "content" / "timeline.md").write_text("# My own timeline\n", encoding="utf-8")
    report = generate(project)
    assert (project / "content" / "timeline.md").read_text(encoding="utf-8") == "# My own timeline\n"
    assert [e.path for e in report.errors] == ["content/timeline.md"]
    (project / "content" / "timeline.md").write_text("---\ntitle: Timeline\n---\n\n# Timeline\n\n- old\n")
    _add_topic_keyword(project)
    assert generate(project).errors == []
    assert not (project / "content" / "timeline.md").exists()      # the old generator's page goes


def test_index_pages_say_they_are_made_again(project):
    generate(project)
    for page in (project / "content").rglob("*.md"):
        if page.parent.name != "articles":
            assert page.read_text(encoding="utf-8").startswith(f"---\n{GENERATED_MARK}\n"), page


def test_a_fixed_typo_in_a_source_keeps_its_feed_entry(project):
    import xml.etree.ElementTree as ET

    def entry_ids():
        feed = ET.parse(project / "content" / "feed.xml").getroot()
        atom = "{http://www.w3.org/2005/Atom}"
        return {e.find(f"{atom}link").get("href"): e.find(f"{atom}id").text for e in feed.iter(f"{atom}entry")}

    generate(project)
    before = entry_ids()
    assert f"articles/{BEIJING[9:-3]}/" in before
    _change_source(project)
    generate(project)
    assert entry_ids() == before


def test_a_page_deleted_by_hand_comes_back_on_the_next_run(project):
    generate(project)
    page = project / "content" / BEIJING
    before = page.read_bytes()
    page.unlink()
    report = generate(project)
    assert page.read_bytes() == before
    assert f"{BEIJING}" in report.changed
    assert status(project).not_generated == []


def test_a_renamed_source_takes_its_page_and_edits_along(project):
    generate(project)
    _edit(project, BEIJING, lambda post: post.__setitem__("title", "Hasanov meets Wei in Beijing"))
    path = project / "content" / BEIJING
    path.write_text(path.read_text(encoding="utf-8") + "\n## Notes\n\nChecked.\n", encoding="utf-8")
    (project / BEIJING_SOURCE).rename(project / "sources" / "beijing-visit.txt")
    report = generate(project)
    assert report.missing_sources == [] and report.errors == []
    pages = sorted((project / "content" / "articles").glob("*.md"))
    assert len(pages) == 5                                   # no second page without the edits
    page = _front(project, BEIJING)
    assert page["title"] == "Hasanov meets Wei in Beijing" and "Checked." in page.content
    assert page["provenance"]["file"] == "sources/beijing-visit.txt"
    assert "source_missing" not in page.metadata
    assert status(project).missing_sources == [] and status(project).not_generated == []


@pytest.mark.parametrize("heading, where", [
    ("## Notes", "end"), ("### Notes", "end"), ("## notes", "end"), ("#### Notes:", "end"), ("## Notes", "top"),
])
def test_notes_are_kept_under_any_heading_level_and_place(project, heading, where):
    generate(project)
    path = project / "content" / BEIJING
    text = path.read_text(encoding="utf-8")
    note = f"{heading}\n\nCalled the embassy: the visit was confirmed.\n"
    if where == "end":
        text = text.rstrip("\n") + "\n\n" + note
    else:
        text = text.replace("\n## Article text", "\n" + note + "\n## Article text", 1)
    path.write_text(text, encoding="utf-8")
    _change_source(project)
    generate(project)
    kept = path.read_text(encoding="utf-8")
    assert "Called the embassy: the visit was confirmed." in kept
    assert kept.count("Called the embassy") == 1
    assert "Georgia and Pakistan were also discussed" in kept      # the page was made again around the note


@pytest.mark.parametrize("restore", ["same bytes", "edited", "after an edit of the page"])
def test_the_missing_mark_goes_when_the_source_comes_back(project, restore):
    generate(project)
    source = project / BEIJING_SOURCE
    data = source.read_bytes()
    source.unlink()
    generate(project)
    assert _front(project, BEIJING)["source_missing"] is True
    if restore == "after an edit of the page":
        _edit(project, BEIJING, lambda post: post.__setitem__("title", "Curated while the source was away"))
    source.write_bytes(data if restore != "edited" else data.replace(b"During the meeting,", b"At the meeting,"))
    report = generate(project)
    assert report.missing_sources == []
    assert "source_missing" not in _front(project, BEIJING).metadata
    generate(project)
    assert "source_missing" not in _front(project, BEIJING).metadata
    assert status(project).missing_sources == []


def test_hand_edits_of_every_list_field_reach_the_page_and_the_site(project):
    generate(project)

    def curate(post):
        post["organizations"] = [*post["organizations"], "Curated Defence Council"]
        post["key_figures"] = ["99 curated drones delivered"]
        post["events"] = [*post["events"], {"date": None, "what": "A curated undated event"}]

    _edit(project, BEIJING, curate)
    report = generate(project)
    assert BEIJING in report.changed
    body = (project / "content" / BEIJING).read_text(encoding="utf-8")
    for text in ("Curated Defence Council", "99 curated drones delivered", "A curated undated event"):
        assert body.count(text) == 2, text      # in the front matter and in the page body the site renders


def _conflict_on_title(project):
    _title_edited_and_its_source_changed(project)
    assert generate(project).conflicts


def test_a_conflict_stays_until_the_curator_settles_it(project):
    from generator.status import format_status

    _conflict_on_title(project)
    for _ in range(2):          # not forgotten after the run that found it, nor after the next
        result = status(project)
        assert result.conflicts == {BEIJING: ["title"]}
        shown = format_status(result)
        assert '"My title"' in shown and '"Defence chiefs meet in Beijing"' in shown
        assert f"briefing settle {BEIJING} title --keep hand|extracted" in shown
        generate(project)
    assert _front(project, BEIJING)["title"] == "My title"
    _edit(project, BEIJING, lambda post: post.__setitem__("title", "My better title"))     # settled by editing
    generate(project)
    assert status(project).conflicts == {} and _front(project, BEIJING)["title"] == "My better title"


@pytest.mark.parametrize("keep, title", [("hand", "My title"), ("extracted", "Defence chiefs meet in Beijing")])
def test_settle_takes_one_side(project, keep, title):
    from generator.settle import settle

    _conflict_on_title(project)
    settle(project, f"content/{BEIJING}", "title", keep)
    generate(project)
    assert status(project).conflicts == {}
    page = _front(project, BEIJING)
    assert page["title"] == title and f"# {title}" in page.content
    source = project / BEIJING_SOURCE          # after "extracted", the field follows the source again
    source.write_text(source.read_text(encoding="utf-8").replace("Defence chiefs meet", "Defence chiefs met"),
                      encoding="utf-8")
    generate(project)
    assert _front(project, BEIJING)["title"] == ("My title" if keep == "hand" else "Defence chiefs met in Beijing")


def test_a_conflict_from_a_taxonomy_change_says_so(project):
    generate(project)
    _edit(project, BEIJING, lambda post: post.__setitem__("topics", ["peacekeeping"]))
    taxonomy = project / "taxonomy.yml"
    data = yaml.safe_load(taxonomy.read_text(encoding="utf-8"))
    data["topics"]["peacekeeping"].setdefault("aliases", []).append("Beijing")
    data["topics"]["peacekeeping"]["min_mentions"] = 1
    taxonomy.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    report = generate(project)
    assert report.conflicts == [f"{BEIJING}: topics: edited by hand and changed by the taxonomy or the extractor; "
                                "kept the hand edit"]
    assert "the taxonomy or the extractor now gives" in __import__("generator.status", fromlist=["x"]).format_status(
        status(project))


def test_an_edit_of_the_body_outside_the_notes_is_kept_and_said(project):
    generate(project)
    path = project / "content" / BEIJING
    text = path.read_text(encoding="utf-8")
    assert "held talks" in text or "## Article text" in text
    edited = text.replace("## Article text", "## Article text\n\nA curator's correction of the text.", 1)
    path.write_text(edited, encoding="utf-8")
    _add_topic_keyword(project)             # every page is made again
    generate(project)
    assert "A curator's correction of the text." in path.read_text(encoding="utf-8")
    assert "body" in status(project).edited[BEIJING]
    _change_source(project)
    report = generate(project)
    assert "A curator's correction of the text." in path.read_text(encoding="utf-8")
    assert f"{BEIJING}: body: edited by hand and changed by the source; kept the hand edit" in report.conflicts


def test_an_untouched_body_follows_the_front_matter_and_the_source(project):
    generate(project)
    _edit(project, BEIJING, lambda post: post.__setitem__("title", "A curated title"))
    _change_source(project)
    report = generate(project)
    page = _front(project, BEIJING)
    assert "# A curated title" in page.content and "Georgia and Pakistan were also discussed" in page.content
    assert not any("body" in line for line in report.edited) and status(project).edited == {BEIJING: ["title"]}


def test_a_hand_edit_of_an_index_page_is_said_and_saved_aside_before_it_is_replaced(project):
    generate(project)
    page = project / "content" / "countries" / "china.md"
    edited = page.read_text(encoding="utf-8").replace("# China", "# China\n\nMy note on China.", 1)
    page.write_text(edited, encoding="utf-8")
    generate(project)                       # nothing it shows changed: the page is left as it is
    assert "My note on China." in page.read_text(encoding="utf-8")
    _add_topic_keyword(project)             # now it is made again
    report = generate(project)
    assert "My note on China." not in page.read_text(encoding="utf-8")
    aside = project / ".briefing-cache" / "replaced" / "countries" / "china.md"
    assert aside.read_text(encoding="utf-8") == edited
    assert any(line.startswith("content/countries/china.md: an index page edited by hand") for line in report.conflicts)
    _add_topic_keyword(project)
    assert not any("countries/china.md" in line for line in generate(project).conflicts)   # said once per edit

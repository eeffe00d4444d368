"""Curation rules: hand edits survive regeneration, taxonomy edits reach every page, nothing is lost."""

from __future__ import annotations

import frontmatter
import yaml

from generator.generate import generate
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
    source.write_text(source.read_text(encoding="utf-8").replace(
        "During the meeting,", "Türkiye and Pakistan were also discussed. During the meeting,"), encoding="utf-8")
    report = generate(project)
    page = _front(project, BEIJING)
    assert page["title"] == "Hasanov meets Wei in Beijing"
    assert "peacekeeping" in page["topics"]
    assert {p["name"]: p["role"] for p in page["people"]}["Wei Fenghe"] == "Minister of National Defense of China"
    assert {"TR", "PK"} <= set(page["countries"])            # untouched field took the new extraction
    assert "# Hasanov meets Wei in Beijing" in page.content
    assert report.conflicts == []
    assert "Hasanov meets Wei in Beijing" in (project / "content/countries/pakistan.md").read_text()


def test_conflict_is_reported_and_the_hand_edit_kept(project):
    generate(project)
    _edit(project, BEIJING, lambda post: post.__setitem__("title", "My title"))
    source = project / BEIJING_SOURCE
    source.write_text(source.read_text(encoding="utf-8").replace(
        "Ministers of Defense of Azerbaijan and China meet in Beijing", "Defence chiefs meet in Beijing"),
        encoding="utf-8")
    assert status(project).conflicts == {BEIJING: ["title"]}
    report = generate(project)
    assert report.conflicts == [f"{BEIJING}: title: edited by hand and changed in the source; kept the hand edit"]
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

"""taxonomy.yml validation: each bad entry is reported with its line and left out, the rest loads."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from generator.errors import BriefingError
from generator.generate import generate
from generator.status import format_status, status
from generator.taxonomy import load_taxonomy

BEIJING = "articles/ministers-of-defense-of-azerbaijan-and-china-meet-in-beijing.md"
GOOD_TOPIC = "  ok:\n    label: Fine\n"      # a valid entry beside the bad one: the rest must load


def _load(tmp_path: Path, text: str):
    path = tmp_path / "taxonomy.yml"
    path.write_text(text, encoding="utf-8")
    return load_taxonomy(path)


def _slugs(taxonomy) -> dict[str, list[str]]:
    return {section: list(getattr(taxonomy, section)) for section in ("topics", "countries", "people", "organizations")
            if getattr(taxonomy, section)}


# (taxonomy.yml, fragment of the one problem, its line, the slugs that remain)
BAD_ENTRIES = [
    ("topics:\n  ../articles/foo:\n    label: X\n" + GOOD_TOPIC, "'../articles/foo' is not a slug", 2,
     {"topics": ["ok"]}),
    ("topics:\n" + GOOD_TOPIC + "  a/b: {}\n", "'a/b' is not a slug", 4, {"topics": ["ok"]}),
    ("topics:\n" + GOOD_TOPIC + "  has space: {}\n", "'has space' is not a slug", 4, {"topics": ["ok"]}),
    ("topics:\n" + GOOD_TOPIC + "  Energy: {}\n", "'Energy' is not a slug", 4, {"topics": ["ok"]}),
    ("topics:\n" + GOOD_TOPIC + "  energy--oil: {}\n", "'energy--oil' is not a slug", 4, {"topics": ["ok"]}),
    ("topics:\n" + GOOD_TOPIC + "  index: {}\n", "'index' is a reserved name", 4, {"topics": ["ok"]}),
    ("topics:\n" + GOOD_TOPIC + "  con: {}\n", "'con' is a reserved name", 4, {"topics": ["ok"]}),
    ("topics:\n" + GOOD_TOPIC + "people:\n  ../x: {}\n  y-z: {}\n", "'../x' is not a slug", 5,
     {"topics": ["ok"], "people": ["y-z"]}),
    ("topics:\n" + GOOD_TOPIC + "people:\n  y-z: {}\n  lpt1: {}\n", "'lpt1' is a reserved name", 6,
     {"topics": ["ok"], "people": ["y-z"]}),
    # YAML keeps the last of two equal keys without a word: reported with both lines, the first kept.
    ("topics:\n  energy:\n    label: Energy\n" + GOOD_TOPIC + "  energy:\n    label: Oil\n",
     "'energy' appears twice, on lines 2 and 6", 6, {"topics": ["energy", "ok"]}),
    ("topics:\n  energy:\n    label: Energy\n    label: Oil\n" + GOOD_TOPIC,
     "'label' appears twice, on lines 3 and 4", 4, {"topics": ["ok"]}),
    ("people:\n  a-b:\n    aliases: [AB]\n  c-d:\n    aliases:\n      - CD\n      - AB\n",
     "'AB' is already a spelling of people.a-b (line 3)", 7, {"people": ["a-b"]}),
    ("people:\n  a-b:\n    label: Anna Berg\n  c-d:\n    label: Carl Dahl\n    aliases: [Anna Berg]\n",
     "'Anna Berg' is already a spelling of people.a-b (line 3)", 6, {"people": ["a-b"]}),
    ("people:\n  a-b:\n    label: Anna Berg\n  c-d:\n    label: Anna Berg\n",
     "'Anna Berg' is already a spelling of people.a-b (line 3)", 5, {"people": ["a-b"]}),
    # an organisation's spellings are compared as its page's address: case and punctuation aside
    ("organizations:\n  mod:\n    label: Ministry of Defence\n  other:\n    label: Defence Office\n"
     "    aliases: [ministry of defence.]\n", "'ministry of defence.' is already a spelling of organizations.mod (line 3)",
     6, {"organizations": ["mod"]}),
    ("organizations:\n  mod:\n    label: Ministry of Defence\n  ../x: {}\n", "'../x' is not a slug", 4,
     {"organizations": ["mod"]}),
    ("topics:\n" + GOOD_TOPIC + "  energy:\n    min_mentions: three\n", "min_mentions: expected a whole number", 5,
     {"topics": ["ok"]}),
    ("topics:\n" + GOOD_TOPIC + "  energy:\n    min_mentions: -1\n", "min_mentions: expected a whole number", 5,
     {"topics": ["ok"]}),
    ("topics:\n" + GOOD_TOPIC + "  energy:\n    min_mentions: 1.5\n", "min_mentions: expected a whole number", 5,
     {"topics": ["ok"]}),
    ("topics:\n" + GOOD_TOPIC + "  energy:\n    min_mentions: yes\n", "min_mentions: expected a whole number", 5,
     {"topics": ["ok"]}),
    ("topics:\n" + GOOD_TOPIC + "  energy:\n    aliases: oil\n", "aliases: expected a list", 5, {"topics": ["ok"]}),
    ("topics:\n" + GOOD_TOPIC + "  energy:\n    requires: {oil: 1}\n", "requires: expected a list", 5,
     {"topics": ["ok"]}),
    ("topics:\n" + GOOD_TOPIC + "  energy:\n    aliases:\n      - oil\n      - [gas]\n",
     "aliases: an item is empty or not a word", 7, {"topics": ["ok"]}),
    ("topics:\n" + GOOD_TOPIC + "  energy:\n    label: [Energy]\n", "label: expected text", 5, {"topics": ["ok"]}),
    ("topics:\n" + GOOD_TOPIC + "  energy: lots\n", "expected a mapping with label", 4, {"topics": ["ok"]}),
    ("countries:\n  AZ: {}\n  ZZ: {}\n", "countries.ZZ: not an ISO 3166-1 alpha-2 code", 3, {"countries": ["AZ"]}),
    ("countries:\n  AZ: {}\n  cn: {}\n", "countries.cn: not an ISO 3166-1 alpha-2 code", 3, {"countries": ["AZ"]}),
    ("countries:\n  AZ: {}\n  AZ:\n    label: Azerbaijan\n", "'AZ' appears twice, on lines 2 and 3", 3,
     {"countries": ["AZ"]}),
    ("topic:\n  energy: {}\ntopics:\n" + GOOD_TOPIC, "unknown section 'topic'", 1, {"topics": ["ok"]}),
    ("topics:\n" + GOOD_TOPIC + "about: 2024-13-45\n", "about: month must be in 1..12", 4, {"topics": ["ok"]}),
]


@pytest.mark.parametrize("text, problem, line, remaining", BAD_ENTRIES, ids=[row[1] for row in BAD_ENTRIES])
def test_a_bad_entry_is_reported_with_its_line_and_left_out(tmp_path, text, problem, line, remaining):
    taxonomy = _load(tmp_path, text)
    [error] = taxonomy.problems
    assert problem in error.problem
    assert error.line == line
    assert error.path == str(tmp_path / "taxonomy.yml")
    assert _slugs(taxonomy) == remaining


def test_of_two_equal_slugs_the_first_is_kept(tmp_path):
    taxonomy = _load(tmp_path, "topics:\n  energy:\n    label: Energy\n  energy:\n    label: Oil\n")
    assert taxonomy.topics["energy"].label == "Energy"


# (taxonomy.yml, fragment of the error, its line): nothing can be generated from these.
UNUSABLE = [
    ("", "taxonomy.yml is empty", None),
    ("# topics to come\n", "taxonomy.yml is empty", None),
    ("about:\n  title: A briefing\n", "taxonomy.yml is empty", None),
    ("topics: {}\ncountries:\npeople: []\n", "taxonomy.yml is empty", None),
    ("topics:\n  energy: [\n", "not valid YAML", 3),
    ("topics:\n  energy:\n\tlabel: Energy\n", "not valid YAML", 3),
    ("- energy\n", "expected a mapping with topics, countries and people", 1),
    ("people:\n  a-b: {}\ntopics: [energy, oil]\n", "topics: expected a mapping keyed by slug", 3),
    ("topics:\n  Energy: {}\n", "no valid topic, country or person; the first problem: topics: 'Energy'", 2),
]


@pytest.mark.parametrize("text, problem, line", UNUSABLE, ids=[row[1] for row in UNUSABLE])
def test_a_taxonomy_that_names_nothing_usable_stops_the_run(tmp_path, text, problem, line):
    with pytest.raises(BriefingError) as raised:
        _load(tmp_path, text)
    assert problem in raised.value.problem
    assert raised.value.line == line


def test_a_missing_taxonomy_is_named(tmp_path):
    with pytest.raises(BriefingError, match="taxonomy file not found"):
        load_taxonomy(tmp_path / "taxonomy.yml")


# (taxonomy.yml, section, slug, field, value): valid entries, read as the curator meant them.
GOOD_ENTRIES = [
    ("countries:\n  NO: {}\n", "countries", "NO", "label", "Norway"),     # not YAML's false
    ("countries:\n  XK: {}\n", "countries", "XK", "label", "Kosovo"),     # not in ISO 3166-1: countries.yml
    ("topics:\n  consent:\n    label: Yes\n", "topics", "consent", "label", "Yes"),   # not YAML's true
    ("people:\n  a-b:\n    label: Anna Berg\n    aliases: [Anna Berg, A. Berg]\n", "people", "a-b", "aliases",
     ("Anna Berg", "A. Berg")),
    ("topics:\n  a:\n    aliases: [oil]\n  b:\n    aliases: [oil]\n", "topics", "b", "aliases", ("oil",)),
    ("topics:\n  energy:\n    aliases: [no, 2024]\n", "topics", "energy", "aliases", ("no", "2024")),
    ("topics:\n  energy:\n    min_mentions: 0\n", "topics", "energy", "min_mentions", 0),
    ("organizations:\n  un:\n    label: United Nations\n    aliases: [UN, U.N.]\n", "organizations", "un", "aliases",
     ("UN", "U.N.")),
    ("topics:\n  energy:\n", "topics", "energy", "label", "Energy"),
    ("topics:\n  energy:\n    description: >-\n      Oil and\n      gas.\n", "topics", "energy", "description",
     "Oil and gas."),
    ("defaults: &d\n  min_mentions: 4\ntopics:\n  energy:\n    <<: *d\n    label: Power\n", "topics", "energy",
     "min_mentions", 4),
]


@pytest.mark.parametrize("text, section, slug, name, value", GOOD_ENTRIES)
def test_a_valid_entry_loads_as_written(tmp_path, text, section, slug, name, value):
    taxonomy = _load(tmp_path, text)
    assert getattr(getattr(taxonomy, section)[slug], name) == value
    assert [e for e in taxonomy.problems if "unknown section" not in e.problem] == []


@pytest.mark.parametrize("written, indexed", [
    ("Azerbaijan Army", "Azerbaijani Army"),                                    # an alias
    ("ministry of defence of Azerbaijan", "Ministry of Defense of Azerbaijan"),  # an alias in another case
    ("PLA", "People's Liberation Army"),
    ("United Nations", "United Nations"),                                       # not in the taxonomy: as written
])
def test_an_organisation_is_indexed_under_the_taxonomy_s_label(taxonomy, written, indexed):
    assert taxonomy.organization_name(written) == indexed


def test_the_shipped_taxonomy_has_no_problems(taxonomy):
    assert taxonomy.problems == ()


def _files_outside_content(project: Path) -> dict[str, tuple[int, int]]:
    found = {}
    for folder, dirs, files in os.walk(project):
        dirs[:] = [d for d in dirs if Path(folder, d) not in (project / "content", project / ".briefing-cache")]
        for name in files:
            stat = os.stat(Path(folder, name))
            found[os.path.relpath(Path(folder, name), project)] = (stat.st_size, stat.st_mtime_ns)
    return found


def test_a_topic_slug_that_is_a_path_writes_nothing(project):
    generate(project)
    page = project / "content" / BEIJING
    page.write_text(page.read_text(encoding="utf-8") + "\n## Notes\n\nChecked against the ministry's release.\n",
                    encoding="utf-8")
    generate(project)       # the curated page as the generator keeps it
    curated = page.read_bytes()
    outside = _files_outside_content(project)
    # Aliases every article has: with the slug taken as a path, its topic page would replace the article.
    lines = (project / "taxonomy.yml").read_text(encoding="utf-8").splitlines(keepends=True)
    at = lines.index("topics:\n") + 1
    lines[at:at] = [f"  ../{BEIJING[:-3]}:\n", "    min_mentions: 1\n", "    aliases: [Azerbaijan]\n",
                    "  ../../escaped:\n", "    min_mentions: 1\n", "    aliases: [Azerbaijan]\n"]
    (project / "taxonomy.yml").write_text("".join(lines), encoding="utf-8")
    outside["taxonomy.yml"] = _files_outside_content(project)["taxonomy.yml"]
    report = generate(project)
    assert page.read_bytes() == curated
    assert _files_outside_content(project) == outside
    assert [(e.path, e.line) for e in report.errors if "taxonomy.yml" in e.path] == [
        (str(project / "taxonomy.yml"), at + 1), (str(project / "taxonomy.yml"), at + 4)]
    assert all("is not a slug" in e.problem for e in report.errors if "taxonomy.yml" in e.path)
    assert report.halted and report.changed == []


def test_a_taxonomy_that_does_not_validate_changes_no_page(project):
    generate(project)
    before = {p: p.read_bytes() for p in (project / "content").rglob("*.md")}
    taxonomy = project / "taxonomy.yml"
    text = taxonomy.read_text(encoding="utf-8")
    topic = next(line for line in text.splitlines() if line.startswith("  ") and not line.startswith("   "))
    # A typo in one field of a topic the articles use: left out, it would make their pages invalid.
    taxonomy.write_text(text.replace(topic + "\n", topic + "\n    min_mentions: three\n", 1), encoding="utf-8")
    report = generate(project)
    assert [e.problem for e in report.errors if "min_mentions" in e.problem]
    assert report.halted and report.changed == []
    assert {p: p.read_bytes() for p in (project / "content").rglob("*.md")} == before


def test_status_lists_the_entries_left_out(project):
    taxonomy = project / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace("topics:\n", "topics:\n  a/b: {}\n", 1),
                        encoding="utf-8")
    result = status(project)
    assert [(e.path, e.line) for e in result.taxonomy] == [(str(taxonomy), 8)]
    assert f"taxonomy problems (no page changes until they are fixed): 1\n  {taxonomy}:8: topics: 'a/b' is not a slug" in format_status(result)


@pytest.mark.parametrize("label, slug", [("Azerbaijan", "azerbaijan"), ("Index", "index-az"), ("CON", "con-az"),
                                         ("../../etc", "etc"), ("???", "az")])
def test_a_country_page_address_is_never_a_path_nor_a_reserved_name(tmp_path, label, slug):
    path = tmp_path / "taxonomy.yml"
    path.write_text(yaml.safe_dump({"countries": {"AZ": {"label": label}}}), encoding="utf-8")
    assert load_taxonomy(path).country_slug("AZ") == slug

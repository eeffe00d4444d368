"""The typed page model (generator/pages.py): a page's front matter read once, checked once, typed, with
a curator's own keys and deleted fields kept as written, and bad values named with file and line."""

from __future__ import annotations

import pytest

from generator.errors import BriefingError
from generator.model import Event, FrontMatter, Person, Provenance
from generator.pages import read_page
from generator.state import STATE_FILE, PageState, State, load_state, save_state

PAGE = """---
title: A visit
date: '2024-06-20'
date_precision: day
source: APA
countries:
- AZ
people:
- name: Zakir Hasanov
  role: Minister of Defense
  country: AZ
topics:
- diplomacy
summary: What happened.
events:
- date: '2024-09'
  what: A visit.
provenance:
  file: sources/a.txt
  sha256: abc
  collected: '2024-06-21'
  inferred:
  - 'title: the section label ''Opinion'' after the headline was removed'
---

Body.
"""


def _read(tmp_path, text, taxonomy):
    path = tmp_path / "a-visit.md"
    path.write_text(text, encoding="utf-8")
    return read_page(path, taxonomy, "content/articles/a-visit.md")


def test_a_page_reads_as_typed_front_matter(tmp_path, taxonomy):
    page = _read(tmp_path, PAGE, taxonomy)
    assert page.slug == "a-visit" and page.body == "Body."
    assert page.front == FrontMatter(
        title="A visit", date="2024-06-20", date_precision="day", source="APA", countries=("AZ",),
        people=(Person("Zakir Hasanov", "Minister of Defense", "AZ"),), topics=("diplomacy",), summary="What happened.",
        events=(Event("2024-09", "A visit."),),
        provenance=Provenance("sources/a.txt", "abc", "2024-06-21",
                              ("title: the section label 'Opinion' after the headline was removed",)),
        section="Opinion", links_digest=page.front.links_digest)


@pytest.mark.parametrize("change, written, typed", [
    # a curator's own keys are kept verbatim, in place; the typed front matter is as without them
    (("date: '2024-06-20'\n", "reviewed_by: Ana\ndate: '2024-06-20'\n"),
     ["title", "reviewed_by", "date"], {}),
    (("provenance:\n", "checked:\n  by: Ana\n  when: 2024-07-01\nprovenance:\n"),
     ["summary", "events", "checked", "provenance"], {}),
    # a deleted field reads as empty, and stays absent from the page as written (an edit, not a gap)
    (("summary: What happened.\n", ""), ["topics", "events"], {"summary": ""}),
    (("events:\n- date: '2024-09'\n  what: A visit.\n", ""), ["summary", "provenance"], {"events": ()}),
])
def test_curator_keys_and_deleted_fields_are_kept_as_written(tmp_path, taxonomy, change, written, typed):
    page = _read(tmp_path, PAGE.replace(*change), taxonomy)
    keys = list(page.written)
    assert keys[keys.index(written[0]):keys.index(written[0]) + len(written)] == written
    expected = _read(tmp_path, PAGE, taxonomy).front
    assert page.front == FrontMatter(**{**vars(expected), **typed})
    if "checked" in written:
        assert page.written["checked"] == {"by": "Ana", "when": "2024-07-01"}


@pytest.mark.parametrize("old, new, field, value", [
    # dates written unquoted are the text the curator typed, not YAML's date or number
    ("date: '2024-06-20'", "date: 2024-06-20", "date", "2024-06-20"),
    ("date: '2024-06-20'\ndate_precision: day", "date: 2024-06\ndate_precision: month", "date", "2024-06"),
    ("date: '2024-06-20'\ndate_precision: day", "date: 2024\ndate_precision: year", "date", "2024"),
    ("- date: '2024-09'", "- date: 2024", "events", (Event("2024", "A visit."),)),
    ("collected: '2024-06-21'", "collected: 2024-06-21", "provenance",
     Provenance("sources/a.txt", "abc", "2024-06-21",
                ("title: the section label 'Opinion' after the headline was removed",))),
])
def test_dates_written_unquoted(tmp_path, taxonomy, old, new, field, value):
    page = _read(tmp_path, PAGE.replace(old, new), taxonomy)
    assert getattr(page.front, field) == value


# A field's problem is reported at the line of its key; YAML's own at the line where it stops.
@pytest.mark.parametrize("old, new, line, problem", [
    ("date: '2024-06-20'", "date: 2024-13-45", 3, "date: '2024-13-45' is not YYYY-MM-DD, YYYY-MM or YYYY"),
    ("date_precision: day", "date_precision: month", 4, "date_precision: 'month' does not match date '2024-06-20'"),
    ("title: A visit", "title: ''", 2, "title: must be a non-empty string"),
    ("- AZ", "- Azerbaijan", 6, "countries: not alpha-2 codes: Azerbaijan"),
    ("- diplomacy", "- cooking", 12, "topics: unknown topic cooking"),
    ("  role: Minister of Defense", "  role: 5", 8, "people: Zakir Hasanov: role and country must be text or empty"),
    ("  what: A visit.", "  what: 12", 15, "events: what '12' is not text"),
    ("- date: '2024-09'", "- date: 2024-13", 15, "events: date '2024-13' is not YYYY-MM-DD, YYYY-MM or YYYY"),
    ("collected: '2024-06-21'", "collected: 2024-02-30", 18, "provenance: collected '2024-02-30' is not"),
    ("title: A visit", "title: A: visit", 2, "front matter: not valid YAML"),
])
def test_bad_values_are_named_with_file_line_and_field(tmp_path, taxonomy, old, new, line, problem):
    with pytest.raises(BriefingError) as caught:
        _read(tmp_path, PAGE.replace(old, new), taxonomy)
    assert str(caught.value).startswith(f"content/articles/a-visit.md:{line}: {problem}")


EVERY_FIELD = FrontMatter(
    title="T", title_derived=True, date="2024-06", date_precision="month", source="APA", countries=("AZ", "RS"),
    primary_countries=("AZ",), people=(Person("A B", "Minister", "AZ"), Person("C D", None, None)),
    organizations=("ADEX",), topics=("diplomacy",), summary="S.", key_figures=("$5 million",),
    events=(Event("2024-09", "A visit."), Event(None, "Talks.")), source_missing=True,
    provenance=Provenance("sources/t.txt", "abc", "2024-06-21", ("a note",)), section="Opinion", links_digest="0123")


@pytest.mark.parametrize("front", ["read", "every field", "empty"])
def test_the_state_keeps_the_typed_front_matter_whole(tmp_path, taxonomy, front):
    """What a warm run knows of a page it does not read again is what reading it gives."""
    front = {"read": lambda: _read(tmp_path, PAGE, taxonomy).front, "every field": lambda: EVERY_FIELD,
             "empty": lambda: FrontMatter(title="T")}[front]()
    save_state(tmp_path, State(pages={"articles/a.md": PageState("sources/a.txt", "abc", 1, 1, front)}))
    assert load_state(tmp_path).pages["articles/a.md"].front == front


def test_a_state_of_another_shape_is_not_used(tmp_path):
    save_state(tmp_path, State(pages={"articles/a.md": PageState("sources/a.txt", "abc", 1, 1, EVERY_FIELD)}))
    path = tmp_path / STATE_FILE
    path.write_text(path.read_text().replace('"role":', '"office":'))
    assert load_state(tmp_path).pages == {}         # everything is read again, nothing half-typed is used


def test_the_links_digest_follows_the_links_the_generator_added(tmp_path, taxonomy):
    plain = _read(tmp_path, PAGE, taxonomy).front
    linked = _read(tmp_path, PAGE.replace("provenance:\n", "related:\n- slug: b\n  title: B\nprovenance:\n"), taxonomy)
    assert linked.front.links_digest != plain.links_digest
    assert linked.front == FrontMatter(**{**vars(plain), "links_digest": linked.front.links_digest})

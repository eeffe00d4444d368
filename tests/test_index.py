"""Index pages (generator/index.py) from front matter: organisations, the people index's order, the
countries named with a country, the timeline index; and which pages an edit of an article redoes."""

from __future__ import annotations

import re

import pytest

import generator.index
from generator.index import About, Wanted, build_index_pages, pages_changed_by
from generator.markdown_text import escape_text
from generator.pages import ArticlePage, front_matter
from generator.render import render_article_body
from generator.state import PageState, State, load_state, save_state

ABOUT = About("Briefing", "A test briefing.")


def _page(slug, date=None, organizations=(), people=(), countries=(), events=(), title=None):
    front = {"title": title or slug.replace("-", " ").capitalize(), "date": date,
             "date_precision": "day" if date and len(date) == 10 else None, "source": "APA",
             "countries": list(countries), "organizations": list(organizations), "topics": [],
             "people": [{"name": n, "role": role[0] if role else None, "country": c} for n, c, *role in people],
             "events": [{"date": d, "what": w} for d, w in events]}
    return ArticlePage(slug, None, front_matter(front), "", front)


def _links(text: str) -> list[str]:
    return re.findall(r"\]\(([^)]+)\)", text)


def _list_items(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("- ")]


# ---- organisations

ORG_PAGES = [
    _page("a-2019", "2019-10-22", ["Ministry of Defense of Azerbaijan", "United Nations"]),
    _page("b-2024", "2024-06-20", ["Ministry of Defense of Azerbaijan", "Ministry of Defense of Azerbaijan"]),
    _page("c-undated", None, ["ministry of defense of azerbaijan", "The Beijing Forum"]),
    _page("d-2023", "2023-10", ["Index", "ADEX"]),
]


@pytest.mark.parametrize("key, expected", [
    # the index: A to Z (a leading 'The' left out), with the number of articles that name each
    ("organizations/index.md", ["- [ADEX](adex.md) (1)", "- [The Beijing Forum](the-beijing-forum.md) (1)",
                                f"- [Index]({{index}}) (1)",
                                "- [Ministry of Defense of Azerbaijan](ministry-of-defense-of-azerbaijan.md) (3)",
                                "- [United Nations](united-nations.md) (1)"]),
    # a page: every article that names it once or more, in any case, newest first, undated last
    ("organizations/ministry-of-defense-of-azerbaijan.md",
     ["- [B 2024](../articles/b-2024.md) — 20 June 2024 · APA",
      "- [A 2019](../articles/a-2019.md) — 22 October 2019 · APA",
      "- [C undated](../articles/c-undated.md) — date not stated · APA"]),
    ("organizations/united-nations.md", ["- [A 2019](../articles/a-2019.md) — 22 October 2019 · APA"]),
])
def test_organisation_pages(key, expected, taxonomy):
    out = build_index_pages(ORG_PAGES, taxonomy, ABOUT)
    index_slug = next(k for k in out if k.startswith("organizations/index-"))[len("organizations/"):]
    assert _list_items(out[key]) == [line.format(index=index_slug) for line in expected]
    assert out[key].startswith("---\ntitle: ")


def test_an_organisation_named_index_does_not_overwrite_the_index(taxonomy):
    out = build_index_pages(ORG_PAGES, taxonomy, ABOUT)
    assert "# Organisations" in out["organizations/index.md"]
    assert sum(1 for k in out if k.startswith("organizations/index")) == 2


def test_every_organisation_link_of_an_article_page_leads_to_its_page(taxonomy):
    out = build_index_pages(ORG_PAGES, taxonomy, ABOUT)
    for page in ORG_PAGES:
        body = render_article_body(page.written, "Text.", taxonomy)
        line = next(line for line in body.splitlines() if line.startswith("**Organisations:**"))
        targets = [link.removeprefix("../") for link in _links(line)]
        assert len(targets) == len(page.front.organizations)
        assert all(target in out for target in targets), targets
        assert f"](../articles/{page.slug}.md)" in out[targets[0]]


def test_organisations_past_the_limit_get_a_page_a_year(monkeypatch, taxonomy):
    monkeypatch.setattr(generator.index, "ONE_PAGE_LIMIT", 2)
    out = build_index_pages(ORG_PAGES, taxonomy, ABOUT)
    page = out["organizations/ministry-of-defense-of-azerbaijan.md"]
    assert "## Articles by year" in page
    assert "[3 articles](#latest-articles) name" in page and "## Latest articles" in page
    for year in ("2024", "2019", "undated"):
        assert f"(ministry-of-defense-of-azerbaijan/{year}.md)" in page
        assert f"organizations/ministry-of-defense-of-azerbaijan/{year}.md" in out
    assert "organizations/united-nations/2019.md" not in out       # one article: one page


# What an organisation page says of the people and countries its articles name: co-mention, with
# the roles as the articles state them (markup in them shown as text), most articles first.
NAMED_WITH = [
    _page("a", "2024-06-20", ["Ministry of Defense of Azerbaijan"], countries=["AZ", "RS"],
          people=[("Zakir Hasanov", "AZ", "Minister of Defense"), ("Karim Valiyev", "AZ", "Chief of <b>Staff</b>")]),
    _page("b", "2019-10-22", ["Ministry of Defense of Azerbaijan", "United Nations"], countries=["AZ", "CN"],
          people=[("Z. Hasanov", "AZ", "Defence Minister"), ("Zakir Hasanov", "AZ", "minister of defense"),
                  ("Wei Fenghe", "CN")]),
    _page("c", None, ["Azerbaijani Ministry of Defense"], countries=["AZ"], people=[("Zakir Hasanov", "AZ", "Minister of Defense")]),
]


@pytest.mark.parametrize("section, expected", [
    ("People named in the same articles", [
        # three articles, one of them naming him twice (an alias of the taxonomy's); the newest article's role
        "- [Zakir Hasanov](../people/zakir-hasanov.md) (3) — Minister of Defense",
        "- [Karim Valiyev](../people/karim-valiyev.md) (1) — Chief of &lt;b&gt;Staff&lt;/b&gt;",
        "- [Wei Fenghe](../people/wei-fenghe.md) (1)",
    ]),
    ("Countries named in the same articles", [
        "- [Azerbaijan](../countries/azerbaijan.md) (3)", "- [China](../countries/china.md) (1)",
        "- [Serbia](../countries/serbia.md) (1)",
    ]),
])
def test_an_organisation_page_lists_the_people_and_countries_named_with_it(section, expected, taxonomy):
    text = build_index_pages(NAMED_WITH, taxonomy, ABOUT)["organizations/ministry-of-defense-of-azerbaijan.md"]
    part = text.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    assert _list_items(part) == expected
    assert "Being named together" in part      # what the list is, and what it is not
    assert "member" not in text.lower() and "partner" not in text.lower()


def test_an_organisation_the_taxonomy_knows_is_shown_under_its_label_with_its_aliases(taxonomy):
    out = build_index_pages(NAMED_WITH, taxonomy, ABOUT)
    term = taxonomy.organizations["ministry-of-defense-of-azerbaijan"]
    text = out["organizations/ministry-of-defense-of-azerbaijan.md"]
    # "Azerbaijani Ministry of Defense" folded in; the count leads to the articles, listed after the people
    assert "[3 articles](#articles) name Ministry of Defense of Azerbaijan." in text
    assert escape_text(term.description) in text
    assert "Also written: " + ", ".join(escape_text(a) for a in term.aliases) in text
    assert not any("azerbaijani-ministry-of-defense" in key for key in out)
    # the article page that names it by an alias links the label's page
    body = render_article_body(NAMED_WITH[2].written, "Text.", taxonomy)
    assert "[Azerbaijani Ministry of Defense](../organizations/ministry-of-defense-of-azerbaijan.md)" in body
    unknown = out["organizations/united-nations.md"]
    assert "Also written" not in unknown and "[1 article](#articles) names United Nations." in unknown
    # of one article, no counts: each would be 1
    assert "Everyone the article that names United Nations also names, with the role it states." in unknown
    assert "- [Wei Fenghe](../people/wei-fenghe.md)\n" in unknown and "- [China](../countries/china.md)\n" in unknown


def test_an_organisation_page_lists_the_most_named_people_and_countries_first(monkeypatch, taxonomy):
    monkeypatch.setattr(generator.index, "_MOST_PEOPLE", 2)
    monkeypatch.setattr(generator.index, "_MOST_COUNTRIES", 1)
    text = build_index_pages(NAMED_WITH, taxonomy, ABOUT)["organizations/ministry-of-defense-of-azerbaijan.md"]
    assert "The 2 named most often of 3; the [people index](../people/index.md) lists everyone." in text
    assert "- [Zakir Hasanov](../people/zakir-hasanov.md) (3) — Minister of Defense" in text
    assert "wei-fenghe" not in text
    assert "The 1 named most often of 3." in text and "countries/china.md" not in text


def test_home_points_to_the_organisations(taxonomy):
    home = build_index_pages(ORG_PAGES, taxonomy, ABOUT, Wanted({"index.md"}))["index.md"]
    assert "[organisation](organizations/index.md)" in home


# ---- the people index: by family name, under its initial

@pytest.mark.parametrize("people, expected", [
    ([("Zakir Hasanov", "AZ"), ("Ilham Aliyev", "AZ"), ("Wei Fenghe", "CN")],
     ["## A", "Ilham Aliyev", "## H", "Zakir Hasanov", "## W", "Wei Fenghe"]),
    # diacritics fold; a Chinese name's first word is the family name; names are shown as written
    ([("Bratislav Gašić", "RS"), ("Stefan Gaich", "RS"), ("He Weidong", "CN"), ("Milan Mojsilović", "RS")],
     ["## G", "Stefan Gaich", "Bratislav Gašić", "## H", "He Weidong", "## M", "Milan Mojsilović"]),
    ([("Ahmad al-Sabah", "KW"), ("Charles de Gaulle", "FR")], ["## G", "Charles de Gaulle", "## S", "Ahmad al-Sabah"]),
])
def test_people_index_is_by_family_name(people, expected, taxonomy):
    pages = [_page(f"p{n}", "2024-01-01", people=[person]) for n, person in enumerate(people)]
    text = build_index_pages(pages, taxonomy, ABOUT, Wanted({"people/index.md"}))["people/index.md"]
    shown = [line if line.startswith("## ") else re.match(r"- \[([^\]]+)\]", line).group(1)
             for line in text.splitlines() if line.startswith(("## ", "- ["))]
    assert shown == expected


# ---- countries named together

def test_country_page_says_co_mention_not_partnership(taxonomy):
    pages = [_page("a", "2024-01-01", countries=["CN", "AM"]), _page("b", "2024-01-02", countries=["CN", "AZ", "AM"])]
    text = build_index_pages(pages, taxonomy, ABOUT)["countries/china.md"]
    assert "Partner" not in text
    section = text.split("## Countries named in the same articles", 1)[1].split("\n## ", 1)[0]
    assert _list_items(section) == ["- [Armenia](armenia.md) (2)", "- [Azerbaijan](azerbaijan.md) (1)"]


# ---- the timeline index: each year's dated events, the latest first

def test_timeline_index_shows_each_years_latest_events(taxonomy):
    pages = [
        _page("a", "2024-06-20", events=[("2024-09", "A visit in September."), ("2024-06-19", "Talks.")]),
        _page("b", "2024-03-01", events=[("2024-03-01", "A signing."), ("2024-01-05", "An old meeting.")]),
        _page("c", "2019-10-22"),
        _page("d", None, events=[("2023-10", "A visit in October.")]),
    ]
    text = build_index_pages(pages, taxonomy, ABOUT, Wanted({"timeline/index.md"}))["timeline/index.md"]
    years = text.split("\n## ")
    assert [y.split("\n", 1)[0] for y in years[1:]] == ["2024", "2023", "2019", "Undated articles"]
    y2024, y2023, y2019 = years[1:4]
    assert "4 dated events, 2 articles · [2024 by month](2024.md)" in y2024
    assert _list_items(y2024) == [                      # the latest three of four
        "- **September 2024** · A visit in September. *(in [A](../articles/a.md))*",
        "- **19 June 2024** · Talks. *(in [A](../articles/a.md))*",
        "- **1 March 2024** · A signing. *(in [B](../articles/b.md))*",
    ]
    assert "1 dated event, 0 articles" in y2023 and "(in [D](../articles/d.md))" in y2023
    assert "no dated events, 1 article" in y2019 and _list_items(y2019) == []


# ---- incremental runs: the pages an edit redoes

BEFORE = _page("x", "2024-06-20", ["United Nations", "ADEX"], people=[("Wei Fenghe", "CN")],
               events=[("2024-09", "A visit.")]).written


@pytest.mark.parametrize("change, redone, not_redone", [
    ({"organizations": ["United Nations", "BRICS"]},
     {"organizations/index.md", "organizations/adex.md", "organizations/brics.md"}, {"organizations/united-nations.md"}),
    ({"title": "New title"}, {"organizations/adex.md", "organizations/united-nations.md", "timeline/index.md"},
     {"organizations/index.md", "people/index.md"}),
    ({"summary": "Another summary."}, set(),
     {"organizations/adex.md", "organizations/index.md", "timeline/index.md", "people/index.md"}),
    # the country decides the family name, so it decides the order
    ({"people": [{"name": "Wei Fenghe", "role": None, "country": "TW"}]}, {"people/index.md"}, {"organizations/index.md"}),
    ({"people": [{"name": "Wei Fenghe", "role": "minister", "country": "CN"}]}, set(), {"people/index.md"}),
    # an organisation page shows the people, their roles and the countries named with it; its pages a year do not
    ({"people": [{"name": "Wei Fenghe", "role": "minister", "country": "CN"}]},
     {"organizations/adex.md", "organizations/united-nations.md"}, {"organizations/adex/2024.md", "organizations/index.md"}),
    ({"countries": ["CN", "AZ"]}, {"organizations/adex.md"}, {"organizations/adex/2024.md", "organizations/index.md"}),
    ({"events": [{"date": "2024-09", "what": "Another visit."}]}, {"timeline/index.md", "timeline/2024.md"},
     {"organizations/index.md"}),
])
def test_pages_an_edit_redoes(change, redone, not_redone, taxonomy):
    keys = pages_changed_by(front_matter(BEFORE), front_matter({**BEFORE, **change}), "x", taxonomy)
    assert redone <= keys
    assert not (not_redone & keys)


def test_the_state_keeps_organisations(tmp_path):
    # An unchanged page is known from the state's record only: without its organisations there, its
    # organisation pages would lose it on a warm run.
    save_state(tmp_path, State(pages={"articles/x.md": PageState("sources/x.txt", "", 1, 1, front_matter(BEFORE))}))
    assert load_state(tmp_path).pages["articles/x.md"].front.organizations == ("United Nations", "ADEX")

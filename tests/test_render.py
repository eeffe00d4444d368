"""Article page bodies (generator/render.py): the date line, the order of the header, the section
label, and the article text as shown (long paragraphs split at sentence ends, every character escaped)."""

from __future__ import annotations

import html
import re

import pytest

from generator.model import Article
from generator.render import (
    MAX_PARAGRAPH_WORDS, _inferred, article_text_html, display_paragraphs, render_article_body, section_note,
    stated_date,
)


def _front(**more) -> dict:
    front = {"title": "Ministers meet", "date": None, "date_precision": None, "source": "APA",
             "countries": ["AZ"], "topics": [], "people": [{"name": "Zakir Hasanov", "role": None, "country": "AZ"}],
             "organizations": ["Ministry of Defense"], "summary": "The ministers met.", "key_figures": [],
             "events": [], "provenance": {"file": "sources/a.txt", "inferred": []}}
    return front | more


@pytest.mark.parametrize("date, precision, text, expected", [
    (None, None, "On June 14, the ministers met in Baku. They talked.", "14 June (year not stated)"),
    (None, None, "On 3 March the ministers met.", "3 March (year not stated)"),
    (None, None, "The ministers met in Baku. On June 14 they talked.", "date not stated"),   # not the lead
    (None, None, "The ministers met in Baku.", "date not stated"),
    (None, None, "", "date not stated"),
    ("2019-10-22", "day", "On June 14, the ministers met.", "22 October 2019"),    # the front matter wins
    ("2024-06", "month", "On June 14, the ministers met.", "June 2024"),
])
def test_date_line(date, precision, text, expected, taxonomy):
    assert stated_date({"date": date, "date_precision": precision}, text) == expected
    body = render_article_body(_front(date=date, date_precision=precision), text, taxonomy)
    assert f"**Date:** {expected}" in body


def test_summary_comes_right_after_the_date_line(taxonomy):
    body = render_article_body(_front(), "Text.", taxonomy)
    lines = [line for line in body.splitlines() if line]
    assert lines[1].startswith("**Date:**")
    assert lines[2].startswith('<div class="admonition abstract">')
    order = [body.index(marker) for marker in ("**Date:**", "admonition abstract", "**Countries:**",
                                               "**People:**", "**Organisations:**", "## Article text")]
    assert order == sorted(order)


@pytest.mark.parametrize("notes, shown", [
    ([section_note("Opinion")], "<small>Opinion</small> · **Date:**"),
    ([section_note("Analysis"), "date: not stated with a year in the text"], "<small>Analysis</small> · **Date:**"),
    ([], None),
    (["title: derived from the first sentence (the text has no headline)"], None),
])
def test_section_label_on_the_header_line(notes, shown, taxonomy):
    front = _front(provenance={"file": "sources/a.txt", "inferred": notes})
    body = render_article_body(front, "Text.", taxonomy)
    header = next(line for line in body.splitlines() if "**Date:**" in line)
    if shown:
        assert header.startswith(shown)
    else:
        assert "<small>" not in header


@pytest.mark.parametrize("section, note", [
    ("Opinion", "title: the section label 'Opinion' after the headline was removed"),
    (None, None),
])
def test_section_is_an_inferred_note(section, note):
    article = Article("sources/a.txt", "Ministers meet", False, "2024-06-20", "day", "APA", (), (), (), (), (),
                      "S.", (), (), section=section)
    notes = _inferred(article)
    assert (note in notes) if note else not any("section label" in n for n in notes)


def _sentences(count: int, words: int) -> str:
    return " ".join(f"Sentence {i} " + " ".join(["word"] * (words - 3)) + " end." for i in range(count))


@pytest.mark.parametrize("paragraph, parts", [
    (_sentences(3, 20), 1),                     # 60 words: shown as written
    (_sentences(6, 20), 1),                     # 120 words: still one
    (_sentences(7, 20), 2),                     # 140 words: split at a sentence end
    (_sentences(18, 20), 3),                    # 360 words: three parts of at most 120
    (" ".join(["word"] * 200) + ".", 1),        # one sentence of 200 words stays whole
])
def test_long_paragraphs_are_split_at_sentence_ends(paragraph, parts):
    shown = display_paragraphs(paragraph)
    assert len(shown) == parts
    assert " ".join(shown).split() == paragraph.split()
    assert all(part.endswith(".") for part in shown)
    if parts > 1:
        assert all(len(part.split()) <= MAX_PARAGRAPH_WORDS for part in shown)


@pytest.mark.parametrize("sentence", [
    "The <script>alert(1)</script> & co said \"yes\" at 5 < 6.",
    "Mr. Smith said *this* is [a link](http://x) and `code`.",
])
def test_split_text_stays_escaped_and_whole(sentence):
    text = " ".join([sentence] * 15)        # well over 120 words, so it is split
    block = article_text_html(text)
    paragraphs = re.findall(r"<p>(.*?)</p>", block)
    assert len(paragraphs) > 1
    assert all("<" not in p and ">" not in p for p in paragraphs)      # nothing of the text is markup
    assert html.unescape(" ".join(paragraphs)) == " ".join(text.split())
    assert article_text_html(sentence) == f'<div class="briefing-text">\n<p>{html.escape(sentence, quote=False)}</p>\n</div>'


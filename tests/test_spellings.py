"""Plain spellings for search: folding diacritics, and the hidden spelling after each such word of a page."""

import re

import lxml.html
import markdown
import pytest

from generator.spellings import SPAN_END, SPAN_START, fold, plain_spelling, with_plain_spellings

EXTENSIONS = ["admonition", "tables"]       # mkdocs.yml's, but toc: heading ids are not the text


def hidden(word: str) -> str:
    return f"{SPAN_START}{word}{SPAN_END}"


@pytest.mark.parametrize("text, plain", [
    ("İ", "I"), ("ı", "i"), ("ş", "s"), ("Ş", "S"), ("ə", "e"), ("Ə", "E"), ("ğ", "g"), ("ç", "c"),
    ("ö", "o"), ("ü", "u"), ("ß", "ss"), ("đ", "d"), ("Đ", "D"), ("ć", "c"), ("č", "c"), ("ž", "z"),
    ("Gašić", "Gasic"), ("Mojsilović", "Mojsilovic"), ("İlham Əliyev", "Ilham Eliyev"), ("Şuşa", "Susa"),
    ("Türkiye", "Turkiye"), ("Łódź", "Lodz"), ("Ø", "O"), ("Ærø", "AEro"), ("Straße", "Strasse"),
    ("Gas\u030ci\u0301c", "Gasic"),                # decomposed marks, as some pages paste them
    ("Zakir Hasanov", "Zakir Hasanov"), ("", ""),
])
def test_fold(text, plain):
    assert fold(text) == plain


@pytest.mark.parametrize("word, plain", [
    ("Gašić", "Gasic"), ("Bakı", "Baki"), ("Hasanov", None), ("Москва", None), ("Гашић", None), ("中国", None),
    ("Niš", "Nis"),
])
def test_plain_spelling(word, plain):
    assert plain_spelling(word) == plain


@pytest.mark.parametrize("page, expected", [
    ("Bratislav Gašić met Zakir Hasanov.", f"Bratislav Gašić met Zakir Hasanov.{hidden('Gasic')}"),
    ("# Milan Mojsilović\n", f"# Milan Mojsilović{hidden('Mojsilovic')}\n"),
    ("- [Gašić](../people/bratislav-gasic.md) — Niš, Niš\n- Zakir Hasanov\n",
     f"- [Gašić](../people/bratislav-gasic.md) — Niš, Niš{hidden('Gasic Nis')}\n- Zakir Hasanov\n"),
    ("<ul><li>Şuşa, 8 Noyabr</li><li>Bakı</li></ul>",
     f"<ul><li>Şuşa, 8 Noyabr{hidden('Susa')}</li><li>Bakı{hidden('Baki')}</li></ul>"),
    ("<p>Türkiye and Pakistan were also discussed.</p>",      # the text itself stays whole
     f"<p>Türkiye and Pakistan were also discussed.{hidden('Turkiye')}</p>"),
    ("A line in Niš  \nbroken", f"A line in Niš{hidden('Nis')}  \nbroken"),
    ("| Gašić | 1 |", f"| Gašić | 1 {hidden('Gasic')}|"),
    ("Москва and Bakı", f"Москва and Bakı{hidden('Baki')}"),
    ("A plain page.\n", "A plain page.\n"),
])
def test_a_block_ends_with_the_spellings_of_its_words_with_diacritics(page, expected):
    assert with_plain_spellings(page) == expected


@pytest.mark.parametrize("page", [
    "---\ntitle: Gašić in Niš\n---\n",          # the front matter keeps the article's own spelling
    "`sources/Gašić.txt`",                      # code shows what it holds
    "```\nGašić\n```",
    '<p title="Gašić">',                        # inside a tag
    "<svg><title>Türkiye</title><text>Türkiye</text></svg>",
    "<!-- Gašić -->",
    "![Gašić](photo.png)",
    "[link](../people/gašić.md)",
    "## Gašić\n",                               # a heading below the first: its id is made from its text
])
def test_no_spelling_where_a_span_does_not_belong(page):
    assert with_plain_spellings(page) == page


def test_front_matter_kept_and_the_body_spelled():
    page = "---\ntitle: Bratislav Gašić\n---\n\n# Bratislav Gašić\n"
    assert with_plain_spellings(page) == f"---\ntitle: Bratislav Gašić\n---\n\n# Bratislav Gašić{hidden('Gasic')}\n"


PAGE = """---
title: "Azerbaijan, Serbia strengthen military cooperation"
---

# Azerbaijan, Serbia: Gašić in Baku

**People:**

- [Milan Mojsilović](../people/milan-mojsilovic.md) — Chief of the General Staff
- [Bratislav Gašić](../people/bratislav-gasic.md) — Serbian Minister of Defense

**Organisations:** [Vojska Srbije](../organizations/vojska-srbije.md); Ministarstvo odbrane Srbije, Niš

<div class="admonition abstract"><p class="admonition-title">Summary</p><p>Gašić met Əliyev &amp; Hasanov.</p></div>

## Article text

<div class="briefing-text">
<p>Colonel-General Bratislav Gašić said İlham Əliyev&#x27;s invitation stood.</p>
</div>

---

*Source file:* `sources/Gašić.txt`
"""


def _shown(html: str) -> str:
    """The text a reader sees: the page without its hidden elements."""
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in tree.xpath("//*[@hidden]"):
        element.drop_tree()
    return re.sub(r"\s+", " ", tree.text_content()).strip()


def test_the_page_reads_the_same_and_its_index_text_holds_both_spellings():
    spelled = with_plain_spellings(PAGE)
    body, plain_body = PAGE.split("---\n", 2)[2], spelled.split("---\n", 2)[2]
    before, after = markdown.markdown(body, extensions=EXTENSIONS), markdown.markdown(plain_body, extensions=EXTENSIONS)
    assert _shown(after) == _shown(before)
    indexed = re.sub(r"\s+", " ", lxml.html.fragment_fromstring(after, create_parent="div").text_content())
    for plain in ("Gasic", "Mojsilovic", "Eliyev", "Ilham", "Nis"):
        assert plain in indexed.split()
    assert "Bratislav Gašić said İlham Əliyev's invitation stood. Gasic Ilham Eliyev" in indexed
    tree = lxml.html.fragment_fromstring(after, create_parent="div")
    spans = tree.xpath("//span[@class='plain-spelling']")
    assert spans and all(s.get("hidden") is not None and s.get("aria-hidden") == "true" for s in spans)
    assert "`sources/Gašić.txt`" in spelled


def test_spelling_a_page_again_changes_nothing():
    once = with_plain_spellings(PAGE)
    assert with_plain_spellings(once) == once

"""The search index in small files (generator/search.py): the words it indexes, what it keeps of Material's
entries, and its incremental writing, which must make the bytes a build without the cache makes."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from generator import search


@pytest.mark.parametrize("text, expected", [
    ("Bratislav Gašić, the minister", ["bratislav", "gasic", "minister"]),
    ("Milan Mojsilović", ["milan", "mojsilovic"]),
    ("İlham Əliyev", ["ilham", "eliyev"]),
    ("Straße of Łódź", ["strasse", "lodz"]),
    ("military-technical cooperation", ["military", "technical", "cooperation"]),
    ("Azerbaijan's 2025 plan", ["azerbaijan", "2025", "plan"]),      # a single letter is no term
    ("Министр обороны", ["министр", "обороны"]),
    ("x" * (search.MAX_TERM + 1), []),
    ("<script>alert(1)</script>", ["script", "alert", "script"]),
])
def test_terms(text, expected):
    assert search.terms(text) == expected


@pytest.mark.parametrize("markup, expected", [
    ("<p>Bratislav Gašić Gasic</p>", "Bratislav Gašić"),       # the hidden plain spelling goes: terms fold
    ("<p>Gašić met Đorđević Gasic Dordevic</p> <p>Next</p>", "Gašić met Đorđević Next"),
    ("<p>&lt;img src=x onerror=alert(1)&gt; &amp; more</p>", "<img src=x onerror=alert(1)> & more"),
    ("<ul><li>one</li><li>two</li></ul>", "one two"),
    ("Gasic alone", "Gasic alone"),
])
def test_an_entry_is_read_as_text(markup, expected):
    assert search._text(markup) == expected


def _material_index(pages: dict[str, list[tuple[str, str, str]]]) -> dict:
    """Material's search_index.json for {url: [(anchor, title, text html), ...]}."""
    docs = [{"location": url + (f"#{anchor}" if anchor else ""), "title": title, "text": text}
            for url, sections in pages.items() for anchor, title, text in sections]
    return {"config": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"]}, "docs": docs}


def _pages(count: int) -> dict:
    return {f"articles/a-{number}/": [("", f"Article {number} on Gašić", f"<p>Text {number} names Hasanov.</p>"),
                                       ("article-text", "Article text", f"<p>Body {number} word{number % 7}</p>")]
            for number in range(count)} | {"people/": [("", "People", "<p>Bratislav Gašić Gasic</p>")]}


def _site(folder: Path, index: dict) -> Path:
    (folder / "search").mkdir(parents=True)
    (folder / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
    return folder


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def _index_of(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_the_index_replaces_materials_documents_and_keeps_its_configuration(tmp_path):
    index = _material_index(_pages(3))
    report = search.write_search_index(_site(tmp_path / "site", index))
    written = _index_of(tmp_path / "site")
    assert written["docs"] == []
    assert {key: value for key, value in written["config"].items() if key != "briefing"} == index["config"]
    briefing = written["config"]["briefing"]
    assert briefing["format"] == search.FORMAT and briefing["pages"] == 4 and briefing["sections"] == 7
    assert "ga" in briefing["keys"] and briefing["letters"]["ə"] == "e" and "the" in briefing["stopwords"]
    assert report.pages == 4 and report.changed == 4 and report.written == report.files


def test_the_postings_and_pages_say_where_each_term_is(tmp_path):
    site = _site(tmp_path / "site", _material_index(_pages(5)))
    search.write_search_index(site)
    postings = search.decode_postings((site / "search/index/t" / search.file_name("ga")).read_bytes())
    pages = [number for position, number in enumerate(postings["gasic"]) if position % 2 == 0]
    assert pages == [0, 1, 2, 3, 4, 5]               # every article's title, and the people page's text
    packed = postings["gasic"][1]
    assert packed // search.SECTION == 0 and packed & search.TITLE    # section 0 of article 0, in its title
    word = search.decode_postings((site / "search/index/t" / search.file_name("wo")).read_bytes())
    assert word["word3"] == [3, 1 * search.SECTION + 1]
    first = json.loads(gzip.decompress((site / "search/index/p/0").read_bytes()))
    assert first[0] == ["articles/a-0/", [["", "Article 0 on Gašić", "Text 0 names Hasanov."],
                                          ["article-text", "Article text", "Body 0 word0"]]]
    assert len(first) == search.PAGES_PER_FILE
    last = json.loads(gzip.decompress((site / "search/index/p/1").read_bytes()))
    assert last[-1] == ["people/", [["", "People", "Bratislav Gašić"]]]


def test_a_long_text_is_cut_at_a_word(tmp_path):
    text = " ".join(f"word{number}" for number in range(2000))
    site = _site(tmp_path / "site", _material_index({"long/": [("", "Long", f"<p>{text}</p>")]}))
    search.write_search_index(site)
    kept = json.loads(gzip.decompress((site / "search/index/p/0").read_bytes()))[0][1][0][2]
    assert len(kept) <= search.MAX_TEXT + 2 and kept.endswith(" …") and kept[:-2] in text
    assert "word1999" in search.decode_postings((site / "search/index/t" / search.file_name("wo")).read_bytes())


def test_a_site_without_materials_index_is_left_as_it_is(tmp_path):
    assert search.write_search_index(tmp_path) is None
    written = search.write_search_index(_site(tmp_path / "site", _material_index(_pages(1))))
    assert written is not None
    assert search.write_search_index(tmp_path / "site") is None      # already ours: no documents to read


def _edits():
    def text(pages):
        pages["articles/a-3/"][1] = ("article-text", "Article text", "<p>Now it names Mojsilović and Zanzibar.</p>")

    def title(pages):
        pages["articles/a-0/"][0] = ("", "A new title", "<p>Text.</p>")

    def section(pages):
        pages["articles/a-9/"].append(("events", "Events", "<p>A visit to Ganja.</p>"))

    def everything(pages):
        for sections in pages.values():
            sections[0] = (sections[0][0], sections[0][1], "<p>Rewritten.</p>")

    return [text, title, section, everything]


@pytest.mark.parametrize("edit", _edits(), ids=lambda edit: edit.__name__)
def test_writing_through_the_cache_makes_the_bytes_of_a_build_without_it(tmp_path, edit):
    root = tmp_path / "briefing"
    root.mkdir()
    pages = _pages(30)
    first = search.write_search_index(_site(tmp_path / "first", _material_index(pages)), root)
    assert first.reason == "no search cache"
    edit(pages)
    again = search.write_search_index(_site(tmp_path / "again", _material_index(pages)), root)
    cold = search.write_search_index(_site(tmp_path / "cold", _material_index(pages)))
    assert _files(tmp_path / "again") == _files(tmp_path / "cold")
    assert again.reason == "" and again.changed == cold.changed if edit.__name__ == "everything" else again.changed < 4
    if edit.__name__ != "everything":
        assert again.written < again.files / 2          # the rest was linked from the cache
    unchanged = search.write_search_index(_site(tmp_path / "unchanged", _material_index(pages)), root)
    assert unchanged.changed == 0 and unchanged.written == 0
    assert _files(tmp_path / "unchanged") == _files(tmp_path / "cold")


def test_a_new_set_of_pages_or_a_kept_file_changed_in_place_is_written_again(tmp_path):
    root = tmp_path / "briefing"
    root.mkdir()
    pages = _pages(10)
    search.write_search_index(_site(tmp_path / "first", _material_index(pages)), root)
    pages["articles/new/"] = [("", "New", "<p>New page.</p>")]
    added = search.write_search_index(_site(tmp_path / "added", _material_index(pages)), root)
    assert added.reason == "the set of pages changed" and added.written == added.files
    # A file of the site changed through its link with the cache: the next build does not link it again.
    kept = tmp_path / "added" / "search/index/p/0"
    os.chmod(kept, 0o644)
    kept.write_bytes(b"changed")
    again = search.write_search_index(_site(tmp_path / "again", _material_index(pages)), root)
    assert again.written == 1
    search.write_search_index(_site(tmp_path / "cold", _material_index(pages)))
    assert _files(tmp_path / "again") == _files(tmp_path / "cold")


def test_the_script_reads_what_the_index_writes():
    """The constants the worker reads from the index, and the file names it makes, are the ones written."""
    script = (Path(__file__).resolve().parent.parent / "overrides/assets/javascripts/workers/briefing-search.js").read_text()
    assert f"const FORMAT = {search.FORMAT};" in script
    for name in ("key_length", "pages_per_file", "section", "title", "max_term", "letters", "stopwords", "sections"):
        assert f"briefing.{name}" in script
    assert search.file_name("ga") == "6761" and search.file_name("шо") == "d188d0be"

"""Properties of the functions every source goes through, on inputs hypothesis makes up: cleaning, slugs and
Markdown escaping must hold for any text, not only for the articles we thought of."""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import frontmatter
import markdown
import yaml
from mkdocs.utils import yaml_load
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.clean import clean, is_junk_line
from generator.errors import BriefingError
from generator.extract.article import extract_article
from generator.markdown_text import escape_text
from generator.read import read_bytes
from generator.render import article_front_matter, render_article_body, render_page
from generator.schema import check_front_matter
from generator.slugs import make_slug, person_slug

ROOT = Path(__file__).resolve().parent.parent
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _project_extensions() -> list:
    """The Markdown extensions the site is built with: mkdocs.yml's and the ones MkDocs always adds."""
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    named = [next(iter(e)) if isinstance(e, dict) else e for e in config.get("markdown_extensions") or []]
    return list(dict.fromkeys(["toc", "tables", "fenced_code", *named]))


EXTENSIONS = _project_extensions()

# Pieces of hostile and messy text: markup, Markdown syntax, YAML, junk lines, stamps, bylines, datelines.
FRAGMENTS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<iframe src=x>",
    "</p>", "<!--", "-->", "<![CDATA[", "&lt;b&gt;", "&amp;", "&#60;", "&", "[a](javascript:alert(1))",
    "![x](data:text/html,x)", "<http://x.org>", "*", "**", "_", "__", "`", "```", "~~~", "#", "## ", "1. ",
    "1) ", "- ", "+ ", "> ", "|", "| a | b |", "|---|---|", "---", "===", "!!! note", '!!! danger "x"', "[TOC]",
    "{: .x }", "{{ x }}", "{% raw %}", "\\", "\\*", "    ", "\t", "title: x", "NO:", "countries: [KP]", "...",
    "Share", "Views: 1,204", "Print", "Advertisement", "Follow us on Telegram", "THE OPERATION IS BEING PERFORMED",
    "Other news", "Read more:", "22 October 2019 13:43", "Published: 12.03.2021", "2023-05-17 10:20",
    "By John Smith", "By John SmithThe minister said", "BAKU, October 22 (Xinhua) --", "| Opinion", " - Trend",
    "Azerbaijan and China", "the minister said.", "threats.The", "Vučić", "Министр", "🚀", "\u202e", "\u200b",
]
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=12).map("".join)
LINES = st.lists(st.one_of(TEXT, st.sampled_from(FRAGMENTS), st.just("")), max_size=14).map("\n".join)


# --------------------------------------------------------------------------------------------- clean


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _from_lines(wanted: str, inputs: list[str], start: int) -> bool:
    """Whether `wanted` is within input line `start`, or within it joined with the lines after it."""
    joined = ""
    for line in inputs[start:]:
        joined += line
        if wanted in joined:
            return True
        if not line:
            return False        # a blank line: no wrap is joined across it
    return False


@SETTINGS
@given(LINES)
# A template's placeholder inside a headline: cut from there, the headline was two pieces of its line joined.
@example("<script>alert(1)</script><script>alert(1)</script>{{ x }}<script>alert(1)</script>\n<script>alert(1)</script>")
# A cover's title over lines a blank line parts: not one wrapped title.
@example("Azerbaijan And China:\n\nAzerbaijan And China\n\nThe ministers met in the capital on Tuesday and agreed "
         "to expand cooperation in trade, energy and transport over the next five years, officials said.")
def test_clean_keeps_only_real_lines_of_the_input_in_order(text):
    result = clean(text)       # never raises
    for line in result.lines:
        assert line.strip() and not is_junk_line(line), line
    # Each line is what is left of one input line, or of consecutive ones a hard wrap had cut apart (a
    # stamp, byline or dateline cut off, glued sentences split), and the lines keep the input's order.
    inputs = [_squeeze(line) for line in text.split("\n")]
    position = 0
    for line in result.lines:
        wanted = _squeeze(line)
        while position < len(inputs) and not _from_lines(wanted, inputs, position):
            position += 1
        assert position < len(inputs), f"{line!r} is not from the input"
        position += 1
    if result.headline:
        assert any(_from_lines(_squeeze(result.headline), inputs, start) for start in range(len(inputs)))


# --------------------------------------------------------------------------------------------- slugs


@SETTINGS
@given(st.one_of(st.none(), TEXT, st.text()), st.text())
def test_slugs_are_safe_file_names(text, seed):
    slug = make_slug(text, seed)
    assert SLUG.match(slug), slug
    assert len(slug) + len("-12345678") <= 89      # room for the suffix that tells two articles apart
    assert make_slug(text, seed) == slug


@SETTINGS
@given(st.one_of(st.from_regex(r"[A-Za-z]{1,12}( [A-Za-z]{1,12}){0,7}", fullmatch=True), TEXT))
def test_a_person_slug_is_the_slug_of_the_name(name):
    # person_slug takes a short cut for plain names; its result must be the general one.
    assert person_slug(name) == make_slug(name, name)


# --------------------------------------------------------------------------------------------- escaping


class _Text(HTMLParser):
    """The text and the tags of rendered HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def _visible(text: str) -> str:
    # What escape_text promises to keep: the text, its whitespace runs made one space, control
    # characters (which HTML cannot carry) left out.
    kept = "".join(ch for ch in text if ch.isspace() or unicodedata.category(ch) != "Cc")
    return " ".join(kept.split())


@SETTINGS
@given(TEXT)
def test_escaped_text_renders_as_exactly_the_same_text(text):
    rendered = markdown.markdown(escape_text(text), extensions=EXTENSIONS)
    parsed = _Text()
    parsed.feed(rendered)
    parsed.close()
    assert parsed.tags in ([], ["p"]), rendered
    assert "".join(parsed.text) == _visible(text), rendered
    assert html.unescape(rendered.removeprefix("<p>").removesuffix("</p>")) == _visible(text)


# --------------------------------------------------------------------------------------------- the pipeline


@SETTINGS
@given(st.one_of(st.binary(max_size=3000), LINES.map(str.encode), LINES.map(lambda t: t.encode("utf-16"))),
       st.booleans())
def test_any_bytes_give_a_page_that_reads_back_as_written_or_a_named_error(taxonomy, data, html_source):
    name = "sources/x.html" if html_source else "sources/x.md"
    try:
        article = extract_article(read_bytes(data, name, html=html_source), taxonomy)
    except BriefingError as error:
        assert error.path == name
        return
    front = article_front_matter(article)
    page = render_page(front, render_article_body(front, article.text, taxonomy))
    post = frontmatter.loads(page)
    assert post.metadata == front        # whatever the text says, the front matter is only ours
    assert check_front_matter(post.metadata, taxonomy) == []


@SETTINGS
@given(LINES, st.lists(st.tuples(st.sampled_from(["related", "also_reported_by", "source_missing"]),
                                 st.one_of(st.just(True), st.lists(st.fixed_dictionaries(
                                     {"slug": st.text(min_size=1), "title": st.text()}), min_size=1))),
                       unique_by=lambda item: item[0]))
def test_a_page_drafted_in_a_worker_is_the_page_rendered_whole(taxonomy, text, links):
    from generator.render import dump_front_matter, render_drafted_page

    try:
        article = extract_article(read_bytes(text.encode(), "sources/x.txt", html=False), taxonomy)
    except BriefingError:
        return
    front = article_front_matter(article)
    body = render_article_body(front, article.text, taxonomy)
    more = dict(links)
    assert render_drafted_page(dump_front_matter(front), more, body) == render_page({**front, **more}, body)


@SETTINGS
@given(LINES)
def test_an_articles_record_is_every_labelled_field_as_plain_data(taxonomy, text):
    from dataclasses import asdict

    try:
        article = extract_article(read_bytes(text.encode(), "sources/x.txt", html=False), taxonomy)
    except BriefingError:
        return
    deep = asdict(article)      # the slow, generic way: every field, nested dataclasses as dicts
    del deep["text"], deep["sha256"], deep["section"]     # not labelled keys: the section is a provenance note

    def plain(value):
        if isinstance(value, (list, tuple)):
            return [plain(item) for item in value]
        return {key: plain(item) for key, item in value.items()} if isinstance(value, dict) else value
    record = article.record()
    assert list(record) == list(deep)           # LABELLING.md's order, and no field forgotten
    assert record == plain(deep)


FRONT_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(), TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(min_size=1), inner, max_size=4)),
    max_leaves=20)


@SETTINGS
@given(st.dictionaries(st.text(min_size=1), FRONT_VALUES, max_size=8))
def test_front_matter_is_dumped_as_yaml_dump_dumps_it(front):
    from generator.render import SAFE_DUMPER, dump_front_matter

    expected = yaml.dump(front, Dumper=SAFE_DUMPER, sort_keys=False, allow_unicode=True, width=100,
                         default_flow_style=False)
    assert dump_front_matter(front) == expected
    assert yaml.safe_load(dump_front_matter(front)) == front


@SETTINGS
@given(st.one_of(TEXT, st.from_regex(r"[a-z0-9)%]{0,8}([a-z]{2}[.!?][\"”’]?[A-Z][a-z]+[ ,;:]?[a-zA-Z ]{0,8})+", fullmatch=True)))
def test_glued_sentences_are_split_as_by_the_full_pattern(text):
    from generator.clean import _GLUED_SENTENCE, _split_glued

    # The quick test for a stop before a capital must never skip a line the full pattern would split.
    assert _split_glued(text) == _GLUED_SENTENCE.sub(" ", text)

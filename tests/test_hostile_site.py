"""Hostile and broken input, end to end: the corpus in tests/hostile/ (plus files made here that must be binary,
huge, in a legacy encoding or oddly named) is built into a site with `python -m generator build`, and
every page of it is loaded in headless Chromium.

The build must name each file it rejects and exit non-zero, and still build the site from the rest. No
article may run a script, open a dialog, add markup or metadata to its page, escape content/ with its
title, lose its text to an encoding, or overwrite another article.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import frontmatter
import pytest

from browser_support import launch_chromium, open_tab, watched_tab, serve
from generator.render import FIELDS

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "hostile"
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DESKTOP = {"width": 1280, "height": 900}

# Article texts whose bytes are made here: a legacy encoding cannot be kept safely in a text file.
CP1251_TITLE = "Министр обороны Азербайджана встретился с министром обороны Сербии"
CP1250_TITLE = "Ministar odbrane Srbije Miloš Vučević u poseti Bakuu"


def _article(title: str, sentence: str) -> str:
    return f"{title}\n\n{sentence}\n"


def _generated_sources() -> dict[str | bytes, bytes]:
    """File name (bytes where the name itself is not UTF-8) -> content."""
    noise = random.Random(7).randbytes(3000)
    script_heavy = ("<script>var pad = '" + "x" * 2000 + "';</script>\n") * 1500
    return {
        "legacy_cp1251.txt": _article(CP1251_TITLE, "Министр обороны Закир Гасанов встретился в Баку 12 мая 2022 года "
                                      "с министром обороны Сербии Небойшей Стефановичем.").encode("cp1251"),
        "legacy_cp1250.txt": _article(CP1250_TITLE, "Ministar odbrane Srbije Miloš Vučević sastao se 12. maja 2022. "
                                      "sa azerbejdžanskim kolegom Zakirom Hasanovim u Bakuu.").encode("cp1250"),
        "utf16_bom.txt": _article("Serbia and Azerbaijan sign a gas deal", "Serbia and Azerbaijan signed a memorandum "
                                  "on gas supply in Belgrade on 15 November 2023.").encode("utf-16"),
        "utf8_bom.txt": _article("Azerbaijan hosts ADEX defence exhibition", "The ADEX exhibition opened in Baku on "
                                 "6 September 2022 with 250 companies.").encode("utf-8-sig"),
        "controls_and_bidi.txt": ("Azerbaijan\u202e and China \u202chold talks\x07 on drones\x1b[31m\n\nAzerbaijan and "
                                  "China\u2066 held talks on drones\u2069 in Baku on 3 March 2023, the ministry\x00 "
                                  "said.\u200b\n").encode(),
        "<img src=x onerror=alert(1)>.txt": _article(
            "Pakistan and Azerbaijan discuss JF-17 jets",
            "Pakistan and Azerbaijan discussed the JF-17 jet in Islamabad on 8 August 2023.").encode(),
        "script_heavy_page.html": (
            "<!DOCTYPE html><html><head><title>Azerbaijan and Israel discuss drones</title>" + script_heavy
            + "</head><body><article><h1>Azerbaijan and Israel discuss drones</h1><p>Azerbaijan and Israel "
            "discussed drone production in Baku on 2 May 2023, the Ministry of Defense said.</p></article>"
            "</body></html>").encode(),
        # Rejected:
        "binary_image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise,
        "binary_noise.txt": noise,
        "huge.txt": b"Azerbaijan and China. " * (6 * 1024 * 1024 // 22),
        "long_text.txt": ("A long article\n\n" + "The minister said the talks went well. " * 80_000).encode(),
        "long_page.html": ("<html><body>" + "<p>The minister said the talks went well.</p>" * 80_000
                           + "</body></html>").encode(),
        b"bad-name-\xe9\xe8.txt": _article("Georgia and Azerbaijan sign a deal", "They signed it in Tbilisi.").encode(),
    }


# Each rejected file (as the error names it) and the reason the user is given.
REJECTED = {
    "sources/empty.txt": "empty file",
    "sources/whitespace_only.txt": "empty file",
    "sources/junk_only.txt": "no article text left",
    "sources/binary_image.txt": "binary file (a PNG image)",
    "sources/binary_noise.txt": "binary file",
    "sources/huge.txt": "too large for an article",
    "sources/long_text.txt": "too long for an article",
    "sources/long_page.html": "too long for an article",
    "sources/bad-name-\\udce9\\udce8.txt": "file name is not valid UTF-8",
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """(copy root, completed build, files in the copy's parent before the build)."""
    base = tmp_path_factory.mktemp("hostile")
    copy = base / "briefing"
    copy.mkdir()
    for name in ("mkdocs.yml", "taxonomy.yml"):
        shutil.copy2(ROOT / name, copy / name)
    shutil.copytree(ROOT / "overrides", copy / "overrides")
    shutil.copytree(HOSTILE, copy / "sources")
    for name, data in _generated_sources().items():
        folder = os.fsencode(copy / "sources") if isinstance(name, bytes) else copy / "sources"
        with open(os.path.join(folder, name), "wb") as stream:
            stream.write(data)
    (copy / "content").mkdir()
    before = _tree(base)
    command = [sys.executable, "-m", "generator", "--root", str(copy), "build", "--site-dir", str(copy / "site")]
    built = subprocess.run(command, cwd=copy, capture_output=True, text=True, timeout=120,
                           env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return copy, built, before


def _tree(folder: Path) -> set[str]:
    return {os.fsdecode(os.path.relpath(os.path.join(d, f), folder)) for d, _, files in os.walk(folder) for f in files}


@pytest.fixture(scope="module")
def pages(hostile) -> dict[str, frontmatter.Post]:
    """Every article page, by the source file it was made from."""
    folder = hostile[0] / "content" / "articles"
    posts = [frontmatter.load(path) for path in sorted(folder.glob("*.md"))]
    by_source = {post["provenance"]["file"]: post for post in posts}
    assert len(by_source) == len(posts), "two pages for one source"
    return by_source


def _report(built) -> str:
    return f"exit {built.returncode}\n--- stdout ---\n{built.stdout}\n--- stderr ---\n{built.stderr}"


# --------------------------------------------------------------------------------------------- the build


def test_build_names_each_rejected_file_and_builds_the_rest(hostile, pages):
    copy, built, _ = hostile
    assert built.returncode != 0, _report(built)
    for name, reason in REJECTED.items():
        assert f"error: {name}: {reason}" in built.stderr, f"{name} not reported as {reason!r}\n{_report(built)}"
    summary = next(line for line in built.stderr.splitlines() if line.startswith("rejected: "))
    assert sorted(summary.removeprefix("rejected: ").split(", ")) == sorted(REJECTED)
    assert "site built without 9 rejected files" in built.stderr
    assert (copy / "site" / "index.html").is_file()
    sources = [p for p in (copy / "sources").iterdir() if p.suffix in (".txt", ".md", ".html")]
    assert len(pages) == len(sources) - len(REJECTED)


def test_nothing_is_written_outside_content_and_site(hostile):
    copy, _, before = hostile
    written = _tree(copy.parent) - before
    allowed = ("briefing/content/", "briefing/site/", "briefing/.briefing-cache/")
    assert written and all(path.startswith(allowed) for path in written), sorted(
        p for p in written if not p.startswith(allowed))


def test_titles_that_look_like_paths_give_safe_slugs(hostile, pages):
    slugs = {Path(post["provenance"]["file"]).name: _slug(hostile, post) for post in pages.values()}
    assert slugs["path_title_dotdot.txt"] == "etc-passwd"
    assert slugs["path_title_windows.txt"] == "c-windows-system32-drivers-etc-hosts"
    assert slugs["path_title_absolute.txt"] == "absolute-path-index-md"
    assert all(SLUG.match(slug) and len(slug) <= 89 for slug in slugs.values()), slugs
    assert pages["sources/path_title_dotdot.txt"]["title"] == "../../etc/passwd"      # shown as written


def _slug(hostile, post) -> str:
    folder = hostile[0] / "content" / "articles"
    [path] = [p for p in folder.glob("*.md") if frontmatter.load(p)["provenance"]["file"] == post["provenance"]["file"]]
    return path.stem


def test_same_headline_gives_two_pages(pages):
    one, two = pages["sources/same_headline_one.txt"], pages["sources/same_headline_two.txt"]
    assert one["title"] == two["title"] == "Defence ministers meet"
    assert "Pakistan" in one.content and "Hungary" in two.content


def test_yaml_looking_lines_never_become_metadata(pages):
    front = pages["sources/yaml_lines.md"]
    plain = {key for source, post in pages.items() if source != "sources/yaml_lines.md" for key in post.metadata}
    assert set(FIELDS) <= set(front.metadata) <= plain     # the keys any page has, whatever its text says
    for post in pages.values():
        assert not set(post.metadata) & {"template", "location", "search", "NO", False}, post["provenance"]["file"]
    assert "KP" not in front["countries"] and "nuclear" not in front["topics"]
    # The YAML-looking lines are text above the headline, never metadata: the headline is the line the
    # lead agrees with.
    assert front["title"] == "Kazakhstan and Azerbaijan expand rail cargo through the Middle Corridor"
    assert "Karabayev" in front.content


def test_encodings_are_decoded_and_mojibake_repaired(pages):
    assert pages["sources/legacy_cp1251.txt"]["title"] == CP1251_TITLE
    assert pages["sources/legacy_cp1250.txt"]["title"] == CP1250_TITLE
    assert pages["sources/utf16_bom.txt"]["title"] == "Serbia and Azerbaijan sign a gas deal"
    assert pages["sources/utf8_bom.txt"]["title"] == "Azerbaijan hosts ADEX defence exhibition"
    mojibake = pages["sources/mojibake.txt"]
    assert mojibake["title"] == "Serbia's defence minister Gašić visits Baku"
    assert "Gašić" in mojibake.content and "â€" not in mojibake.content and "Å¡" not in mojibake.content


def test_control_characters_and_bidi_overrides_are_removed(pages):
    assert pages["sources/controls_and_bidi.txt"]["title"] == "Azerbaijan and China hold talks on drones"
    for source, post in pages.items():
        text = post.content + json.dumps(post.metadata, ensure_ascii=False, default=str)
        # The one invisible character the generator adds: a word joiner after a "<" that would open markup
        # (generator/markdown_text.py inert_markup); none from the source survives.
        text = text.replace("<\u2060", "<").replace("&lt;\u2060", "&lt;")
        hidden = {hex(ord(ch)) for ch in text if ch not in "\n\t" and unicodedata.category(ch) in ("Cc", "Cf")}
        assert not hidden, f"{source}: {hidden}"


def test_html_sources_keep_the_article_and_its_metadata(pages):
    page = pages["sources/saved_page.html"]
    assert page["title"] == "Turkish and Azerbaijani navies hold joint drills in the Caspian Sea"
    assert page["date"] == "2021-09-14"
    assert "12 ships" in page.content
    for dropped in ("injected by a script", "Unrelated story", "Subscribe", "Politics", "__pwned = 50"):
        assert dropped not in page.content, dropped
    assert pages["sources/script_heavy_page.html"]["title"] == "Azerbaijan and Israel discuss drones"


def test_the_search_index_holds_the_hostile_text_as_text(hostile):
    """The site's search index (generator/search.py) keeps text, which its worker escapes whole; what it holds
    of the hostile pages is their text as a reader reads it, searchable (tests/test_search_safety.py renders it)."""
    from generator.search import read_index

    pages = read_index(hostile[0] / "site")
    assert pages, "no search index"
    texts = [section.title + " " + section.text for _, sections in pages for section in sections]
    assert any("__pwned" in text for text in texts), "the hostile text should be searchable as text"
    assert any("<script>window.__pwned = 1;" in text for text in texts)         # text, not a tag stripped


# --------------------------------------------------------------------------------------------- the browser

# Anything that could run or load on a page: event handler attributes, script addresses in links, frames.
_PAGE_CHECK = """() => {
  const found = [];
  const show = (el, attribute) => `${el.tagName} ${attribute.name}=${attribute.value.slice(0, 60)}`;
  for (const el of document.querySelectorAll('*')) {
    if (['IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'BASE'].includes(el.tagName)) found.push(el.outerHTML.slice(0, 120));
    for (const attribute of el.attributes) {
      if (/^on/i.test(attribute.name)) found.push(show(el, attribute));
      if (/^(href|src|action|formaction|data|xlink:href)$/i.test(attribute.name)
          && /^\\s*(javascript|data|vbscript):/i.test(attribute.value)) found.push(show(el, attribute));
    }
  }
  for (const script of document.scripts) {
    if (script.text.includes('__pwned')) found.push('script: ' + script.text.slice(0, 60));
  }
  return {pwned: typeof window.__pwned, found};
}"""


@pytest.fixture(scope="module")
def site(hostile):
    with serve(hostile[0] / "site") as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    with launch_chromium() as browser:
        yield browser


@pytest.mark.browser
def test_every_page_loads_without_running_article_content(hostile, site, chromium):
    root = hostile[0] / "site"
    paths = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html") if "assets" not in p.parts)
    assert len(paths) > 30
    context, page, watcher = open_tab(chromium, site, DESKTOP)
    problems = []
    try:
        for path in paths:
            page.goto(path, wait_until="load")
            result = page.evaluate(_PAGE_CHECK)
            if result["pwned"] != "undefined" or result["found"]:
                problems.append(f"{path}: {result}")
    finally:
        context.close()
    watcher.check()
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_hostile_titles_and_text_show_as_text(hostile, site, chromium, pages):
    title = pages["sources/script_in_title.md"]["title"]
    slug = _slug(hostile, pages["sources/script_in_title.md"])
    with watched_tab(chromium, site, DESKTOP) as (context, page, watcher):
        page.goto(f"articles/{slug}/", wait_until="load")
        assert page.locator("article h1").inner_text() == title
        assert page.title().startswith(title)
        assert title in page.locator("[data-md-component=header-topic]").inner_text()
        page.goto(f"articles/{_slug(hostile, pages['sources/script_in_body.txt'])}/", wait_until="load")
        text = page.locator("article").inner_text()
        assert '<script>window.__pwned = 1; alert("body script")</script>' in text
        assert "[click me](javascript:window.__pwned=6)" in text
        page.goto(f"articles/{_slug(hostile, pages['sources/markdown_html_forms.md'])}/", wait_until="load")
        assert page.locator("article .admonition.danger").count() == 0      # "!!! danger" stays text
        assert "!!! danger" in page.locator("article").inner_text()
        assert page.evaluate("typeof window.__pwned") == "undefined"


@pytest.mark.browser
def test_searching_hostile_text_runs_nothing(site, chromium):
    with watched_tab(chromium, site, DESKTOP) as (context, page, watcher):
        page.goto("", wait_until="load")
        page.locator("input.md-search__input").click()
        page.locator("input.md-search__input").press_sequentially("onerror")
        results = page.locator(".md-search-result__link")
        results.first.wait_for()
        assert results.count() >= 2
        assert "<img src=x onerror" in page.locator(".md-search-result").inner_text()    # shown, as text
        assert not page.evaluate(_PAGE_CHECK)["found"]
        results.first.click()
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert not page.evaluate(_PAGE_CHECK)["found"]

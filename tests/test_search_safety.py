"""Article text is untrusted, and Material's search box prints what its worker answers as HTML: the answers of
Briefing's worker (overrides/assets/javascripts/workers/briefing-search.js) must hold article text as text
only. In Chromium: hostile headlines and bodies, built by `briefing build`, searched for; and an index whose
entries carry markup and addresses no page of the site has, which the worker must neither render nor link."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from browser_support import DESKTOP, build_and_serve, watched_tab, serve, skip_without_browser, visit
from conftest import copy_briefing

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402

pytestmark = pytest.mark.browser

WORD = "Zorbaqx"        # in every hostile source, and nowhere else
SOURCES = {
    "mark_breaking.txt": (
        f'</mark><script>window.__pwned = 20</script> {WORD} "><img src=x onerror="window.__pwned=21"> talks\n\n'
        f"BAKU, 5 June 2023 /Trend/ - {WORD} said <script>window.__pwned = 22; alert(22)</script> that the "
        "Ministry of Defense of Azerbaijan and China signed a plan.\n\n"
        f"A quote \"><svg onload=window.__pwned=23> and '><iframe src=javascript:window.__pwned=24> near {WORD}.\n"),
    "entities.txt": (
        f"{WORD} &amp; &lt;b&gt;bold&lt;/b&gt; defence talks\n\n"
        f"BELGRADE, 14 March 2024 (AZERTAC) -- The escaped &lt;img src=x onerror=window.__pwned=25&gt; stays text, "
        f"and {WORD} <b onmouseover=\"window.__pwned=26\">hovers</b> in Belgrade with Serbia.\n"),
}
# Anything that could run or load in the results: elements, handler attributes, script addresses.
_RESULTS_CHECK = """() => {
  const results = document.querySelector(".md-search-result");
  const allowed = new Set(["DIV", "OL", "UL", "LI", "A", "ARTICLE", "H1", "H2", "P", "MARK", "DETAILS", "SUMMARY",
                           "NAV", "SPAN", "DEL"]);
  const found = [];
  for (const element of results.querySelectorAll("*")) {
    if (!allowed.has(element.tagName)) found.push(element.tagName);
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name) || /^\\s*(javascript|data|vbscript):/i.test(attribute.value)) found.push(attribute.name);
    }
    if (element.tagName === "A" && new URL(element.href).origin !== location.origin) found.push(element.href);
  }
  return found;
}"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Base url of a briefing of the hostile sources and the shipped ones, built by `briefing build`."""
    folder = copy_briefing(tmp_path_factory.mktemp("search-hostile"))
    for name, text in SOURCES.items():
        (folder / "sources" / name).write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "generator", "--root", str(folder), "build"], cwd=folder,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads((folder / "site/search/search_index.json").read_text())["docs"] == []   # ours, not lunr's
    with serve(folder / "site") as url:
        yield url


def _search(page, query: str):
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query)
    results = page.locator(".md-search-result")
    expect(results.locator(".md-search-result__link").first).to_be_visible()
    page.wait_for_timeout(200)
    return results


@pytest.mark.parametrize("query", [WORD, "onerror", "script", "svg onload", "mark", "bold"])
def test_searching_hostile_articles_shows_their_markup_as_text_and_runs_nothing(hostile, chromium, query):
    with watched_tab(chromium, hostile, DESKTOP) as (context, page, watcher):     # the watcher fails on any dialog or error
        visit(page, "")
        results = _search(page, query)
        assert page.evaluate(_RESULTS_CHECK) == []
        assert page.evaluate("typeof window.__pwned") == "undefined"
        if query == WORD:
            shown = results.inner_text()
            assert "<script>window.__pwned = 22; alert(22)</script>" in shown
            assert '"><svg onload=window.__pwned=23>' in shown
            assert "img src=x onerror=window.__pwned=25" in shown     # as the page shows the source's "&lt;img"
        results.locator(".md-search-result__link").first.click()
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined"


@pytest.fixture(scope="module")
def crafted(tmp_path_factory):
    """The shipped briefing built, its index then made from Material entries no build makes: markup, entities
    and addresses of other hosts and schemes."""
    from generator import search

    for root, url in build_and_serve(tmp_path_factory.mktemp("search-crafted")):
        site = root / "site"
        entries = [
            {"location": "javascript:window.__pwned=30//", "title": f"{WORD} scheme", "text": f"<p>{WORD}</p>"},
            {"location": "//elsewhere.invalid/x/", "title": f"{WORD} host", "text": f"<p>{WORD}</p>"},
            {"location": " JaVaScRiPt:window.__pwned=31", "title": f"{WORD} spaced", "text": f"<p>{WORD}</p>"},
            {"location": "articles/azerbaijan-serbia-strengthen-military-cooperation/",
             "title": f"&lt;img src=x onerror=window.__pwned=32&gt; {WORD} <img src=x onerror=window.__pwned=33>",
             "text": f"<p>&lt;script&gt;window.__pwned=34&lt;/script&gt; {WORD} &amp;lt;b&amp;gt; &quot;&gt;&lt;svg "
                     f"onload=window.__pwned=35&gt;</p>"},
        ]
        index = {"config": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"]}, "docs": entries}
        (site / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
        assert search.write_search_index(site) is not None
        yield url


def test_an_index_with_markup_and_foreign_addresses_shows_text_and_links_only_the_site(crafted, chromium):
    with watched_tab(chromium, crafted, DESKTOP) as (context, page, watcher):
        visit(page, "")
        results = _search(page, WORD)
        links = results.locator(".md-search-result__link")
        expect(links).to_have_count(1)
        assert "azerbaijan-serbia-strengthen-military-cooperation/" in links.first.get_attribute("href")
        shown = results.inner_text()
        assert f"<img src=x onerror=window.__pwned=32> {WORD}" in shown          # text; the tag itself dropped
        assert "<script>window.__pwned=34</script>" in shown and "&lt;b&gt;" in shown
        assert page.evaluate(_RESULTS_CHECK) == []
        assert page.evaluate("typeof window.__pwned") == "undefined"

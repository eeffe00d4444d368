"""Search finds a name typed without its diacritics, in Chromium, on the site built by each renderer: "Gasic"
gives what "Gašić" gives, and the plain spellings that make it so are neither shown nor read aloud.

The shipped corpus names Bratislav Gašić and Milan Mojsilović. The index `briefing build` writes for Material's
search box folds the words themselves (generator/search.py), in the pages and in the query; Material's own
search (lunr, which a plain `mkdocs build` leaves, tests/test_search_site.py) folds nothing, so the pages carry
a hidden plain spelling after each such word (generator/spellings.py); Zensical's search folds by itself, and
must give the same first result with the hidden spellings there.
"""

from __future__ import annotations

import importlib.util
import re

import pytest

from browser_support import DESKTOP, build_and_serve, content, in_ci, watched_tab, skip_without_browser, visit

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402

pytestmark = pytest.mark.browser

QUERIES = [("Gašić", "Gasic"), ("Mojsilović", "Mojsilovic")]
ARTICLE = "articles/azerbaijan-serbia-strengthen-military-cooperation/"


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def site(request, tmp_path_factory):
    """(renderer, base url) of the shipped briefing built by each renderer."""
    renderer = request.param
    if renderer == "zensical" and importlib.util.find_spec("zensical") is None:
        if in_ci():
            pytest.fail("zensical is not installed, and CI is set", pytrace=False)
        pytest.skip("zensical is not installed (pip install -e '.[zensical]')")
    for _, url in build_and_serve(tmp_path_factory.mktemp(f"spellings-{renderer}"), renderer):
        yield renderer, url


def search(page, renderer: str, query: str) -> list[str]:
    """Type `query` into the renderer's search box; the results' links, in order, without the query
    string the renderer adds (it names the query)."""
    visit(page, "")
    if renderer == "mkdocs":
        box = page.locator("input.md-search__input")
        status, links = page.locator(".md-search-result__meta"), page.locator(".md-search-result__link")
    else:
        page.locator("button.md-search__button").first.click()
        dialog = page.locator("dialog[aria-label=Search]")        # in a shadow root; Playwright pierces it
        box, status, links = dialog.locator("input"), dialog.locator("[role=status]"), dialog.locator("ol a")
    box.click()
    box.press_sequentially(query)       # real key presses: both read the query on keyup
    expect(status).to_contain_text(re.compile(r"[1-9]"))
    expect(links.first).to_be_visible()
    page.wait_for_timeout(300)          # the list is filled in as the results come
    found = links.evaluate_all("(links) => links.map((link) => link.href)")
    return [re.sub(r"\?[^#]*", "", href) for href in found]


def pages(links: list[str]) -> set[str]:
    return {link.split("#")[0] for link in links}


@pytest.mark.parametrize("accented, plain", QUERIES)
def test_a_name_typed_without_diacritics_finds_what_the_name_finds(site, chromium, accented, plain):
    renderer, url = site
    with watched_tab(chromium, url, DESKTOP) as (context, page, watcher):
        with_marks, without = search(page, renderer, accented), search(page, renderer, plain)
        assert without[0] == with_marks[0], f"{plain!r} first finds {without[0]}, {accented!r} finds {with_marks[0]}"
        assert "/people/" in without[0], without
        assert f"{url}{ARTICLE}" in pages(without)
        if renderer == "mkdocs":
            # Both are the same folded term: the same results, in the same order.
            assert without == with_marks
        else:
            # Zensical's own index (its folding, its typo tolerance, its cut of the list) may list a page
            # more for the plain spelling; every page the name finds, the plain spelling finds too.
            assert pages(with_marks) <= pages(without), pages(with_marks) - pages(without)


def test_the_results_for_a_plain_name_show_its_own_paragraph(site, chromium, screenshots):
    renderer, url = site
    with watched_tab(chromium, url, DESKTOP) as (context, page, watcher):
        search(page, renderer, "Gasic")
        page.screenshot(path=str(screenshots / f"search-gasic-{renderer}.png"))
        results = (page.locator(".md-search-result") if renderer == "mkdocs"
                   else page.locator("dialog[aria-label=Search] ol").first)
        # A result shows the line the name stands in, as a reader sees it: Zensical with the spelling that
        # matched, Material's box (from the folded index) with the name alone.
        if renderer == "mkdocs":
            expect(results.first).to_contain_text("Bratislav Gašić — Serbian Minister of Defense, Colonel-General")
            assert "Gasic" not in " ".join(results.all_inner_texts())
        else:
            expect(results).to_contain_text(re.compile(r"Bratislav Gašić — Serbian Minister of Defense, Colonel-General\s*Gasic"))


def test_the_plain_spellings_are_neither_shown_nor_read(site, chromium):
    renderer, url = site
    with watched_tab(chromium, url, DESKTOP) as (context, page, watcher):
        for path in (ARTICLE, "people/bratislav-gasic/"):
            visit(page, path)
            body = content(page)
            shown = body.inner_text()
            assert "Gašić" in shown and "Gasic" not in shown, path
            read = body.aria_snapshot()
            assert "Gašić" in read and "Gasic" not in read, path
            assert "Gasic" in body.text_content()       # in the page, for the search index
            spans = body.locator("span.plain-spelling")
            assert spans.count() > 0
            for index in range(spans.count()):
                expect(spans.nth(index)).to_be_hidden()
                expect(spans.nth(index)).to_have_attribute("aria-hidden", "true")

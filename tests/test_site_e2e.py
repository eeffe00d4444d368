"""End to end: build the site from a copy of the project, serve it on 127.0.0.1 and drive it with Chromium.

Material's search runs in a web worker that fetches search/search_index.json, so the site is served over
http (Python's http.server), not opened from file://. Nothing leaves 127.0.0.1: any other request is
aborted and fails the test.

Screenshots (full page) go to the folder named by BRIEFING_SCREENSHOTS, else to a temporary folder; they
are for people to look at, nothing here compares pixels.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from browser_support import article_slug, content, hrefs, skip_without_browser, visit


BEIJING_SLUG = "ministers-of-defense-of-azerbaijan-and-china-meet-in-beijing"
BEIJING_TITLE = "Ministers of Defense of Azerbaijan and China meet in Beijing"
AZERCOSMOS_SLUG_PREFIX = "new-stage-deepening-military-ties"

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402

pytestmark = pytest.mark.browser


# --------------------------------------------------------------------------------------------- fixtures


# --------------------------------------------------------------------------------------------- helpers


def search(page, query: str):
    """Type a query into Material's search box; returns the result links once there are some."""
    search_input = page.locator("input.md-search__input")
    if not search_input.is_visible():  # narrow screens: the box opens from the header's magnifier
        page.locator("label.md-header__button[for='__search']").click()
    search_input.click()
    # Real key presses: Material reads the query on keyup, so fill() alone may never search.
    search_input.press_sequentially(query)
    links = page.locator(".md-search-result__link")
    expect(links.first).to_be_visible()
    return links


# --------------------------------------------------------------------------------------------- tests


def test_search_for_a_person_finds_the_beijing_meeting(tab):
    page, watcher = tab
    visit(page, "/")
    links = search(page, "Fenghe")
    found = page.locator(f".md-search-result__link[href*='articles/{BEIJING_SLUG}']")
    expect(found.first).to_be_visible()
    assert any(f"articles/{BEIJING_SLUG}" in href for href in hrefs(links))

    found.first.click()
    page.wait_for_url(re.compile(rf"/articles/{re.escape(BEIJING_SLUG)}/"))
    expect(content(page).locator("h1")).to_have_text(BEIJING_TITLE)
    expect(content(page)).to_contain_text("Wei Fenghe")
    watcher.check()


def test_search_for_an_organisation(tab):
    page, watcher = tab
    visit(page, "/")
    search(page, "Azercosmos")
    found = page.locator(f".md-search-result__link[href*='articles/{AZERCOSMOS_SLUG_PREFIX}']")
    expect(found.first).to_be_visible()
    watcher.check()


def test_country_page_lists_its_articles(tab, articles):
    page, watcher = tab
    expected = {slug for slug, meta in articles.items() if "CN" in (meta.get("countries") or [])}
    assert expected, "no article lists CN in its front matter"

    visit(page, "/countries/china/")
    expect(content(page).locator("h1")).to_have_text("China")
    article_links = content(page).locator("a[href*='articles/']")
    expect(article_links.first).to_be_visible()
    linked = [article_slug(href) for href in hrefs(article_links)]
    assert None not in linked, f"odd article links: {hrefs(article_links)}"
    assert set(linked) == expected
    assert len(linked) == len(expected), f"an article is linked twice: {sorted(linked)}"

    first = article_links.first
    slug = article_slug(urljoin(page.url, first.get_attribute("href")))
    first.click()
    page.wait_for_url(re.compile(rf"/articles/{re.escape(slug)}/"))
    expect(content(page).locator("h1")).to_have_text(articles[slug]["title"])
    watcher.check()


def test_person_page_links_to_the_beijing_meeting(tab):
    page, watcher = tab
    visit(page, "/people/wei-fenghe/")
    expect(content(page).locator("h1")).to_have_text("Wei Fenghe")
    link = content(page).locator(f"a[href*='articles/{BEIJING_SLUG}']")
    expect(link.first).to_be_visible()
    expect(link.first).to_have_text(BEIJING_TITLE)
    watcher.check()

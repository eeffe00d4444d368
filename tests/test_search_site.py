"""The site's search in Chromium: Material's search box answered from the index in small files
(generator/search.py, overrides/assets/javascripts/workers/briefing-search.js) on the site `briefing build`
makes, and from Material's whole index on the site a plain `mkdocs build` makes (no index of ours there).

Results come as the query is typed, a name typed without its diacritics finds the name, the keyboard opens a
result, the result's page highlights the words, nothing is fetched from outside the site, the site works
from a sub-path, and a query reads a few small files, not the whole index.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser_support import DESKTOP, PHONE, ROOT, build_and_serve, watched_tab, serve, skip_without_browser, visit

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402

pytestmark = pytest.mark.browser

BEIJING = "articles/ministers-of-defense-of-azerbaijan-and-china-meet-in-beijing/"
SERBIA = "articles/azerbaijan-serbia-strengthen-military-cooperation/"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(copy root, base url) of the shipped briefing built by `briefing build`."""
    yield from build_and_serve(tmp_path_factory.mktemp("search-site"))


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    """Base url of the shipped briefing built by a plain `mkdocs build` (which regenerates, then renders)."""
    folder = tmp_path_factory.mktemp("search-plain")
    for name in ("mkdocs.yml", "taxonomy.yml"):
        shutil.copy2(ROOT / name, folder / name)
    for name in ("sources", "content", "overrides"):
        shutil.copytree(ROOT / name, folder / name)
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=folder, env=ENV,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with serve(folder / "site") as url:
        yield url


def search(page, query: str):
    """Type `query` into the header's search box (opening it on a phone); the results' links once there are some."""
    box, opener = page.locator("input.md-search__input"), page.locator("label.md-header__button[for='__search']")
    if opener.is_visible():
        opener.click()          # a phone: the header's magnifier opens the box, and Material focuses it
    else:
        box.click()
    expect(box).to_be_focused()
    box.press_sequentially(query)           # real key presses: Material reads the query on keyup
    links = page.locator(".md-search-result__link")
    expect(links.first).to_be_visible()
    expect(page.locator(".md-search-result__meta")).to_contain_text(re.compile(r"[1-9]\d* matching document"))
    return links


def pages_of(links) -> list[str]:
    return [urlsplit(href).path for href in links.evaluate_all("(links) => links.map((link) => link.href)")]


def _requests(page) -> list:
    made = []
    page.on("requestfinished", lambda request: made.append(request))
    return made


def _search_files(made, url: str) -> dict[str, int]:
    """The search's requests (search/ and the workers), each with the bytes it downloaded."""
    found = {}
    for request in made:
        path = request.url.split("?")[0][len(url):]
        if path.startswith(("search/", "assets/javascripts/workers/")):
            sizes = request.sizes()
            found[path] = sizes["responseBodySize"] + sizes["responseHeadersSize"]
    return found


def test_results_come_as_the_query_is_typed_from_a_few_small_files(built, chromium):
    url = built[1]
    with watched_tab(chromium, url, DESKTOP) as (context, page, watcher):
        made = _requests(page)
        visit(page, "")
        links = search(page, "Fenghe")
        found = pages_of(links)
        assert urlsplit(url).path + BEIJING in found
        assert found[0].endswith("/people/wei-fenghe/"), found     # the person's page first, as Material ranks titles
        files = _search_files(made, url)
        assert any(name.startswith("search/index/t/") for name in files), files
        assert any(name.startswith("search/index/p/") for name in files), files
        assert not any(re.search(r"workers/search\.\w+\.min\.js", name) for name in files), "Material's worker was loaded"
        assert files["search/search_index.json"] < 20_000
        assert sum(files.values()) < 200_000, files
        # As the query grows the results follow it.
        page.locator("input.md-search__input").press_sequentially(" Beijing")
        expect(page.locator(f".md-search-result__link[href*='{BEIJING}']").first).to_be_visible()
        assert any(found.endswith(BEIJING) for found in pages_of(page.locator(".md-search-result__item > a:first-child"))[:2])


def test_the_keyboard_opens_the_best_result_and_its_page_highlights_the_words(built, chromium):
    url = built[1]
    with watched_tab(chromium, url, DESKTOP) as (context, page, watcher):
        visit(page, "")
        page.keyboard.press("/")                    # Material's shortcut to the search box
        expect(page.locator("input.md-search__input")).to_be_focused()
        page.keyboard.type("Gasic", delay=30)
        expect(page.locator(".md-search-result__link").first).to_be_visible()
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/people/bratislav-gasic/\?h="))
        marks = page.locator("article mark[data-md-highlight]")
        expect(marks.first).to_be_visible()
        assert "Gašić" in marks.all_inner_texts()           # the name as written, for the plain spelling typed


def test_results_show_the_text_around_the_words_marked(built, chromium, screenshots):
    url = built[1]
    with watched_tab(chromium, url, DESKTOP) as (context, page, watcher):
        visit(page, "")
        search(page, "Mojsilovic")
        result = page.locator(".md-search-result__item").filter(has=page.locator(f"a[href*='{SERBIA}']")).first
        expect(result).to_contain_text("Colonel-General Milan Mojsilović")
        expect(result.locator("mark").first).to_have_text("Mojsilović")
        page.screenshot(path=str(screenshots / "search-results-light.png"))


def test_results_fit_the_dark_palette_and_a_phone(built, chromium, screenshots):
    url = built[1]
    with watched_tab(chromium, url, PHONE) as (context, page, watcher):
        page.emulate_media(color_scheme="dark")
        visit(page, "")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        search(page, "Hasanov")
        mark = page.locator(".md-search-result p mark").first
        # Material's own style of a match in a result's text: underlined, in the dark palette's accent colour.
        style = mark.evaluate("""(mark) => {
          const probe = document.createElement("span");
          probe.style.color = getComputedStyle(document.body).getPropertyValue("--md-accent-fg-color");
          document.body.append(probe);
          const accent = getComputedStyle(probe).color;
          probe.remove();
          return [getComputedStyle(mark).textDecorationLine, getComputedStyle(mark).color, accent];
        }""")
        assert style[0] == "underline" and style[1] == style[2], style
        page.screenshot(path=str(screenshots / "search-results-dark-phone.png"))


def test_nothing_is_fetched_from_outside_the_site(built, chromium):
    url = built[1]
    with watched_tab(chromium, url, DESKTOP) as (context, page, watcher):     # the watcher aborts and reports any other host
        made = _requests(page)
        visit(page, "")
        search(page, "Azercosmos")
        search_page = page.locator(".md-search-result__link").first.get_attribute("href")
        page.locator(".md-search-result__link").first.click()
        page.wait_for_load_state("load")
        assert made and all(request.url.startswith(url) for request in made), [r.url for r in made]
        assert "Azercosmos" in page.locator("article").inner_text(), search_page


def test_the_search_works_from_a_sub_path(built, chromium, tmp_path):
    served = tmp_path / "host"
    (served / "team").mkdir(parents=True)
    shutil.copytree(built[0] / "site", served / "team" / "briefing")
    with serve(served) as root:
        url = f"{root}team/briefing/"
        with watched_tab(chromium, url, DESKTOP) as (context, page, watcher):
            made = _requests(page)
            visit(page, "")
            found = pages_of(search(page, "Gasic"))
            assert found[0] == "/team/briefing/people/bratislav-gasic/", found
            assert any(name.startswith("search/index/") for name in _search_files(made, url))


def test_a_site_built_by_a_plain_mkdocs_build_searches_materials_whole_index(plain, chromium):
    with watched_tab(chromium, plain, DESKTOP) as (context, page, watcher):
        made = _requests(page)
        visit(page, "")
        found = pages_of(search(page, "Fenghe"))
        assert urlsplit(plain).path + BEIJING in found
        files = _search_files(made, plain)
        assert any(re.search(r"workers/search\.\w+\.min\.js", name) for name in files), files    # Material's worker
        assert not any(name.startswith("search/index/") for name in files)
        whole = page.evaluate("fetch('search/search_index.json').then((response) => response.json())")
        assert len(whole["docs"]) > 100 and "briefing" not in whole["config"]        # Material's whole index
        # And a name typed without its diacritics, through the plain spellings the pages carry.
        page.locator("input.md-search__input").fill("")
        found = pages_of(search(page, "Gasic"))
        assert found[0].endswith("/people/bratislav-gasic/"), found

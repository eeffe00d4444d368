"""Issue 21, "the morning read", point by point in Chromium: the shipped briefing plus added articles, built
with `site_url` from BRIEFING_SITE_URL and served at that address on 127.0.0.1.

Added on a later day than the shipped pages: a 2019 story and a cooperation plan "for 2025"; on a later day
still, an undated article. Expected values come from the built copy's pages, never from literals about the
shipped corpus where the pages can say them. Point 4 (search without diacritics) is tests/test_search_spellings.py;
point 10 (the command line) is tests/test_cli.py and needs no browser.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import frontmatter
import pytest

from browser_support import (DESKTOP, PHONE, ROOT, article_slug, content, hrefs, watched_tab, serve_on,
                             skip_without_browser, visit)

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402

pytestmark = pytest.mark.browser

ATOM = "{http://www.w3.org/2005/Atom}"
FIRST_DAY, LATER_DAY = "2030-01-10", "2030-01-15"      # after the shipped pages' collected day
UNDATED_NEW = "azerbaijani-and-serbian-cadets-begin-a-joint-course"
STORY_2019 = "azerbaijani-and-serbian-officers-end-a-staff-course"
PLAN = "azerbaijan-and-uzbekistan-sign-military-cooperation-plan-for-2025"
SOURCES_FIRST = {
    "archive-2019.txt": "Azerbaijani and Serbian officers end a staff course\n\n12 March 2019\n\nOfficers of Azerbaijan "
                        "and Serbia completed a joint staff course in Belgrade on 12 March 2019, the Ministry of "
                        "Defence said.\n",
    "plan-2025.txt": "Azerbaijan and Uzbekistan sign military cooperation plan for 2025\n\n14 January 2025\n\nThe plan "
                     "of bilateral military cooperation between Azerbaijan and Uzbekistan for 2025 was signed in "
                     "Tashkent on 14 January 2025. The plan for 2025 provides for more than 40 joint events. The plan "
                     "of military cooperation for 2025 was signed in 2025 by the deputy ministers of defence.\n",
}
SOURCES_LATER = {
    "cadets.txt": "Azerbaijani and Serbian cadets begin a joint course\n\nCadets of the military academies of Azerbaijan "
                  "and Serbia began a joint course in Baku, the Ministry of Defense of Azerbaijan said. The course "
                  "brings together 40 cadets of the two countries.\n",
}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run(folder: Path, command: str, today: str, site_url: str) -> None:
    env = {**os.environ, "BRIEFING_TODAY": today, "BRIEFING_SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    args = [sys.executable, "-m", "generator", "--root", str(folder), command]
    if command == "build":
        args += ["--site-dir", str(folder / "site")]
    done = subprocess.run(args, cwd=folder, capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, f"{' '.join(args)}\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="module")
def briefing(tmp_path_factory):
    """(copy root, base url): the briefing with the added articles, built for the address it is served at."""
    from conftest import copy_briefing
    import shutil

    folder = copy_briefing(tmp_path_factory.mktemp("morning-read"))
    shutil.rmtree(folder / "content")
    shutil.copytree(ROOT / "content", folder / "content")        # the shipped pages, collected on their day
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    for name, text in SOURCES_FIRST.items():
        (folder / "sources" / name).write_text(text, encoding="utf-8")
    _run(folder, "generate", FIRST_DAY, url)
    for name, text in SOURCES_LATER.items():
        (folder / "sources" / name).write_text(text, encoding="utf-8")
    _run(folder, "build", LATER_DAY, url)
    with serve_on(folder / "site", port) as served:
        assert served == url
        yield folder, url


@pytest.fixture(scope="module")
def pages(briefing) -> dict[str, dict]:
    return {p.stem: frontmatter.load(p).metadata for p in sorted((briefing[0] / "content" / "articles").glob("*.md"))}


@pytest.fixture
def desk(chromium, briefing):
    with watched_tab(chromium, briefing[1], DESKTOP) as (context, page, watcher):
        yield page, watcher


@pytest.fixture
def phone(chromium, briefing):
    with watched_tab(chromium, briefing[1], PHONE) as (context, page, watcher):
        yield page, watcher


def _latest(page) -> list[str]:
    items = content(page).locator("h2#latest-articles + ul > li a[href*='articles/']")
    return [article_slug(href) for href in hrefs(items)]


# ------------------------------------------------------------------------ 1, 2: what's new, by collection


def test_1_2_an_undated_new_article_leads_the_home_page_then_the_2019_story(desk, pages):
    page, _ = desk
    assert not pages[UNDATED_NEW].get("date") and pages[STORY_2019]["date"] == "2019-03-12"
    visit(page, "/")
    latest = _latest(page)
    # Collected last first; the two collected on one day by the story's date (2025 before 2019).
    assert latest[:3] == [UNDATED_NEW, PLAN, STORY_2019], latest
    first = content(page).locator("h2#latest-articles + ul > li").first
    expect(first).to_contain_text("date not stated")
    expect(first).to_contain_text("collected 15 January 2030")
    undated = {slug for slug, meta in pages.items() if not meta.get("date")}
    assert undated <= set(latest), f"undated articles missing from the home page: {sorted(undated - set(latest))}"


def test_1_2_3_the_feed_leads_with_the_undated_article_with_absolute_links(briefing, desk, pages):
    folder, url = briefing
    page, _ = desk
    response = page.request.get(f"{url}feed.xml")
    assert response.ok
    root = ET.fromstring(response.body())
    entries = root.findall(f"{ATOM}entry")
    slugs = [urlsplit(e.find(f"{ATOM}link").get("href")).path.strip("/").split("/")[-1] for e in entries]
    assert slugs[:3] == [UNDATED_NEW, PLAN, STORY_2019], slugs
    assert set(pages) <= set(slugs), "every article is in the feed, dated or not"
    first = entries[0]
    assert first.findtext(f"{ATOM}updated").startswith(LATER_DAY)
    assert entries[2].findtext(f"{ATOM}updated").startswith(FIRST_DAY)       # collected then, not 2019
    for entry in entries:       # a reader resolves each link against the feed's own address
        link = urljoin(f"{url}feed.xml", entry.find(f"{ATOM}link").get("href"))
        assert link.startswith(url) and page.request.get(link).ok, link
    assert len({e.findtext(f"{ATOM}id") for e in entries}) == len(entries)


def test_3_feed_links_are_absolute_from_site_url(briefing, desk):
    folder, url = briefing
    page, _ = desk
    root = ET.fromstring(page.request.get(f"{url}feed.xml").body())
    links = [e.find(f"{ATOM}link").get("href") for e in root.findall(f"{ATOM}entry")]
    assert links and all(link.startswith(url) for link in links), links[:3]
    for link in links:          # each one the built article page
        assert page.request.get(link).ok, link
        assert (folder / "site" / urlsplit(link).path.lstrip("/") / "index.html").is_file(), link
    own = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert own == {"alternate": url, "self": f"{url}feed.xml"}
    # The committed feed does not depend on the address: content/ keeps the links relative to the feed.
    committed = ET.parse(folder / "content" / "feed.xml").getroot()
    assert [e.find(f"{ATOM}link").get("href") for e in committed.findall(f"{ATOM}entry")] == [
        urlsplit(link).path.removeprefix(urlsplit(url).path) for link in links]


# ------------------------------------------------------------------------ 3: site_url, sitemap, instant navigation


def test_3_the_sitemap_lists_every_page_at_its_address(briefing, desk, pages):
    _, url = briefing
    page, _ = desk
    sitemap = ET.fromstring(page.request.get(f"{url}sitemap.xml").body())
    locations = {loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert {f"{url}articles/{slug}/" for slug in pages} <= locations
    visit(page, f"articles/{STORY_2019}/")
    assert page.locator("link[rel=canonical]").get_attribute("href") == f"{url}articles/{STORY_2019}/"


def test_3_instant_navigation_replaces_the_page_without_reloading_it(desk):
    page, _ = desk
    visit(page, "/")
    # Material intercepts a click only for an address its sitemap lists, and fetches the sitemap after the
    # page has loaded: a click before that is an ordinary navigation (the full run saw it once).
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__briefingNoReload = 'still here'")
    reloads = []
    page.on("framenavigated", lambda frame: reloads.append(frame.url) if frame == page.main_frame else None)
    content(page).locator(f"h2#latest-articles + ul a[href*='articles/{STORY_2019}']").first.click()
    expect(content(page).locator("h1")).to_have_text("Azerbaijani and Serbian officers end a staff course")
    assert page.url.endswith(f"/articles/{STORY_2019}/")
    # Material's instant loading swaps the content in place: the window (and what it holds) survives.
    assert page.evaluate("window.__briefingNoReload") == "still here"


# ------------------------------------------------------------------------ 5: organisation pages


ORGANISATION = "Ministry of Defense of Azerbaijan"


def _naming(pages: dict[str, dict], taxonomy, name: str) -> dict[str, dict]:
    """The articles that name the organisation, by any spelling the taxonomy gives it."""
    return {slug: meta for slug, meta in pages.items()
            if any(taxonomy.organization_name(o) == name for o in meta.get("organizations") or [])}


def test_5_an_organisation_page_lists_its_articles(desk, pages, taxonomy):
    page, _ = desk
    name = ORGANISATION
    naming = set(_naming(pages, taxonomy, name))
    assert naming, f"no article names {name}"
    visit(page, "/organizations/")
    content(page).locator("a", has_text=re.compile(rf"^{re.escape(name)}$")).first.click()
    expect(content(page).locator("h1")).to_have_text(name)
    listed = {article_slug(h) for h in hrefs(content(page).locator("a[href*='articles/']"))} - {None}
    assert listed == naming, f"{name}: lists {sorted(listed)}, named by {sorted(naming)}"
    # And the article links back to it.
    slug = sorted(naming)[0]
    visit(page, f"articles/{slug}/")
    line = content(page).locator("p", has=page.locator("strong", has_text="Organisations:"))
    expect(line.locator("a", has_text=name)).to_have_attribute("href", re.compile(r"organizations/"))


def test_5_an_organisation_page_shows_its_people_and_countries(desk, pages, taxonomy):
    page, _ = desk
    naming = _naming(pages, taxonomy, ORGANISATION).values()
    roles: dict[str, set[str]] = {}
    for meta in naming:
        for person in meta.get("people") or []:
            roles.setdefault(taxonomy.person_by_alias.get(person["name"], person["name"]), set()).add(person.get("role") or "")
    countries = {taxonomy.country_label(code) for meta in naming for code in meta.get("countries") or []}
    visit(page, "/organizations/ministry-of-defense-of-azerbaijan/")
    body = content(page)
    expect(body.locator("a[href*='people/']").first).to_be_visible(timeout=1000)
    expect(body.locator("a[href*='countries/']").first).to_be_visible(timeout=1000)
    expect(body).to_contain_text("Being named together")        # co-mention, said as such
    people = body.locator("h2#people-named-in-the-same-articles ~ ul").first.locator(":scope > li")
    shown = {}
    for item in people.all():
        link = item.locator("a[href*='people/']")
        shown[link.inner_text().strip()] = item.inner_text()
    assert set(shown) == set(roles), sorted(shown)
    for name, line in shown.items():        # each with a role an article naming the organisation gives them
        stated = {role for role in roles[name] if role}
        assert not stated or any(role in line for role in stated), (name, line, stated)
    listed = body.locator("h2#countries-named-in-the-same-articles ~ ul").first.locator("a[href*='countries/']")
    assert {t.strip() for t in listed.all_inner_texts()} == countries
    first = listed.first.inner_text().strip()
    listed.first.click()
    expect(body.locator("h1")).to_have_text(first)


# ------------------------------------------------------------------------ 6: people by family name, letter bar


def test_6_people_are_listed_by_family_name_under_a_letter_bar(desk):
    page, _ = desk
    visit(page, "/people/")
    body = content(page)
    letters = [t.strip() for t in body.locator("h2").all_inner_texts()]
    assert letters == sorted(letters) and len(letters) == len(set(letters)) > 3, letters
    under = body.evaluate("""(article) => {
        const out = {}; let letter = null;
        for (const node of article.querySelectorAll('h2, li')) {
            if (node.tagName === 'H2') letter = node.textContent.trim();
            else out[node.querySelector('a').textContent.trim()] = letter;
        }
        return out;
    }""")
    assert under["Zakir Hasanov"] == "H" and under["Bratislav Gašić"] == "G" and under["Ilham Aliyev"] == "A", under
    # The letter bar: the page's table of contents, one link a letter, each to its heading.
    bar = page.locator(".md-sidebar--secondary nav.md-nav--secondary a.md-nav__link")
    assert [t.strip() for t in bar.all_inner_texts()] == letters
    bar.filter(has_text=re.compile(r"^\s*H\s*$")).first.click()
    page.wait_for_url(re.compile(r"#h$"))


# ------------------------------------------------------------------------ 7: co-mention, not "partners"


def test_7_country_pages_name_co_mentioned_countries_as_such_not_as_partners(desk, pages):
    page, _ = desk
    visit(page, "/countries/china/")
    body = content(page)
    heading = body.locator("h2", has_text="Countries named in the same articles")
    expect(heading).to_be_visible()
    expect(body).to_contain_text("Being named together says nothing of how the countries stand")
    assert "partner countries" not in body.inner_text().lower()
    # The counts are co-mentions: each listed country with the number of China's articles that name it too.
    china = [meta for meta in pages.values() if "CN" in (meta.get("countries") or [])]
    items = body.locator("h2:has-text('Countries named in the same articles') ~ ul").first.locator("li")
    first = items.first.inner_text()
    count = int(re.search(r"\((\d+)\)", first).group(1))
    label = first.split(" (")[0]
    from generator.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(ROOT / "taxonomy.yml")
    code = next(c for c in {c for m in china for c in m.get("countries") or []} if taxonomy.country_label(c) == label)
    assert count == sum(1 for m in china if code in (m.get("countries") or []))


# ------------------------------------------------------------------------ 8: events: real ones, short, once


def test_8_the_events_block_shows_short_lines_and_the_timeline_shows_an_occurrence_once(desk, pages):
    page, _ = desk
    for slug, meta in pages.items():
        if not meta.get("events"):
            continue
        visit(page, f"articles/{slug}/")
        items = content(page).locator("p:has(strong:text('Events:')) + ul > li").all_inner_texts()
        assert len(items) == len(meta["events"]), slug
        for item in items:
            assert "…" not in item and not item.rstrip().endswith((",", " the", " of", " to", " in")), item
            assert len(item.split()) <= 30, f"{slug}: an event line is a short line, not a paragraph: {item}"
    visit(page, "/timeline/2025/")
    lines = content(page).locator("li", has_text="plan of bilateral military cooperation").all_inner_texts()
    events = [line for line in lines if "Event:" in line]
    assert len(events) == 1, lines
    assert "Month not stated" not in content(page).inner_text()
    assert events[0].startswith("14 January 2025")


# ------------------------------------------------------------------------ 9: reading on a desktop and a phone


def test_9_a_derived_title_is_a_whole_clause(desk, pages):
    page, _ = desk
    derived = [slug for slug, meta in pages.items() if meta.get("title_derived")]
    assert derived
    for slug in derived:
        visit(page, f"articles/{slug}/")
        title = content(page).locator("h1").inner_text()
        assert not title.endswith(("…", "...")) and title.split()[-1].lower() not in ("their", "the", "of", "and"), title


def test_9_the_date_line_shows_a_stated_day_and_the_section_label(desk, pages):
    page, _ = desk
    visit(page, "/articles/azerbaijan-and-china-discuss-military-collaboration/")
    expect(content(page)).to_contain_text("Date: 14 June (year not stated)")
    from generator.render import section_label

    labelled = [slug for slug, meta in pages.items() if section_label(meta)]
    assert labelled, "the shipped corpus has an article headlined '… | Opinion'"
    visit(page, f"articles/{labelled[0]}/")
    expect(content(page).locator("small").first).to_have_text(section_label(pages[labelled[0]]))
    assert "| Opinion" not in content(page).locator("h1").inner_text()


def test_9_on_a_phone_the_summary_comes_first_and_no_paragraph_is_a_wall(phone, pages):
    page, _ = phone
    for slug in pages:
        visit(page, f"articles/{slug}/")
        summary = content(page).locator(".admonition.abstract")
        expect(summary).to_be_visible()
        top = summary.bounding_box()["y"]
        assert top < PHONE["height"], f"{slug}: the summary starts at {top}px, below the first screen"
        heights = content(page).locator(".briefing-text p").evaluate_all(
            "(ps) => ps.map((p) => p.getBoundingClientRect().height)")
        assert heights and max(heights) < 2.5 * PHONE["height"], f"{slug}: a paragraph {max(heights)}px tall"
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1] + 1, f"{slug}: wider than the phone"


def test_9_the_timeline_index_opens_on_the_latest_events(desk):
    page, _ = desk
    visit(page, "/timeline/")
    body = content(page)
    years = [t.strip() for t in body.locator("h2").all_inner_texts() if re.fullmatch(r"\d{4}", t.strip())]
    assert years == sorted(years, reverse=True) and years
    first_year = body.locator(f"h2:text-is('{years[0]}') + p + ul > li")
    expect(first_year.first).to_be_visible()
    expect(first_year.first.locator("a[href*='articles/']")).to_be_visible()

"""Safe under any renderer: the hostile corpus, built by renderers that run none of Briefing's plugin, runs
nothing in headless Chromium and shows its titles as text.

Two renderers: a plain `mkdocs build` from a copy of mkdocs.yml without the `briefing` plugin, and Zensical
(which reads mkdocs.yml and the overrides/ folder, and runs no MkDocs plugin). What keeps them safe is in
overrides/main.html and in what the generator writes; the plugin only regenerates. Each is also built with
the theme's own templates, to check that the overrides keep the theme's markup for a title with no markup.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import frontmatter
import lxml.html
import pytest
import yaml
from mkdocs.utils import yaml_load

from browser_support import DESKTOP, in_ci, open_tab, watched_tab, serve, visit
from generator.mkdocs_plugin import BriefingPlugin

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "hostile"
RENDERERS = ("mkdocs", "zensical")
# Given by hand to an article page's front matter: the theme prints both inside an attribute.
DESCRIPTION = 'A "description"><img src=x onerror="window.__pwned=50"> & more'
AUTHOR = "'><script>window.__pwned=51</script>"
# Zensical's search index lists each result's page title in a `path` field, copied from the front matter
# unescaped, and its search box builds elements (with their attributes) from that field: no template is
# involved, so nothing in overrides/ reaches it.
@dataclass
class Built:
    renderer: str
    root: Path          # the briefing copy
    site: Path          # built with overrides/
    theme_site: Path    # built with the theme's own templates


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def _report(done: subprocess.CompletedProcess) -> str:
    return f"{' '.join(map(str, done.args))}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A briefing copy whose content/ is the hostile corpus, generated; one article page given a hostile
    description and author by hand."""
    root = tmp_path_factory.mktemp("renderers") / "briefing"
    root.mkdir()
    for name in ("mkdocs.yml", "taxonomy.yml"):
        shutil.copy2(ROOT / name, root / name)
    shutil.copytree(ROOT / "overrides", root / "overrides")
    shutil.copytree(HOSTILE, root / "sources")
    (root / "sources" / "<img src=x onerror=alert(1)>.txt").write_text(
        "Pakistan and Azerbaijan discuss JF-17 jets\n\nPakistan and Azerbaijan discussed the JF-17 jet in "
        "Islamabad on 8 August 2023.\n", encoding="utf-8")
    (root / "content").mkdir()
    done = _run([sys.executable, "-m", "generator", "--root", str(root), "generate", "--jobs", "1"], root)
    # The corpus has files that are rejected (empty, junk): exit 1, the rest generated.
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, _report(done)
    page = _article(root, "sources/same_headline_one.txt")
    post = frontmatter.load(page)
    post["description"], post["author"] = DESCRIPTION, AUTHOR
    page.write_text(frontmatter.dumps(post) + "\n", encoding="utf-8")
    return root


def _article(root: Path, source: str) -> Path:
    """The article page made from a source file."""
    [page] = [p for p in (root / "content" / "articles").glob("*.md")
              if frontmatter.load(p)["provenance"]["file"] == source]
    return page


def _config(root: Path, name: str, *, plugin: bool, overrides: bool, site_dir: str) -> str:
    """A copy of mkdocs.yml beside it, with or without the briefing plugin and the overrides folder."""
    config = yaml_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "briefing" in config["plugins"] and config["theme"]["custom_dir"] == "overrides"
    if not plugin:
        config["plugins"] = [p for p in config["plugins"] if p != "briefing"]
    if not overrides:
        del config["theme"]["custom_dir"]
    config["site_dir"] = site_dir
    (root / name).write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return name


def _build(renderer: str, root: Path, config: str, site_dir: str) -> Path:
    if renderer == "mkdocs":
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", config]
    else:
        # --clean: Zensical caches rendered pages under .cache/, and the two builds differ in templates.
        command = [sys.executable, "-m", "zensical", "build", "--clean", "--config-file", config]
    done = _run(command, root)
    assert done.returncode == 0, _report(done)
    site = root / site_dir
    assert (site / "index.html").is_file(), _report(done)
    return site


def _require(renderer: str) -> None:
    if renderer == "zensical" and importlib.util.find_spec("zensical") is None:
        message = "zensical is not installed (pip install -e '.[test]')"
        if in_ci():
            pytest.fail(f"{message}, and CI is set: the Zensical build must be tested in CI", pytrace=False)
        pytest.skip(message)


@pytest.fixture(scope="module", params=RENDERERS)
def built(request, corpus) -> Built:
    renderer = request.param
    _require(renderer)
    # Zensical is given the config as it is, plugin listed: it runs no MkDocs plugin.
    plugin = renderer == "zensical"
    config = _config(corpus, f"{renderer}-overrides.yml", plugin=plugin, overrides=True, site_dir=f"site-{renderer}")
    theme = _config(corpus, f"{renderer}-theme.yml", plugin=plugin, overrides=False,
                    site_dir=f"site-{renderer}-theme")
    return Built(renderer, corpus, _build(renderer, corpus, config, f"site-{renderer}"),
                 _build(renderer, corpus, theme, f"site-{renderer}-theme"))


@pytest.fixture(scope="module")
def site(built):
    with serve(built.site) as url:
        yield url


def _url(built: Built, source: str) -> str:
    return f"articles/{_article(built.root, source).stem}/"


def _title(built: Built, source: str) -> str:
    return frontmatter.load(_article(built.root, source))["title"]


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "assets" not in p.parts)


# Anything article text could have added to a page, in its document or in a shadow root (Zensical's search
# box is one): a script naming the corpus's marker, an element with an event handler, an image of the
# corpus's (src=x), a frame, an object, a base.
_INJECTED = """() => {
  const found = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (['IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'BASE'].includes(el.tagName)) found.push(el.outerHTML.slice(0, 120));
      if (el.tagName === 'SCRIPT' && el.text.includes('__pwned')) found.push('script: ' + el.text.slice(0, 80));
      if (el.tagName === 'IMG' && el.getAttribute('src') === 'x') found.push(el.outerHTML.slice(0, 120));
      for (const attribute of el.attributes) {
        if (/^on/i.test(attribute.name)) found.push(`${el.tagName} ${attribute.name}=${attribute.value.slice(0, 60)}`);
      }
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return {pwned: typeof window.__pwned, found};
}"""


def _injected(page) -> list[str]:
    result = page.evaluate(_INJECTED)
    return result["found"] + ([f"window.__pwned is a {result['pwned']}"] if result["pwned"] != "undefined" else [])


# --------------------------------------------------------------------------------------------- no build


def test_the_plugin_changes_nothing_mkdocs_renders():
    """Thin glue: it regenerates content/ and watches it, and after the build gives the site's copy of the
    feed the site's address; no event of it sees a page, its HTML or the theme."""
    events = {name for name in vars(BriefingPlugin) if name.startswith("on_")}
    assert events == {"on_startup", "on_pre_build", "on_post_build", "on_serve", "on_shutdown"}


def test_the_nav_spells_out_every_title():
    """The nav, tabs, footer and path print nav titles raw: mkdocs.yml gives each one, so none is an
    article's (pages left out of the nav, as articles are, have no previous or next page)."""
    nav = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    for entry in nav:
        assert isinstance(entry, dict) and len(entry) == 1, entry
        [(title, target)] = entry.items()
        assert isinstance(title, str) and isinstance(target, str) and target.endswith(".md"), entry


# --------------------------------------------------------------------------------------------- built


def test_every_page_has_its_own_heading(built):
    """The content partial prints page.title as HTML on a page whose content has no <h1>: every page the
    generator writes has one, made by Markdown from escaped text (it has an id; the partial's has none)."""
    pages = _pages(built.site)
    assert len(pages) > 30
    for path in pages:
        if path == "404.html":
            continue
        headings = lxml.html.parse(str(built.site / path)).getroot().xpath("//article//h1")
        assert len(headings) == 1 and headings[0].get("id"), f"{path}: {[lxml.html.tostring(h) for h in headings]}"


def test_a_title_without_markup_keeps_the_themes_markup(built):
    """The overridden header, <title> and head metadata are the theme's own for a page with a plain title,
    under each renderer (the header partial is the renderer's, handed a stand-in page)."""
    plain = _url(built, "sources/same_headline_two.txt") + "index.html"
    for path in (plain, "index.html", "countries/index.html", "404.html"):
        ours, theirs = (lxml.html.parse(str(site / path)).getroot() for site in (built.site, built.theme_site))
        for selector in ("//header", "/html/head/title", "/html/head/meta[@name='description' or @name='author']",
                         "/html/head/link[@rel='canonical' or @rel='icon' or @rel='prev' or @rel='next']"):
            assert [_markup(e) for e in ours.xpath(selector)] == [_markup(e) for e in theirs.xpath(selector)], (
                f"{built.renderer} {path} {selector}")


def _markup(element) -> str:
    return " ".join(lxml.html.tostring(element, encoding="unicode").split())


# --------------------------------------------------------------------------------------------- browser


@pytest.mark.browser
def test_no_page_runs_article_content(built, site, chromium):
    context, page, watcher = open_tab(chromium, site, DESKTOP)
    problems = []
    try:
        for path in _pages(built.site):
            page.goto(path, wait_until="load")
            found = _injected(page)
            if found:
                problems.append(f"{path}: {found}")
    finally:
        context.close()
    watcher.check()
    assert not problems, f"{built.renderer}:\n" + "\n".join(problems)


@pytest.mark.browser
def test_hostile_titles_and_metadata_show_as_text(built, site, chromium, screenshots):
    context, page, watcher = open_tab(chromium, site, DESKTOP)
    site_name = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"]
    try:
        for source in ("sources/script_in_title.md", "sources/markdown_html_forms.md"):
            title = _title(built, source)
            assert "<" in title, title
            visit(page, _url(built, source))
            assert page.locator("article h1").inner_text() == title
            assert page.title() == f"{title} - {site_name}"
            assert page.locator("[data-md-component=header-topic]").inner_text().strip() == title
            assert not _injected(page)
        page.screenshot(path=str(screenshots / f"hostile-title-{built.renderer}.png"))
        visit(page, _url(built, "sources/same_headline_one.txt"))
        assert page.locator("meta[name=description]").get_attribute("content") == DESCRIPTION
        assert page.locator("meta[name=author]").get_attribute("content") == AUTHOR
        assert not _injected(page)
    finally:
        context.close()
    watcher.check()


def _search(page, renderer: str, query: str):
    """Type a query into the renderer's search box; returns the results' list once the count of results
    is shown (the list itself may fail to render: Zensical's does on an event handler in a title)."""
    if renderer == "mkdocs":
        box, status, listing = (page.locator("input.md-search__input"), page.locator(".md-search-result__meta"),
                                page.locator(".md-search-result"))
    else:
        page.locator("button.md-search__button").first.click()
        # Zensical's search box is a dialog in a shadow root, which Playwright's CSS selectors pierce.
        dialog = page.locator("dialog[aria-label=Search]")
        box, status, listing = dialog.locator("input"), dialog.locator("[role=status]"), dialog.locator("ol").first
    box.click()
    box.press_sequentially(query)        # real key presses: the query is read on keyup
    status.filter(has_text=re.compile(r"[1-9]")).wait_for()
    page.wait_for_timeout(500)          # an injected image's error handler runs once its load has failed
    return listing


@pytest.mark.browser
@pytest.mark.parametrize("query, shown", [
    ("military agreement", '<script>window.__pwned = 10; alert("title")</script> Azerbaijan'),
    ("onerror", "<img src=x onerror=window.__pwned=20>"),
])
def test_searching_hostile_titles_runs_nothing(built, site, chromium, request, query, shown):
    with watched_tab(chromium, site, DESKTOP) as (context, page, watcher):
        visit(page, "")
        listing = _search(page, built.renderer, query)
        assert not _injected(page)
        watcher.check()
        # Shown as text: what a reader sees (the title's invisible word joiners aside, generator/markdown_text.py).
        assert shown in listing.inner_text().replace("\u2060", "")

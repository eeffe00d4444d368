"""`briefing build --renderer zensical`: the shipped corpus rendered by Zensical, which reads mkdocs.yml and
runs no MkDocs plugin, has the pages, titles and links the MkDocs build has, and its search finds a person."""

from __future__ import annotations

import html
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_briefing

pytestmark = pytest.mark.skipif(importlib.util.find_spec("zensical") is None and not __import__("os").environ.get("CI"),
                                reason="zensical is not installed (pip install -e '.[zensical]')")


def _build(root: Path, *renderer: str) -> Path:
    done = subprocess.run([sys.executable, "-m", "generator", "--root", str(root), "build", "--jobs", "2", *renderer],
                          cwd=root, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return root / "site"


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    built = {}
    for renderer in ("mkdocs", "zensical"):
        root = copy_briefing(tmp_path_factory.mktemp(renderer))
        site = _build(root, "--renderer", renderer)
        built[renderer] = (site, {p.relative_to(site).as_posix() for p in site.rglob("index.html")})
    return built


def _title(page: Path) -> str:
    return html.unescape(re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.S).group(1)).strip()


def test_zensical_renders_every_page_mkdocs_renders_with_the_same_titles(sites):
    (mkdocs_site, mkdocs_pages), (zensical_site, zensical_pages) = sites["mkdocs"], sites["zensical"]
    assert len(mkdocs_pages) > 30 and zensical_pages == mkdocs_pages
    for page in sorted(mkdocs_pages):
        assert _title(zensical_site / page) == _title(mkdocs_site / page), page


def test_zensical_pages_link_only_to_pages_that_exist(sites):
    site, pages = sites["zensical"]
    broken = []
    for page in sorted(pages):
        folder = (site / page).parent
        for href in re.findall(r'href="([^"#?]+)[^"]*"', (site / page).read_text(encoding="utf-8")):
            if href.startswith(("http:", "https:", "mailto:", "data:")) or href.endswith((".css", ".js", ".xml", ".svg")):
                continue
            target = (folder / href).resolve()
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append(f"{page} -> {href}")
    assert broken == []


def test_zensical_search_finds_a_person(sites):
    site, _ = sites["zensical"]
    index = json.loads((site / "search.json").read_text(encoding="utf-8"))
    found = {item["location"] for item in index["items"] if "Zakir Hasanov" in item.get("text", "") + item["title"]}
    assert "people/zakir-hasanov/" in found
    assert any(location.startswith("articles/") for location in found)

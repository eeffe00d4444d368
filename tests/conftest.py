"""Shared fixtures: the project root, its taxonomy, and throw-away copies of the project."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import frontmatter
import pytest

from generator.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def taxonomy():
    return load_taxonomy(ROOT / "taxonomy.yml")


def copy_briefing(folder: Path, sources: bool = True) -> Path:
    """The shipped briefing's taxonomy, mkdocs.yml, overrides and (unless told not to) sources copied into
    `folder`, with an empty content/."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("taxonomy.yml", "mkdocs.yml"):
        shutil.copy(ROOT / name, folder / name)
    for name in ("sources", "overrides") if sources else ("overrides",):
        shutil.copytree(ROOT / name, folder / name)
    (folder / "content").mkdir()
    return folder


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the briefing (sources, taxonomy, mkdocs.yml, overrides) with an empty content/."""
    return copy_briefing(tmp_path)


# Browser tests (test_site_e2e.py, test_reader_site.py): one built, served copy of the briefing per module.

@pytest.fixture(scope="module")
def built_site(request, tmp_path_factory):
    """A built copy of the briefing, served on loopback: (copy root, base url)."""
    from browser_support import build_and_serve

    yield from build_and_serve(tmp_path_factory.mktemp(request.module.__name__.replace("test_", "briefing-")))


@pytest.fixture(scope="module")
def base_url(built_site) -> str:
    return built_site[1]


@pytest.fixture(scope="module")
def articles(built_site) -> dict[str, dict]:
    """Front matter of every article page of the built copy, by slug (the file name, which is the URL)."""
    folder = built_site[0] / "content" / "articles"
    found = {path.stem: frontmatter.load(path).metadata for path in sorted(folder.glob("*.md"))}
    assert found, f"no article pages in {folder}"
    return found


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    """Where screenshots go: $BRIEFING_SCREENSHOTS, for a human to look at, else a temporary folder."""
    folder = os.environ.get("BRIEFING_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def chromium():
    from browser_support import launch_chromium

    with launch_chromium() as browser:
        yield browser


@pytest.fixture
def tab(chromium, base_url):
    """A fresh 1280x900 page; yields (page, watcher). Whatever a test did not check fails it here."""
    from browser_support import DESKTOP, watched_tab

    with watched_tab(chromium, base_url, DESKTOP) as (context, page, watcher):
        yield page, watcher

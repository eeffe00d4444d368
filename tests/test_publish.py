"""site/ is swapped whole: the kernel's atomic exchange and the two-rename fallback give the same result."""

from __future__ import annotations

import os

import pytest

from generator import publish
from generator.errors import BriefingError


def _tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_text() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("exchange", [True, False])
@pytest.mark.parametrize("previous", [True, False])
def test_the_new_site_replaces_the_previous_one_whole(tmp_path, exchange, previous):
    final = tmp_path / "site"
    if previous:
        (final / "old").mkdir(parents=True)
        (final / "old" / "page.html").write_text("old")
        (final / "index.html").write_text("old home")
    fresh = publish.fresh_folder(final)
    assert fresh.parent == final.parent and fresh.name.startswith(".") and list(fresh.iterdir()) == []
    (fresh / "index.html").write_text("new home")
    (fresh / "search").mkdir()
    (fresh / "search" / "search_index.json").write_text("{}")
    publish.swap_into_place(fresh, final, exchange=exchange)
    assert _tree(final) == {"index.html": "new home", "search/search_index.json": "{}"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]      # nothing left beside it


def test_a_dead_build_s_folder_is_removed_and_a_live_one_kept(tmp_path):
    final = tmp_path / "site"
    dead, alive = tmp_path / ".site.building-999999999", tmp_path / f".site.building-{os.getppid()}"
    for folder in (dead, alive):
        (folder / "half").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("the user's")
    (dead / "half" / "link").symlink_to(outside, target_is_directory=True)
    publish.fresh_folder(final)
    assert not dead.exists() and alive.exists()
    assert (outside / "keep.txt").read_text() == "the user's"


def test_a_site_folder_that_is_a_link_is_refused(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("the user's")
    (tmp_path / "site").symlink_to(outside, target_is_directory=True)
    with pytest.raises(BriefingError, match="is a link"):
        publish.fresh_folder(tmp_path / "site")
    assert (outside / "keep.txt").read_text() == "the user's"


# (site_url, the built feed's first entry link afterwards): the feed in content/ is never touched.
@pytest.mark.parametrize("site_url, link", [
    ("https://example.org/briefing/", "https://example.org/briefing/articles/a/"),
    (None, "articles/a/"),          # no address: the relative links, which resolve against the feed
    ("", "articles/a/"),
])
def test_the_built_site_s_feed_takes_the_site_s_address(tmp_path, site_url, link):
    from generator.feed import build_feed
    from generator.pages import ArticlePage, front_matter

    committed = build_feed([ArticlePage("a", None, front_matter({"title": "A", "provenance": {"collected": "2024-01-10"}}),
                                        "")], "Briefing", "")
    content, site = tmp_path / "content", tmp_path / "site"
    for folder in (content, site):
        folder.mkdir()
        (folder / "feed.xml").write_text(committed, encoding="utf-8")
    assert publish.address_feed(site, site_url) is bool(site_url)
    assert f'<link rel="alternate" href="{link}" />' in (site / "feed.xml").read_text(encoding="utf-8")
    assert (content / "feed.xml").read_text(encoding="utf-8") == committed
    assert sorted(p.name for p in site.iterdir()) == ["feed.xml"]       # no temporary file left


def test_a_feed_that_is_not_xml_is_left_as_it_is(tmp_path, caplog):
    (tmp_path / "feed.xml").write_text("<feed", encoding="utf-8")
    assert publish.address_feed(tmp_path, "https://example.org/") is False
    assert (tmp_path / "feed.xml").read_text(encoding="utf-8") == "<feed"
    assert "feed.xml: not valid XML" in caplog.text
    assert publish.address_feed(tmp_path / "no-site", "https://example.org/") is False     # no feed built

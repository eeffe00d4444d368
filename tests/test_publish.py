"""site/ is swapped whole: the kernel's atomic exchange and the two-rename fallback give the same result."""

from __future__ import annotations

import os
import shutil

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


def _publish(tmp_path, built: dict[str, str], linked: dict[str, str]) -> None:
    """One build: `built` written into a fresh folder, `linked` taken from a store of kept pages."""
    final, store = tmp_path / "site", tmp_path / "store"
    fresh = publish.fresh_folder(final)
    for path, text in built.items():
        (fresh / path).parent.mkdir(parents=True, exist_ok=True)
        (fresh / path).write_text(text)
    links = {}
    for path, text in linked.items():
        kept = store / path
        if not kept.exists() or kept.read_text() != text:
            kept.parent.mkdir(parents=True, exist_ok=True)
            kept.unlink(missing_ok=True)            # a new copy, as the site cache keeps a page rendered again
            kept.write_text(text)
        links[path] = (kept, kept.stat().st_ino)
    publish.publish_site(fresh, final, links, tmp_path / "ledger.marshal")


def _beside(tmp_path) -> list[str]:
    return sorted(p.name for p in tmp_path.iterdir() if p.name not in ("store", "ledger.marshal"))


def test_builds_made_in_the_spare_folder_are_the_sites_they_should_be(tmp_path):
    pages = {f"articles/{n}/index.html": f"article {n}" for n in range(6)}
    static = {"index.html": "home", "assets/app.js": "js"}
    _publish(tmp_path, {**static, **pages}, {})                 # a cold build: every page written
    _publish(tmp_path, static, pages)                          # nothing to reuse yet: made in the fresh folder
    assert _beside(tmp_path) == [".site.spare", "site"]
    spare = os.lstat(tmp_path / ".site.spare").st_ino
    changed = {**pages, "articles/2/index.html": "article 2, edited"}
    del changed["articles/5/index.html"]
    _publish(tmp_path, {**static, "articles/9/index.html": "article 9"}, changed)
    assert os.lstat(tmp_path / "site").st_ino == spare          # made from the spare
    expected = {**static, **changed, "articles/9/index.html": "article 9"}
    assert _tree(tmp_path / "site") == expected
    for path in changed:                                        # the kept copy itself, not a copy of it
        assert os.stat(tmp_path / "site" / path).st_ino == os.stat(tmp_path / "store" / path).st_ino
    _publish(tmp_path, {"index.html": "home 2"}, {path: text for path, text in changed.items() if "/1/" not in path})
    assert _tree(tmp_path / "site") == {"index.html": "home 2",
                                        **{path: text for path, text in changed.items() if "/1/" not in path}}
    assert not (tmp_path / "site" / "articles" / "1").exists() and not (tmp_path / "site" / "assets").exists()
    assert _beside(tmp_path) == [".site.spare", "site"]


def test_what_was_done_to_a_site_by_hand_is_undone_when_it_is_made_again(tmp_path):
    pages = {f"articles/{n}/index.html": f"article {n}" for n in range(6)}
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("the user's")
    for _ in range(3):
        _publish(tmp_path, {"index.html": "home"}, pages)
    site = tmp_path / "site"
    (site / "stray.html").write_text("put there by hand")                     # the next spare, tampered with
    (site / "articles" / "3" / "notes.txt").write_text("by hand")
    (site / "articles" / "4" / "index.html").unlink()
    shutil.rmtree(site / "articles" / "0")
    (site / "articles" / "0").symlink_to(outside, target_is_directory=True)     # a link where a page's folder was
    _publish(tmp_path, {"index.html": "home"}, pages)           # made in the other folder
    _publish(tmp_path, {"index.html": "home"}, pages)           # made in the tampered one
    assert _tree(site) == {"index.html": "home", **pages}
    assert not (site / "articles" / "0").is_symlink()
    assert sorted(p.name for p in outside.iterdir()) == ["keep.txt"]
    assert (outside / "keep.txt").read_text() == "the user's"


def test_a_spare_folder_nothing_knows_is_not_used(tmp_path):
    pages = {f"articles/{n}/index.html": f"article {n}" for n in range(6)}
    for _ in range(2):
        _publish(tmp_path, {"index.html": "home"}, pages)
    (tmp_path / "ledger.marshal").unlink()
    (tmp_path / ".site.spare" / "stray.html").write_text("not of this site")
    _publish(tmp_path, {"index.html": "home"}, pages)
    assert _tree(tmp_path / "site") == {"index.html": "home", **pages}
    assert _beside(tmp_path) == ["site"]            # neither folder is known: the previous site is removed too

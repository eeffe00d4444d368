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

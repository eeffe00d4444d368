import pytest

from generator.write import ContentWriter


def test_writes_only_when_bytes_change(tmp_path):
    writer = ContentWriter(tmp_path)
    assert writer.write("articles/a.md", "one") is True
    stamp = (tmp_path / "articles/a.md").stat().st_mtime_ns
    again = ContentWriter(tmp_path)
    assert again.write("articles/a.md", "one") is False
    assert (tmp_path / "articles/a.md").stat().st_mtime_ns == stamp
    assert not list(tmp_path.rglob(".tmp-*"))


@pytest.mark.parametrize("relative", ["../outside.md", "articles/../../x.md", "/etc/passwd"])
def test_refuses_paths_outside_content(tmp_path, relative):
    with pytest.raises(ValueError):
        ContentWriter(tmp_path / "content").write(relative, "x")


def test_refuses_two_pages_for_one_path(tmp_path):
    writer = ContentWriter(tmp_path)
    writer.write("a.md", "one")
    with pytest.raises(ValueError):
        writer.write("a.md", "two")


def test_remove_stale_keeps_what_this_run_wrote(tmp_path):
    (tmp_path / "people").mkdir()
    (tmp_path / "people/old.md").write_text("old")
    writer = ContentWriter(tmp_path)
    writer.write("people/new.md", "new")
    writer.remove_stale("people")
    assert sorted(p.name for p in (tmp_path / "people").iterdir()) == ["new.md"]

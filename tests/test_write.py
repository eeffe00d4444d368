import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.write import ContentWriter, begin_writing


def test_writes_only_when_bytes_change(tmp_path):
    writer = ContentWriter(tmp_path)
    assert writer.write("articles/a.md", "one") is True
    stamp = (tmp_path / "articles/a.md").stat().st_mtime_ns
    again = ContentWriter(tmp_path)
    assert again.write("articles/a.md", "one") is False
    assert (tmp_path / "articles/a.md").stat().st_mtime_ns == stamp
    assert not list(tmp_path.rglob(".*"))     # no temporary file left


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


def test_an_interrupted_write_leaves_the_old_page_and_no_temporary_file(tmp_path, monkeypatch):
    ContentWriter(tmp_path).write("articles/a.md", "old")

    def killed(source, target):
        raise KeyboardInterrupt
    monkeypatch.setattr("generator.write.os.replace", killed)
    with pytest.raises(KeyboardInterrupt):
        ContentWriter(tmp_path).write("articles/a.md", "new")
    assert (tmp_path / "articles/a.md").read_text() == "old"
    assert sorted(p.name for p in (tmp_path / "articles").iterdir()) == ["a.md"]


def test_temporary_names_are_never_pages(tmp_path, monkeypatch):
    names = []
    real_replace = os.replace

    def replace(source, target):
        names.append(Path(source).name)
        real_replace(source, target)
    monkeypatch.setattr("generator.write.os.replace", replace)
    ContentWriter(tmp_path).write("articles/a.md", "page")
    [name] = names
    assert name.startswith(".") and not name.endswith(".md")      # MkDocs and the page scan skip it


def test_leftovers_of_dead_runs_are_removed_and_those_of_live_runs_kept(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    folder = tmp_path / "articles"
    folder.mkdir()
    leftovers = [folder / f".briefing-tmp-{dead_pid}-x1.partial", folder / ".tmp-abc123.md"]
    live = folder / f".briefing-tmp-{os.getppid()}-x2.partial"
    for path in (*leftovers, live):
        path.write_text("half a pa")
    writer = ContentWriter(tmp_path)
    assert sorted(writer.leftovers) == sorted(leftovers)
    assert [p.name for p in folder.iterdir()] == [live.name]


def _dead_pid() -> int:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(dead.stdout)


def test_a_run_is_told_when_one_before_it_died_while_writing(tmp_path):
    marks = tmp_path / ".briefing-cache"
    mark, died = begin_writing(marks)
    assert mark.exists() and not died           # no run before it
    mark.unlink()                               # it finished
    assert begin_writing(marks)[1] is False
    (marks / f"writing-{os.getppid()}").touch()     # another run, still going: not a death
    (marks / f"writing-{_dead_pid()}").touch()
    mark, died = begin_writing(marks)
    assert died
    assert sorted(p.name for p in marks.iterdir()) == sorted([mark.name, f"writing-{os.getppid()}"])


def test_a_writer_told_no_run_died_does_not_look_for_leftovers(tmp_path):
    leftover = tmp_path / "articles" / f".briefing-tmp-{_dead_pid()}-x1.partial"
    leftover.parent.mkdir()
    leftover.write_text("half a pa")
    assert ContentWriter(tmp_path, sweep=False).leftovers == []
    assert ContentWriter(tmp_path).leftovers == [leftover]


def test_a_page_is_an_ordinary_file_readable_by_all(tmp_path):
    mask = os.umask(0o022)
    try:
        ContentWriter(tmp_path).write("articles/a.md", "page")
    finally:
        os.umask(mask)
    assert (tmp_path / "articles/a.md").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("target", ["outside.md", "content/articles/curated.md"])
def test_a_page_that_is_a_link_is_refused_wherever_it_leads(tmp_path, target):
    (tmp_path / "content" / "articles").mkdir(parents=True)
    (tmp_path / target).write_text("not ours")
    (tmp_path / "content" / "articles" / "a.md").symlink_to(tmp_path / target)
    with pytest.raises(ValueError, match="a link"):
        ContentWriter(tmp_path / "content").write("articles/a.md", "x")
    assert (tmp_path / target).read_text() == "not ours"
    assert (tmp_path / "content" / "articles" / "a.md").is_symlink()


@pytest.mark.parametrize("linked", ["people", "countries/china"])
def test_a_folder_that_is_a_link_is_neither_written_nor_swept(tmp_path, linked):
    outside = tmp_path / "outside"
    (outside / "docs").mkdir(parents=True)
    for name in ("README.md", "todo.md", "docs/guide.md"):
        (outside / name).write_text("the user's")
    content = tmp_path / "content"
    (content / linked).parent.mkdir(parents=True, exist_ok=True)
    (content / linked).symlink_to(outside, target_is_directory=True)
    writer = ContentWriter(content)
    with pytest.raises(ValueError, match="is a link"):
        writer.write(f"{linked}/new.md", "x")
    top = linked.split("/")[0]
    if top == linked:
        with pytest.raises(ValueError, match="is a link"):
            writer.remove_stale(top)
    else:
        assert writer.remove_stale(top) == []      # the link inside is not gone into
    assert sorted(p.relative_to(outside).as_posix() for p in outside.rglob("*.md")) == [
        "README.md", "docs/guide.md", "todo.md"]
    assert not (outside / "new.md").exists()

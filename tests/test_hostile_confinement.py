"""The hostile suite, confinement: a briefing reads, writes and deletes only inside itself, and the
processes a command starts end with it.

Each test plays what an attacker (or an unlucky user) does to a briefing folder, through the real
command in a process of its own: links out of sources/ (one to the build's own environment, which holds
a planted secret), special and huge files, index folders that are links to a folder the user keeps
elsewhere, a taxonomy slug that is a path, killing a run or a build outright.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CANARY = "canary-7f3a91c2e5b84d06"      # planted in the build's environment: must appear nowhere it writes

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc, FIFOs and SIGKILL")


def _briefing(root: Path, *arguments: str, timeout: float = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "BRIEFING_TEST_SECRET": CANARY}
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(root), *arguments], cwd=root, env=env,
                          capture_output=True, text=True, timeout=timeout)


def _files_under(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.fixture
def outside(tmp_path) -> Path:
    """A folder of the user's outside the briefing, whose files must all remain as they are."""
    folder = tmp_path / "elsewhere"
    (folder / "docs").mkdir(parents=True)
    (folder / "README.md").write_text("# My notes\n\nnot the briefing's\n")
    (folder / "todo.md").write_text("- outside-secret: call the embassy\n")
    (folder / "docs" / "guide.md").write_text("# Guide\n")
    (folder / "story.txt").write_text(
        "Outside secret story\n\nBAKU, 3 March 2023 -- Minister of Defense Zakir Hasanov met a delegation.\n")
    return folder


def test_links_special_and_huge_files_in_sources_are_refused_and_publish_nothing(project, outside):
    sources = project / "sources"
    seeds = sorted(sources.iterdir())
    links = {
        "environ.txt": Path("/proc/self/environ"),
        "passwd.txt": Path("/etc/passwd"),
        "zero.txt": Path("/dev/zero"),
        "outside.txt": outside / "story.txt",
    }
    for name, target in links.items():
        (sources / name).symlink_to(target)
    (sources / "notes").symlink_to(outside, target_is_directory=True)
    (sources / "inside.txt").symlink_to(seeds[0])        # a link that stays in sources/ is an ordinary source
    os.mkfifo(sources / "pipe.txt")
    with open(sources / "huge.txt", "wb") as stream:     # 5 GB, sparse: reading it would exhaust memory
        stream.truncate(5 * 1024 ** 3)

    built = _briefing(project, "build", "--jobs", "2", timeout=300)

    assert "Traceback" not in built.stderr
    assert built.returncode == 1, built.stderr          # the site is built from the rest; the run says what it refused
    expected = {
        "sources/environ.txt": "a link that leads outside sources/",
        "sources/passwd.txt": "a link that leads outside sources/",
        "sources/zero.txt": "a link that leads outside sources/",
        "sources/outside.txt": "a link that leads outside sources/",
        "sources/notes": "a link to a folder: not followed",
        "sources/pipe.txt": "a named pipe (FIFO), not a file",
        "sources/huge.txt": "too large for an article (5,368,709,120 bytes",
    }
    for name, reason in expected.items():
        assert f"error: {name}: {reason}" in built.stderr, built.stderr
    assert "inside.txt" not in built.stderr
    assert len(list((project / "content" / "articles").glob("*.md"))) == len(seeds) + 1

    for folder in (project / "content", project / "site"):
        for name, data in _files_under(folder).items():
            assert CANARY.encode() not in data, f"{folder.name}/{name} publishes the build's environment"
            assert b"root:x:0:0" not in data, f"{folder.name}/{name} publishes /etc/passwd"
            assert b"Outside secret story" not in data, f"{folder.name}/{name} publishes a file outside sources/"
    assert (project / "site" / "search" / "search_index.json").is_file()


@pytest.mark.parametrize("linked", ["content/people", "content/countries", "content/topics", "content/timeline",
                                    "content/articles", "content", ".briefing-cache", "sources"])
def test_a_folder_that_is_a_link_is_an_error_not_a_target(project, outside, linked):
    assert _briefing(project, "generate").returncode == 0
    before = _files_under(outside)
    if linked == "sources":
        shutil.copytree(project / "sources", outside / "collected")
        before = _files_under(outside)
        shutil.rmtree(project / "sources")
        (project / "sources").symlink_to(outside / "collected", target_is_directory=True)
    else:
        shutil.rmtree(project / linked)
        (project / linked).symlink_to(outside, target_is_directory=True)
    pages = _files_under(project / "content") if linked != "content" else {}

    run = _briefing(project, "generate")

    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert f"error: {linked}: a link (to {outside}" in run.stderr
    assert _files_under(outside) == before, "a file outside the briefing was changed or deleted"
    if pages:
        assert _files_under(project / "content") == pages, "a page was written although the run stopped"


def test_a_page_or_a_year_folder_that_is_a_link_is_left_alone(project, outside):
    assert _briefing(project, "generate").returncode == 0
    articles = project / "content" / "articles"
    curated = sorted(articles.glob("*.md"))[0]
    (articles / "linked-page.md").symlink_to(outside / "README.md")
    (project / "content" / "people" / "notes").symlink_to(outside / "docs", target_is_directory=True)
    before = _files_under(outside)

    run = _briefing(project, "generate")

    assert "Traceback" not in run.stderr
    assert "error: content/articles/linked-page.md: a link, not a page: not followed" in run.stderr
    assert _files_under(outside) == before
    assert "My notes" not in (project / "content" / "index.md").read_text()     # the linked "page" is not indexed
    assert curated.is_file() and (articles / "linked-page.md").is_symlink()


def test_a_taxonomy_slug_that_is_a_path_writes_nothing_for_it(project):
    assert _briefing(project, "generate").returncode == 0
    curated = sorted((project / "content" / "articles").glob("*.md"))[0]
    curated.write_text(curated.read_text().replace("## Notes", "") + "\n## Notes\n\nA curator's note.\n")
    before = _files_under(project / "content")
    taxonomy = (project / "taxonomy.yml").read_text()
    assert "\ntopics:\n" in taxonomy
    hostile = (f"\ntopics:\n  ../articles/{curated.stem}:\n    label: Hijack\n"
               "    aliases: [military, cooperation, defense, minister]\n")
    (project / "taxonomy.yml").write_text(taxonomy.replace("\ntopics:\n", hostile, 1))
    line = taxonomy[:taxonomy.index("\ntopics:\n")].count("\n") + 3

    run = _briefing(project, "generate")

    assert "Traceback" not in run.stderr
    assert f"taxonomy.yml:{line}:" in run.stderr and "../articles/" in run.stderr, run.stderr
    assert curated.read_bytes() == before[f"articles/{curated.name}"]
    assert not (project / "articles").exists()


# Killing a command: its workers and its site build must end with it.

def _process_table() -> dict[int, tuple[int, str, str]]:
    """pid -> (parent pid, state, start time) of every process."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stream:
                fields = stream.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        table[int(entry)] = (int(fields[1]), fields[0], fields[19])
    return table


def _descendants(pid: int) -> dict[int, str]:
    """Every living process below pid: pid -> its start time (to tell a reused pid)."""
    table = _process_table()
    found, frontier = {}, [pid]
    while frontier:
        parent = frontier.pop()
        for child, (ppid, state, started) in table.items():
            if ppid == parent and child not in found and state != "Z":
                found[child] = started
                frontier.append(child)
    return found


def _still_running(processes: dict[int, str]) -> list[int]:
    table = _process_table()
    return [pid for pid, started in processes.items()
            if pid in table and table[pid][2] == started and table[pid][1] != "Z"]


def _wait_for(condition, timeout: float, step: float = 0.02):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    return None


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    """A briefing of 300 synthetic articles: enough for the extraction pool and a site build of seconds."""
    from conftest import copy_briefing

    root = copy_briefing(tmp_path_factory.mktemp("synthetic"), sources=False)
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), "300", str(root / "sources")],
                   check=True, capture_output=True)
    return root


def _start(root: Path, *arguments: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator", "--root", str(root), *arguments], cwd=root,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("sent", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_generate_leaves_no_worker_behind(synthetic, tmp_path, sent):
    root = tmp_path / "briefing"
    shutil.copytree(synthetic, root)
    run = _start(root, "generate", "--jobs", "2")
    workers = _wait_for(lambda: _descendants(run.pid) if len(_descendants(run.pid)) >= 2 else None, 60)
    assert workers, "the extraction workers never started"
    run.send_signal(sent)
    run.wait(timeout=30)
    left = _wait_for(lambda: not _still_running(workers), 15, 0.1)
    assert left, f"workers still running {15} s after the run was killed: {_still_running(workers)}"


@pytest.mark.parametrize("sent", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_build_ends_its_site_build_and_leaves_the_previous_site_whole(synthetic, tmp_path, sent):
    root = tmp_path / "briefing"
    shutil.copytree(synthetic, root)
    first = _briefing(root, "build", "--jobs", "2")
    assert first.returncode == 0, first.stderr
    site = _files_under(root / "site")
    assert "search/search_index.json" in site and len(site) > 300

    # Without the site cache the build renders every page, as a cold one does: an incremental build
    # of an unchanged briefing would be over before it could be killed midway.
    shutil.rmtree(root / ".briefing-cache" / "site")
    run = _start(root, "build", "--jobs", "2")

    def rendering():        # the site build's workers are up and the new site is half written
        below = _descendants(run.pid)
        fresh = [p for p in root.glob(".site.building-*") if sum(1 for _ in p.rglob("*.html")) > 20]
        return below if len(below) >= 3 and fresh else None
    processes = _wait_for(rendering, 120)
    assert processes, "the site build never got under way"
    run.send_signal(sent)
    status = run.wait(timeout=30)
    if sent == signal.SIGTERM:
        assert status == 128 + signal.SIGTERM, run.stderr.read()
    assert _wait_for(lambda: not _still_running(processes), 15, 0.1), (
        f"processes still running 15 s after the build was killed: {_still_running(processes)}")
    assert _files_under(root / "site") == site, "site/ is not the previous whole site"

    again = _briefing(root, "build", "--jobs", "2")
    assert again.returncode == 0, again.stderr
    assert not list(root.glob(".site.*")), "a killed build's folder was left behind"
    assert _files_under(root / "site").keys() == site.keys()

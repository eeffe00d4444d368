"""A run killed at any moment leaves every page old or new, never half written, and nothing MkDocs would render
by mistake.

A few hundred synthetic articles are generated; then, several times, their sources are switched between two
versions and `python -m generator generate` is killed with SIGKILL after a random delay. After each kill
every page in content/ must parse, and an article page must be wholly of one version: its body says the
version its provenance hash names. A last, uninterrupted run must leave the full set of pages and no
temporary file.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import frontmatter
import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = 300
KILLS = 4
COUNTRIES = ["Azerbaijan", "China", "Serbia", "Türkiye", "Pakistan", "Kazakhstan", "Georgia", "Hungary"]
PEOPLE = ["Zakir Hasanov", "Wei Fenghe", "Milos Vucevic", "Yasar Guler", "Nurlan Yermekbayev", "Kristof Szalay"]
VERSIONS = ("first", "second")

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL") or os.name != "posix",
                                reason="needs POSIX process groups and SIGKILL")


def _article(number: int, version: str) -> str:
    pick = random.Random(number)
    home, guest = pick.sample(COUNTRIES, 2)
    day, year = pick.randint(1, 28), pick.randint(2015, 2024)
    return (
        f"{home} and {guest} discuss cooperation, meeting {number}\n\n"
        f"BAKU, {day} March {year} (AZERTAC) -- Minister of Defense {pick.choice(PEOPLE)} met a delegation "
        f"from {guest} in Baku on {day} March {year}.\n\n"
        f"The sides discussed military-technical cooperation and joint exercises. This is the {version} "
        f"version of the story.\n\nShare\nViews: {number * 7}\n"
    )


def _write_sources(copy: Path, version: str) -> dict[str, str]:
    """Write every source in one version; returns {sha256 of the source: version}."""
    shas = {}
    for number in range(ARTICLES):
        data = _article(number, version).encode()
        (copy / "sources" / f"a{number:04d}.txt").write_bytes(data)
        shas[hashlib.sha256(data).hexdigest()] = version
    return shas


def _generate(copy: Path) -> subprocess.Popen:
    # A session of its own, so that the kill reaches the extraction workers as well.
    return subprocess.Popen([sys.executable, "-m", "generator", "--root", str(copy), "generate", "--jobs", "2"],
                            cwd=copy, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def _check_feed(path: Path) -> list[str]:
    """The Atom feed, the one generated file that is not a page, must be whole XML too."""
    import xml.etree.ElementTree as ET

    try:
        ET.parse(path)
    except ET.ParseError as error:
        return [f"feed.xml: half written ({error})"]
    return []


def _check_content(content: Path, versions: dict[str, str]) -> list[str]:
    problems = []
    for path in sorted(content.rglob("*")):
        if path.is_dir():
            continue
        name = path.relative_to(content).as_posix()
        if path.name.startswith("."):
            if path.suffix == ".md":
                problems.append(f"{name}: a temporary file MkDocs or the page scan could take for a page")
            continue
        if name == "feed.xml":
            problems.extend(_check_feed(path))
            continue
        if path.suffix != ".md":
            problems.append(f"{name}: not a page")
            continue
        try:
            post = frontmatter.load(path)
        except Exception as error:  # noqa: BLE001 - any failure to parse is the finding
            problems.append(f"{name}: does not parse: {error}")
            continue
        if not post.get("title"):
            problems.append(f"{name}: no title")
        if name.startswith("articles/"):
            version = versions.get((post.get("provenance") or {}).get("sha256"))
            whole = "*Source file:*" in post.content       # near the end of every article page
            if version is None or f"the {version} version" not in post.content or not whole:
                problems.append(f"{name}: not wholly one version (front matter says {version})")
    return problems


def test_killed_runs_leave_old_or_new_pages(tmp_path):
    copy = tmp_path / "briefing"
    (copy / "sources").mkdir(parents=True)
    (copy / "content").mkdir()
    shutil.copy2(ROOT / "taxonomy.yml", copy / "taxonomy.yml")
    versions = _write_sources(copy, VERSIONS[0])
    started = time.monotonic()
    _finish(_generate(copy))
    # Pages are written in the second half of a run: aim the kills there, whatever this machine's speed.
    full_run = time.monotonic() - started
    seed = random.randrange(1 << 30)
    pick = random.Random(seed)
    delays = []
    for kill in range(1, KILLS + 1):
        versions.update(_write_sources(copy, VERSIONS[kill % 2]))
        run = _generate(copy)
        delays.append(round(pick.uniform(0.35, 1.05) * full_run, 2))
        time.sleep(delays[-1])
        try:
            os.killpg(run.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass          # it finished first: a full run is fine too
        run.wait(timeout=30)
        problems = _check_content(copy / "content", versions)
        assert not problems, f"after kills at {delays} s (seed {seed}):\n" + "\n".join(problems[:20])

    final = _write_sources(copy, VERSIONS[(KILLS + 1) % 2])
    _finish(_generate(copy))
    assert not _check_content(copy / "content", final)
    articles = sorted((copy / "content" / "articles").glob("*.md"))
    assert len(articles) == ARTICLES, f"a page lost or doubled after kills at {delays} s (seed {seed})"
    leftovers = [p for p in (copy / "content").rglob(".*") if p.is_file()]
    assert not leftovers, f"temporary files left behind: {leftovers}"


def _finish(run: subprocess.Popen) -> None:
    _, errors = run.communicate(timeout=120)
    assert run.returncode == 0, errors.decode()

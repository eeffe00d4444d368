"""`briefing serve` (generator/serve.py): one build per save, served whole, open pages told to reload,
and nothing left running once it is stopped."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from generator.serve import inject_reload

BEIJING = "ministers-of-defense-of-azerbaijan-and-china-meet-in-beijing"
OLD_TITLE = "Ministers of Defense of Azerbaijan and China meet in Beijing"
NEW_TITLE = "Defence ministers of Azerbaijan and China hold talks in Beijing"
BUILT = re.compile(r"^briefing serve: build (\d+) in place", re.MULTILINE)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str, timeout: float = 5.0) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


def _processes_naming(text: str) -> list[int]:
    """Processes whose command line holds `text`: the server, its forked workers, its site build."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if text in command and state != "Z":
                found.append(int(entry.name))
    return found


@pytest.mark.parametrize("html, expected", [
    (b"<html><body><p>a</p></body></html>", b"<p>a</p><script>"),
    (b"<p>no body</p>", b"<p>no body</p><script>"),
])
def test_the_reload_script_goes_before_the_end_of_the_body(html, expected):
    served = inject_reload(html, 7)
    assert expected in served and b"since=7" in served and b"/__briefing/changes" in served


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="counts processes through /proc")
def test_a_saved_source_is_built_once_served_and_announced(project, tmp_path):
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    with open(log, "wb") as output:
        server = subprocess.Popen([sys.executable, "-m", "generator", "--root", str(project), "serve", "--port", str(port)],
                                  stdout=output, stderr=subprocess.STDOUT, cwd=Path(__file__).resolve().parent.parent)
    try:
        assert _wait_for(lambda: _get(base + "/"), 120), log.read_text()
        article = f"{base}/articles/{BEIJING}/"
        page = _get(article)
        assert OLD_TITLE in page
        since = int(re.search(r"var since=(\d+)", page).group(1))
        assert since == 1 and BUILT.findall(log.read_text()) == ["1"]

        answer: list[tuple[float, str]] = []

        def long_poll():
            body = _get(f"{base}/__briefing/changes?since={since}", timeout=30)
            answer.append((time.monotonic(), body))

        poll = threading.Thread(target=long_poll)
        poll.start()
        time.sleep(0.5)     # the long-poll is waiting
        assert not answer, "the long-poll answered before any change"

        # An editor's atomic save of the source with a new title: a hidden file renamed over it.
        source = next(p for p in (project / "sources").iterdir() if p.name.startswith("004_"))
        text = source.read_text(encoding="utf-8")
        assert OLD_TITLE in text
        saving = source.with_name(f".{source.name}.swp")
        saving.write_text(text.replace(OLD_TITLE, NEW_TITLE), encoding="utf-8")
        saved = time.monotonic()
        saving.replace(source)

        poll.join(20)
        assert answer, "the long-poll did not return within 20 s of the save"
        announced = answer[0][0] - saved
        assert answer[0][1] == '{"build": 2}'
        assert NEW_TITLE in _get(article)
        served = time.monotonic() - saved
        print(f"save to long-poll answer {announced:.2f} s, to the new title served {served:.2f} s")

        time.sleep(2)       # the build's own writes into content/ and site/ must not set off another
        assert BUILT.findall(log.read_text()) == ["1", "2"], log.read_text()
        on_disk = [path for path in (project / "site").rglob("*.html") if b"__briefing" in path.read_bytes()]
        assert not on_disk, on_disk
    finally:
        started = time.monotonic()
        server.send_signal(signal.SIGTERM)
        try:
            status = server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            raise
    assert status == 0, log.read_text()
    assert time.monotonic() - started < 5
    assert "briefing serve: stopped" in log.read_text()
    assert _wait_for(lambda: not _processes_naming(str(project)), 2), _processes_naming(str(project))


def test_a_briefing_folder_deleted_while_served_stops_the_server_with_a_clear_word(project, tmp_path_factory):
    # Deleting (or moving away) the folder being served: the server says so and stops, with no traceback
    # and no process left behind.
    import shutil

    port = _free_port()
    log = tmp_path_factory.mktemp("serve-log") / "serve.log"
    with open(log, "wb") as output:
        server = subprocess.Popen([sys.executable, "-m", "generator", "--root", str(project), "serve", "--port", str(port)],
                                  stdout=output, stderr=subprocess.STDOUT, cwd=Path(__file__).resolve().parent.parent)
    try:
        assert _wait_for(lambda: _get(f"http://127.0.0.1:{port}/"), 120), log.read_text()
        shutil.rmtree(project)
        status = server.wait(30)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    said = log.read_text()
    assert status == 1, said
    assert "is gone (no mkdocs.yml there): stopping" in said
    assert "Traceback" not in said, said
    assert _wait_for(lambda: not _processes_naming(str(project)), 5), _processes_naming(str(project))

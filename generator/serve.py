"""`briefing serve`: build, serve site/ on loopback, and build again when a source, a page or taxonomy.yml
changes; each page served waits for the next finished build and then reloads itself.

The site is read from site/ by path on every request, and a build swaps a whole new site into place
(generator/publish.py), so a request sees the previous site or the new one, never a half-built one.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from generator.watch import Regenerator

CHANGES_PATH = "/__briefing/changes"
_LONG_POLL_SECONDS = 25.0       # a long-poll is answered after this even without a build; the page asks again
_QUIET_SECONDS = 0.1            # changes closer together than this are one save (an editor's are milliseconds apart)

# Added to every HTML response (never to the files): wait for a newer build, then reload. One waiter
# per window, even if Material's instant navigation runs the script of each page it loads.
_RELOAD_SCRIPT = """<script>(function(){if(window.__briefingServe)return;window.__briefingServe=1;
var since=%d;function wait(){fetch("%s?since="+since,{cache:"no-store"}).then(function(r){return r.json()})
.then(function(d){if(d.build>since){location.reload()}else{wait()}},function(){setTimeout(wait,1000)})}wait()})();
</script>"""


class Builds:
    """The number of the build in place, and a way to wait for a newer one."""

    def __init__(self):
        self.number = 0
        self._changed = threading.Condition()
        self._closed = False

    def finished(self) -> int:
        with self._changed:
            self.number += 1
            self._changed.notify_all()
            return self.number

    def wait_after(self, since: int, seconds: float) -> int:
        """The build number once it is above `since`, or after `seconds`, or when the server stops."""
        with self._changed:
            self._changed.wait_for(lambda: self.number > since or self._closed, timeout=seconds)
            return self.number

    def close(self) -> None:
        with self._changed:
            self._closed = True
            self._changed.notify_all()


class BuildRequests(Regenerator):
    """Watches sources/, content/ and taxonomy.yml (the filters of the live preview's regenerator: the
    generator's own temporary files are not changes) and asks for a build once a change has settled.
    A change during a build asks for exactly one more."""

    quiet_seconds = _QUIET_SECONDS

    def __init__(self, root: Path):
        super().__init__(root)
        self._asked = threading.Condition()
        self._pending = False
        self._stopping = False

    def folders(self) -> list[Path]:
        return [self.root / "sources", self.root / "content"]

    def run(self) -> None:      # called by the debounce timer
        with self._asked:
            self._pending = True
            self._asked.notify_all()

    def next_request(self) -> bool:
        """Wait for a change; False once stopping."""
        with self._asked:
            self._asked.wait_for(lambda: self._pending or self._stopping)
            self._pending = False
            return not self._stopping

    def stop(self) -> None:
        with self._asked:
            self._stopping = True
            self._asked.notify_all()
        super().stop()


class PreviewHandler(SimpleHTTPRequestHandler):
    """Serves the site folder, with the reload script in HTML, and answers the build long-poll."""

    builds: Builds

    def do_GET(self):
        if urlsplit(self.path).path == CHANGES_PATH:
            self._answer_changes()
        else:
            super().do_GET()

    def _answer_changes(self) -> None:
        query = parse_qs(urlsplit(self.path).query)
        try:
            since = int(query.get("since", ["0"])[0])
        except ValueError:
            since = 0
        body = json.dumps({"build": self.builds.wait_after(since, _LONG_POLL_SECONDS)}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()      # the redirect to the folder's address
            path = os.path.join(path, "index.html")
        if not path.endswith(".html"):
            return super().send_head()
        number = self.builds.number      # read before the page: a build finished in between reloads it again
        try:
            with open(path, "rb") as page:
                html = page.read()
        except OSError:
            return super().send_head()
        html = inject_reload(html, number)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(html)))
        self.end_headers()
        return BytesIO(html)

    def log_message(self, format, *args):      # one line per build, not one per request
        pass


def inject_reload(html: bytes, build: int) -> bytes:
    """The page with the reload script before its </body> (at its end if it has none)."""
    script = (_RELOAD_SCRIPT % (build, CHANGES_PATH)).encode()
    at = html.rfind(b"</body>")
    return html + script if at < 0 else html[:at] + script + html[at:]


class BuildProcess:
    """`briefing build` run, for each build asked of it, in a process of its own started once and kept: a
    process of one thread (this one runs the server's and the watcher's), so that its runs fork their
    workers and pause the collector as the command's do, and that keeps from one run to the next what a
    run loads (the extractor's compiled patterns, the state). It ends with this process."""

    def __init__(self, root: Path, jobs: int | None):
        self.command = [sys.executable, "-m", "generator.serve", "--root", str(root)]
        if jobs:
            self.command += ["--jobs", str(jobs)]
        self.child = None

    def __call__(self, root: Path) -> int:
        """One build: its exit status, as `briefing build` gives it (1 when the process ended instead)."""
        from generator.processes import start_to_the_end

        if self.child is None or self.child.poll() is not None:
            self.child = start_to_the_end(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        try:
            self.child.stdin.write(b"build\n")
            self.child.stdin.flush()
            said = self.child.stdout.readline()
        except BrokenPipeError:
            said = b""
        return int(said) if said.strip().isdigit() else 1

    def close(self) -> None:
        """The process ended: at once when it is waiting, else by SIGTERM, which its site build is passed."""
        if self.child is None:
            return
        self.child.stdin.close()
        try:
            self.child.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            self.child.terminate()
            self.child.wait()


def build_on_request(root: Path, jobs: int | None) -> None:
    """What a BuildProcess runs: for each line of standard input, `briefing build`; its exit status on a line
    of standard output (what the build prints goes to standard error)."""
    from generator.cli import run_build

    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    for _ in sys.stdin:
        try:
            status = run_build(root, None, jobs)
        except OSError as error:        # the folder went away under the build: said, not a traceback
            print(f"briefing build: {root}: {error.strerror or error}", file=sys.stderr, flush=True)
            status = 2
        answers.write(f"{status}\n")
        answers.flush()


def site_folder(root: Path) -> Path:
    """mkdocs.yml's site_dir."""
    from mkdocs.config import load_config

    return Path(load_config(config_file=str(root / "mkdocs.yml")).site_dir)


def serve(root: Path, port: int, build) -> int:
    """Build with `build(root)` (an exit status), serve, and build again on every settled change until
    SIGINT or SIGTERM. Returns 0 once stopped cleanly."""
    root = root.resolve()
    site = site_folder(root)
    builds = Builds()

    def stop(_number, _frame):
        raise KeyboardInterrupt

    previous = {number: signal.signal(number, stop) for number in (signal.SIGTERM, signal.SIGINT)}
    requests = BuildRequests(root)
    server = None
    try:
        if not _build_once(build, root, site, builds):
            return 2
        handler = type("Handler", (PreviewHandler,), {"builds": builds})
        server = ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(site)))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, name="briefing-serve", daemon=True).start()
        requests.start()
        _say(f"serving {site.name}/ at http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C stops)")
        while requests.next_request():
            if not (root / "mkdocs.yml").is_file():
                # The briefing folder was deleted or moved away: nothing left to build or serve.
                _say(f"{root} is gone (no mkdocs.yml there): stopping")
                return 1
            _build_once(build, root, site, builds)
    except KeyboardInterrupt:
        pass
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        requests.stop()
        builds.close()
        if server is not None:
            server.shutdown()
            server.server_close()
    _say("stopped")
    return 0


def _build_once(build, root: Path, site: Path, builds: Builds) -> bool:
    """One build; a new site in place counts as a build (a build that rejects files still makes one).
    False when none is in place."""
    before = _identity(site)
    started = time.monotonic()
    status = build(root)
    if status >= 128:           # the site build was ended by the signal that stops us
        raise KeyboardInterrupt
    after = _identity(site)
    if after is None or (after == before and status != 0):
        _say(f"build failed (status {status}); serving the previous site" if after else "no site was built")
        return after is not None
    number = builds.finished()
    _say(f"build {number} in place in {time.monotonic() - started:.2f} s" + (f" (status {status})" if status else ""))
    return True


def _identity(folder: Path):
    try:
        info = folder.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino, info.st_mtime_ns


def _say(line: str) -> None:
    print(f"briefing serve: {line}", flush=True)
    sys.stderr.flush()


def main(argv: list[str] | None = None) -> None:
    """python -m generator.serve --root DIR [--jobs N]: BuildProcess's side."""
    from generator.processes import end_with_briefing

    parser = argparse.ArgumentParser(prog="python -m generator.serve",
                                     description="briefing serve's builds: `briefing build` for each line of standard input")
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args(argv)
    end_with_briefing()
    build_on_request(args.root, args.jobs)


if __name__ == "__main__":
    main()

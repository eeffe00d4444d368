"""What the browser tests share: Debian's Chromium under Playwright, a local server for a built site, and a
watcher for what must not happen on any page.

Outside CI a machine without Chromium (or without the playwright package) skips the browser tests; in CI
the same situation is a failure.
"""

from __future__ import annotations

import contextlib
import re
import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
TIMEOUT_MS = 10_000


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def skip_without_browser() -> None:
    """At a browser test module's top: skip it where there is no Chromium and CI is unset."""
    if not in_ci():
        if not CHROMIUM.exists():
            pytest.skip(f"{CHROMIUM} not found (set CI=true to make this a failure)", allow_module_level=True)
        pytest.importorskip("playwright.sync_api")


@contextlib.contextmanager
def launch_chromium():
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} not found"
        if in_ci():
            pytest.fail(f"{message}, and CI is set: the browser tests must run in CI", pytrace=False)
        pytest.skip(message)
    if not in_ci():
        pytest.importorskip("playwright.sync_api")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@contextlib.contextmanager
def serve(site: Path):
    """Serve a built site on 127.0.0.1 (Material's search fetches its index, so not file://); yields
    the base URL."""
    with serve_on(site, 0) as url:
        yield url


@contextlib.contextmanager
def serve_on(site: Path, port: int):
    """Serve a built site on 127.0.0.1:port (0: any free port); yields the base URL. A site built with
    its site_url is served at that address."""
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, name="briefing-test-http", daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class Watcher:
    """Collects what must not happen on any page: console errors, uncaught exceptions, dialogs, off-host requests."""

    def __init__(self, base_url: str):
        self.host = urlsplit(base_url).netloc
        self.problems: list[str] = []

    def attach(self, context, page) -> None:
        context.route("**/*", self._route)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"uncaught exception on {page.url}: {error}"))
        page.on("dialog", functools.partial(self._dialog, page))

    def _route(self, route):
        url = urlsplit(route.request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.netloc != self.host:
            self.problems.append(f"request off 127.0.0.1 (aborted): {route.request.url}")
            route.abort()
        else:
            route.continue_()

    def _console(self, message):
        if message.type == "error":
            where = message.location.get("url") or "?"
            self.problems.append(f"console error ({where}): {message.text}")

    def _dialog(self, page, dialog):
        from playwright.sync_api import Error as PlaywrightError

        self.problems.append(f"{dialog.type} dialog on {page.url}: {dialog.message!r}")
        try:
            dialog.dismiss()
        except PlaywrightError:
            pass

    def check(self) -> None:
        problems, self.problems = self.problems, []
        assert not problems, "the browser reported:\n" + "\n".join(problems)


def open_tab(browser, base_url: str, viewport: dict):
    """A fresh context and page with a Watcher attached; service workers blocked, short timeouts."""
    context = browser.new_context(viewport=viewport, base_url=base_url, service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    page = context.new_page()
    watcher = Watcher(base_url)
    watcher.attach(context, page)
    return context, page, watcher


@contextlib.contextmanager
def watched_tab(browser, base_url: str, viewport: dict):
    """open_tab's (context, page, watcher) for a with block: the context is closed however the block
    ends, and what the watcher saw is checked when the block ran through."""
    context, page, watcher = open_tab(browser, base_url, viewport)
    try:
        yield context, page, watcher
    finally:
        context.close()
    watcher.check()


ROOT = Path(__file__).resolve().parent.parent
# What a built copy holds: a briefing folder. The installed package provides the generator and the
# `briefing` MkDocs plugin.
COPIED_FILES = ("README.md", "mkdocs.yml", "taxonomy.yml")
COPIED_DIRS = ("sources", "content", "overrides")


def build_and_serve(folder: Path, renderer: str = "mkdocs"):
    """Copy the briefing into `folder`, `python -m generator build` it (with `renderer`), serve its site/ on
    loopback; yields (copy root, base url). For module-scoped fixtures: `yield from build_and_serve(...)`."""
    for name in COPIED_FILES:
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, folder / name)
    for name in COPIED_DIRS:
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    site = folder / "site"
    command = [sys.executable, "-m", "generator", "--root", str(folder), "build", "--site-dir", str(site),
               "--renderer", renderer]
    built = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=300,
                           env=_env_without_site_url())
    assert built.returncode == 0, (
        f"{' '.join(command)} exited {built.returncode}\n--- stdout ---\n{built.stdout}\n--- stderr ---\n{built.stderr}"
    )
    assert (site / "index.html").is_file(), f"no index.html in {site}\n{built.stdout}\n{built.stderr}"
    with serve(site) as url:
        yield folder, url


def _env_without_site_url() -> dict[str, str]:
    # Served at a port of its own, the copy has no address: a BRIEFING_SITE_URL of the shell that runs
    # the tests would give its sitemap and feed another site's (tests/test_morning_read.py builds with one).
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BRIEFING_SITE_URL", None)
    return env


DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def visit(page, path: str):
    """Open a page of the served site; it must answer 200."""
    response = page.goto(path, wait_until="load")
    assert response is not None and response.status == 200, f"GET {path}: {response and response.status}"
    return response


def content(page):
    """The page's article area (Material's content column)."""
    return page.locator("article.md-content__inner")


def hrefs(locator) -> list[str]:
    """Absolute hrefs, without query or fragment."""
    found = locator.evaluate_all("(links) => links.map((link) => link.href)")
    return [href.split("#")[0].split("?")[0] for href in found if href]


def article_slug(url: str) -> str | None:
    match = re.search(r"/articles/([^/?#]+)/", url)
    return match.group(1) if match else None

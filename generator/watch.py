"""Regenerate content/ when a source, a page or taxonomy.yml changes, for `mkdocs serve`.

MkDocs watches content/ and rebuilds when our writes land there, so the site rebuilds once per change:
the generator is not run again inside that build.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from generator.errors import BriefingError
from generator.generate import generate

log = logging.getLogger("mkdocs.plugins.briefing")
_QUIET_SECONDS = 0.15      # changes closer together than this are one change (an editor's save)


class Regenerator(FileSystemEventHandler):
    """Runs `generate` once things have been quiet for a moment after a change."""

    def __init__(self, root: Path):
        self.root = root
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        self._observer = Observer()

    def start(self) -> None:
        for folder in (self.root / "sources", self.root / "content" / "articles"):
            folder.mkdir(parents=True, exist_ok=True)
            self._observer.schedule(self, str(folder), recursive=True)
        self._observer.schedule(self, str(self.root), recursive=False)   # taxonomy.yml
        self._observer.daemon = True
        self._observer.start()

    def stop(self) -> None:
        self._observer.stop()

    def on_any_event(self, event) -> None:
        path = Path(str(event.src_path))
        if event.is_directory or path.name.startswith(".") or (path.parent == self.root and path.name != "taxonomy.yml"):
            return
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(_QUIET_SECONDS, self.run)
            self._timer.daemon = True
            self._timer.start()

    def run(self) -> None:
        try:
            report = generate(self.root)
        except BriefingError as error:
            log.error("%s", error)
            return
        for error in report.errors:
            log.error("%s", error)
        for conflict in report.conflicts:
            log.warning("%s", conflict)
        if report.changed:
            log.info("briefing: %d pages regenerated", len(report.changed))

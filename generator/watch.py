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
from generator.write import is_temporary

log = logging.getLogger("mkdocs.plugins.briefing")
_QUIET_SECONDS = 0.15      # changes closer together than this are one change (an editor's save)
_CHANGES = {"created", "modified", "deleted", "moved"}


class Regenerator(FileSystemEventHandler):
    """Runs `generate` once things have been quiet for a moment after a change."""

    quiet_seconds = _QUIET_SECONDS

    def __init__(self, root: Path):
        self.root = root
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        self._running = threading.Lock()      # one run at a time: a change during a run waits for it
        self._observer: Observer | None = None

    def start(self) -> None:
        # Made here, not in __init__: watchdog's observer starts a thread as soon as it exists, and
        # every `mkdocs build` makes a Regenerator only to run it once.
        self._observer = Observer()
        for folder in self.folders():
            folder.mkdir(parents=True, exist_ok=True)
            self._observer.schedule(self, str(folder), recursive=True)
        self._observer.schedule(self, str(self.root), recursive=False)   # taxonomy.yml
        self._observer.daemon = True
        self._observer.start()

    def folders(self) -> list[Path]:
        """The folders watched recursively (the briefing folder itself is watched for taxonomy.yml)."""
        return [self.root / "sources", self.root / "content" / "articles"]

    def stop(self) -> None:
        if self._observer is not None:
            self._observer.stop()
            self._observer.join()

    def on_any_event(self, event) -> None:
        # Only changes count. Reading a file is an event too (watchdog reports opening and closing),
        # and every run reads taxonomy.yml: reacting to that would regenerate again and again.
        if event.is_directory or event.event_type not in _CHANGES:
            return
        # An editor's atomic save writes a hidden temporary file, then renames it over the source. The
        # generator writes pages so too, through temporary files of its own: those are not edits.
        if event.event_type == "moved" and is_temporary(Path(str(event.src_path)).name):
            return
        paths = [event.src_path] + ([event.dest_path] if event.event_type == "moved" else [])
        if not any(self._watched(Path(str(path))) for path in paths):
            return
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.quiet_seconds, self.run)
            self._timer.daemon = True
            self._timer.start()

    def _watched(self, path: Path) -> bool:
        """A source, an article page or taxonomy.yml (not a hidden temporary file)."""
        return not path.name.startswith(".") and (path.parent != self.root or path.name == "taxonomy.yml")

    def run(self) -> None:
        with self._running:
            self._run()

    def _run(self) -> None:
        from generator.generate import generate     # here: the site build loads this module only to watch

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

"""The only stage that writes into content/: atomically, only when the bytes change, never outside it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class ContentWriter:
    """Writes pages under one root folder and remembers which it wrote."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        self.written: set[Path] = set()   # every path this run wrote or confirmed
        self.changed: list[Path] = []     # the paths whose bytes changed

    def write(self, relative: str, text: str) -> bool:
        """Write `text` to root/relative if it differs; True when the file changed."""
        target = (self.root / relative).resolve()
        if self.root not in target.parents:
            raise ValueError(f"refusing to write outside {self.root}: {relative}")
        if target in self.written:
            raise ValueError(f"two pages for one path: {relative}")
        self.written.add(target)
        data = text.encode("utf-8")
        try:
            if target.read_bytes() == data:
                return False
        except FileNotFoundError:
            pass
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".md")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        self.changed.append(target)
        return True

    def remove_stale(self, folder: str) -> list[Path]:
        """Delete generated pages in root/folder that this run did not write (an index page whose
        country or person no longer appears)."""
        removed = []
        for path in sorted((self.root / folder).glob("*.md")):
            if path.resolve() not in self.written:
                path.unlink()
                removed.append(path)
        return removed

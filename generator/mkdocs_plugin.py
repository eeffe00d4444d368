"""MkDocs glue: regenerate content/ before a build, and watch sources/ and taxonomy.yml in `mkdocs serve`.

No logic here: everything is in generator.generate. Registered as the `briefing` MkDocs plugin
(pyproject.toml entry point), so it works for any briefing folder where the package is installed.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.plugins import BasePlugin

from generator.errors import BriefingError
from generator.generate import generate

log = logging.getLogger("mkdocs.plugins.briefing")


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


class BriefingPlugin(BasePlugin):
    def on_pre_build(self, config, **kwargs) -> None:
        if os.environ.get("BRIEFING_SKIP_GENERATE"):
            return      # `briefing build` has just generated
        try:
            report = generate(_root(config))
        except BriefingError as error:
            log.error("%s", error)
            return
        for error in report.errors:
            log.error("%s", error)
        for conflict in report.conflicts:
            log.warning("%s", conflict)
        if report.changed:
            log.info("briefing: %d pages regenerated", len(report.changed))

    def on_serve(self, server, config, builder, **kwargs):
        root = _root(config)
        server.watch(str(root / "sources"))
        server.watch(str(root / "taxonomy.yml"))
        return server

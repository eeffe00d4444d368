"""MkDocs glue: regenerate content/ before a build; in `mkdocs serve`, regenerate on each change; after a
build, give the site's feed the site's address.

No logic here: everything is in generator.generate, generator.watch and generator.publish. Registered as the
`briefing` MkDocs plugin (pyproject.toml entry point), so it works for any briefing folder where the package is
installed. It touches no page as MkDocs renders it: what article text reaches the theme is escaped by the
templates in overrides/, so a build without this plugin (a plain `mkdocs build` from another config, or
Zensical) is as safe; without it, the feed's links stay relative, which is a feed that works too.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.plugins import BasePlugin

from generator.publish import address_feed
from generator.watch import Regenerator

log = logging.getLogger("mkdocs.plugins.briefing")


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


class BriefingPlugin(BasePlugin):
    def __init__(self):
        self.serving = False
        self.regenerator: Regenerator | None = None

    def on_startup(self, *, command, dirty) -> None:
        self.serving = command == "serve"

    def on_pre_build(self, config, **kwargs) -> None:
        if os.environ.get("BRIEFING_SKIP_GENERATE"):
            return      # `briefing build` has just generated
        if self.serving and self.regenerator is not None:
            return      # the watcher regenerated already; this build only renders
        Regenerator(_root(config)).run()

    def on_post_build(self, config, **kwargs) -> None:
        # Under `mkdocs serve`, site_url is the address it serves at.
        address_feed(Path(config.site_dir), config.site_url)

    def on_serve(self, server, config, builder, **kwargs):
        if self.regenerator is None:
            self.regenerator = Regenerator(_root(config))
            self.regenerator.start()
        return server

    def on_shutdown(self) -> None:
        if self.regenerator is not None:
            self.regenerator.stop()

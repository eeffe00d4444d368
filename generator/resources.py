"""Access to the heuristics tables shipped in generator/data/ (YAML, read once)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources as _files

import yaml

# libyaml's safe loader: the same safe constructor as yaml.safe_load (plain types only), much faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class PageLoader(SAFE_LOADER):
    """The safe loader for front matter, where a date is text: a curator who writes `date: 2024-06-21`
    unquoted means the string the schema checks, not a datetime.date, and `2024-13-45` is a value the
    schema reports with its line, not an exception from YAML's date constructor."""


PageLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in SAFE_LOADER.yaml_implicit_resolvers.items()
}


@lru_cache(maxsize=None)
def load_data(name: str):
    """The parsed YAML table `generator/data/<name>`."""
    text = _files.files("generator").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=SAFE_LOADER)

"""Access to the heuristics tables shipped in generator/data/ (YAML, read once)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources as _files

import yaml

# libyaml's safe loader: the same safe constructor as yaml.safe_load (plain types only), much faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def load_data(name: str):
    """The parsed YAML table `generator/data/<name>`."""
    text = _files.files("generator").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=SAFE_LOADER)

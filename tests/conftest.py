"""Shared fixtures: the project root, its taxonomy, and throw-away copies of the project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def taxonomy():
    return load_taxonomy(ROOT / "taxonomy.yml")


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the briefing (sources, taxonomy, mkdocs.yml, overrides) with an empty content/."""
    for name in ("taxonomy.yml", "mkdocs.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    for name in ("sources", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name)
    (tmp_path / "content").mkdir()
    return tmp_path

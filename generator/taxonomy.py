"""The shared taxonomy (taxonomy.yml): topics, countries and people, each a Term keyed by slug."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml
from slugify import slugify

from generator.errors import BriefingError
from generator.resources import SAFE_LOADER


@dataclass(frozen=True)
class Term:
    """One taxonomy entry: a slug (alpha-2 code for countries), its label, aliases and description."""

    slug: str
    label: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    min_mentions: int = 2
    requires: tuple[str, ...] = ()


@dataclass(frozen=True)
class Taxonomy:
    topics: dict[str, Term]
    countries: dict[str, Term]
    people: dict[str, Term]
    digest: str = field(default="", compare=False)
    about: dict = field(default_factory=dict, compare=False)    # what the briefing covers (home page)

    def country_label(self, code: str) -> str:
        """The label shown for a country code: the taxonomy's, else the ISO short name."""
        if code in self.countries:
            return self.countries[code].label
        return country_name(code)

    def country_slug(self, code: str) -> str:
        return slugify(self.country_label(code)) or code.lower()

    def topic_label(self, slug: str) -> str:
        term = self.topics.get(slug)
        return term.label if term else slug.replace("-", " ").capitalize()

    @cached_property
    def person_by_alias(self) -> dict[str, str]:
        """Every spelling of a known person (label and aliases) -> the person's label."""
        table: dict[str, str] = {}
        for term in self.people.values():
            table[term.label] = term.label
            for alias in term.aliases:
                table[alias] = term.label
        return table


def country_name(code: str) -> str:
    """The name news text uses for an alpha-2 code ("Russia", not ISO's "Russian Federation")."""
    from generator import resources

    forms = resources.load_data("countries.yml").get(code) or {}
    if forms.get("names"):
        return forms["names"][0]
    entry = _iso_country(code)
    if entry is None:
        return code
    return getattr(entry, "common_name", None) or entry.name


def _iso_country(code: str):
    import pycountry    # imported here: a tenth of a second to load, and the data file answers most look-ups

    return pycountry.countries.get(alpha_2=code)


def _is_country_code(code: str) -> bool:
    from generator import resources

    return code in resources.load_data("countries.yml") or _iso_country(code) is not None


def load_taxonomy(path: Path) -> Taxonomy:
    """Read taxonomy.yml; a malformed file raises BriefingError naming the file and the entry."""
    shown = str(path)
    try:
        raw_bytes = path.read_bytes()
        data = yaml.load(raw_bytes, Loader=SAFE_LOADER) or {}
    except FileNotFoundError:
        raise BriefingError(shown, "taxonomy file not found") from None
    except yaml.YAMLError as error:
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        raise BriefingError(shown, f"not valid YAML: {getattr(error, 'problem', error)}",
                            line + 1 if line is not None else None) from None
    if not isinstance(data, dict):
        raise BriefingError(shown, "expected a mapping with topics, countries and people")
    sections = {}
    for section in ("topics", "countries", "people"):
        entries = data.get(section) or {}
        if not isinstance(entries, dict):
            raise BriefingError(shown, f"{section}: expected a mapping keyed by slug")
        sections[section] = {
            str(slug): _term(shown, section, str(slug), entry) for slug, entry in entries.items()
        }
    about = data.get("about") if isinstance(data.get("about"), dict) else {}
    return Taxonomy(**sections, digest=hashlib.sha256(raw_bytes).hexdigest(), about=about)


def _term(path: str, section: str, slug: str, entry) -> Term:
    where = f"{section}.{slug}"
    if entry is None:
        entry = {}
    if not isinstance(entry, dict):
        raise BriefingError(path, f"{where}: expected a mapping with label, aliases, description")
    aliases = entry.get("aliases") or []
    requires = entry.get("requires") or []
    if not isinstance(aliases, list) or not isinstance(requires, list):
        raise BriefingError(path, f"{where}: aliases and requires must be lists")
    if section == "countries" and slug != "XK" and not _is_country_code(slug):
        raise BriefingError(path, f"{where}: not an ISO 3166-1 alpha-2 code")
    label = entry.get("label")
    if label is None:
        label = country_name(slug) if section == "countries" else slug.replace("-", " ").title()
    return Term(
        slug=slug,
        label=str(label),
        aliases=tuple(str(a) for a in aliases),
        description=str(entry.get("description") or ""),
        min_mentions=int(entry.get("min_mentions", 2)),
        requires=tuple(str(r) for r in requires),
    )

"""The shared taxonomy (taxonomy.yml): topics, countries, people and organisations, each a Term keyed by slug.
Each entry is checked as it is read: a bad one is reported with its line and left out, the rest loads."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

import yaml
from slugify import slugify
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.errors import BriefingError, printable
from generator.resources import SAFE_LOADER
from generator.slugs import _RESERVED, organization_slug

SECTIONS = ("topics", "countries", "people", "organizations")
_ABOUT = "about"
# A topic or person slug is a page's file name: lowercase words joined by single hyphens, never a path.
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_COUNTRY_CODE = re.compile(r"[A-Z]{2}")     # as front matter writes countries
_LIST_FIELDS = ("aliases", "requires")
_TEXT_FIELDS = ("label", "description")
_NULL = "tag:yaml.org,2002:null"
_INT = "tag:yaml.org,2002:int"
_MERGE = "tag:yaml.org,2002:merge"


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
    # Optional: the organisations a curator names; the rest keep the name the articles give them.
    organizations: dict[str, Term] = field(default_factory=dict)
    digest: str = field(default="", compare=False)
    about: dict = field(default_factory=dict, compare=False)    # what the briefing covers (home page)
    # The entries left out, each reported with taxonomy.yml's line: the run shows them and goes on.
    problems: tuple[BriefingError, ...] = field(default=(), compare=False)

    def country_label(self, code: str) -> str:
        """The label shown for a country code: the taxonomy's, else the ISO short name."""
        if code in self.countries:
            return self.countries[code].label
        return country_name(code)

    def country_slug(self, code: str) -> str:
        """The address of a country's page: its label's slug, never a reserved name such as "index"
        (a label "Index" would write over the countries index)."""
        slug = slugify(self.country_label(code)) or code.lower()
        return slug if slug not in _RESERVED else f"{slug}-{code.lower()}"

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

    @cached_property
    def organization_by_slug(self) -> dict[str, str]:
        """The page slug of every spelling of a known organisation (label and aliases) -> its label: an
        article's "ministry of defence of Azerbaijan" finds the entry whatever its case and punctuation,
        as organisation pages are keyed by slug."""
        table: dict[str, str] = {}
        for term in self.organizations.values():
            for spelling in (term.label, *term.aliases):
                table.setdefault(organization_slug(spelling), term.label)
        return table

    def organization_name(self, name: str) -> str:
        """The name an organisation is indexed under: the taxonomy's label when the name is one of its
        spellings, else the name as written."""
        return self.organization_by_slug.get(organization_slug(name), name) if self.organizations else name


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
    """Read taxonomy.yml. A bad entry is left out and reported in `problems` with its line; a file that
    cannot be read, is not YAML, or names no topic, country or person raises BriefingError."""
    shown = str(path)
    try:
        raw_bytes = path.read_bytes()
    except FileNotFoundError:
        raise BriefingError(shown, "taxonomy file not found") from None
    except OSError as error:
        raise BriefingError(shown, f"cannot read: {error.strerror or error}") from None
    # Composed, not loaded: the nodes keep each key's line and every repeated key, which a dict drops.
    loader = SAFE_LOADER(raw_bytes)
    try:
        try:
            root = loader.get_single_node()
        except yaml.YAMLError as error:
            line = getattr(getattr(error, "problem_mark", None), "line", None)
            raise BriefingError(shown, f"not valid YAML: {getattr(error, 'problem', error)}",
                                line + 1 if line is not None else None) from None
        reader = _Reader(shown, loader)
        sections, about = reader.document(root)
    finally:
        loader.dispose()
    problems = tuple(sorted(reader.problems, key=lambda error: error.line or 0))
    return Taxonomy(**sections, digest=hashlib.sha256(raw_bytes).hexdigest(), about=about, problems=problems)


class _Entry(NamedTuple):
    term: Term
    spellings: list[tuple[str, int]]    # a person's label and aliases, each with its line


class _Reader:
    """One taxonomy.yml, read from its nodes: each problem is recorded with its line, and costs only
    the entry it is in."""

    def __init__(self, path: str, loader):
        self.path = path
        self.loader = loader
        self.problems: list[BriefingError] = []

    def report(self, line: int | None, problem: str) -> None:
        self.problems.append(BriefingError(self.path, problem, line))

    def document(self, root: Node | None) -> tuple[dict[str, dict[str, Term]], dict]:
        if root is None:
            raise self.empty()
        if not isinstance(root, MappingNode):
            raise BriefingError(self.path, "expected a mapping with topics, countries and people", _line(root))
        sections: dict[str, dict[str, Term]] = {name: {} for name in SECTIONS}
        about: dict = {}
        declared = 0
        for key, line, node in self.pairs(root, "top level"):
            if key in SECTIONS:
                entries = self.entries(key, node)
                declared += len(entries)
                sections[key] = self.section(key, entries)
            elif key == _ABOUT:
                about = self.about(node)
            else:
                self.report(line, f"unknown section '{printable(key)}' (expected topics, countries, people, "
                                  "organizations, about)")
        if not declared:
            raise self.empty()
        if not any(sections.values()):
            first = min(self.problems, key=lambda error: error.line or 0)
            raise BriefingError(self.path, f"no valid topic, country or person; the first problem: {first.problem}",
                                first.line)
        return sections, about

    def empty(self) -> BriefingError:
        # Loading it as it stands would remove every topic, country and person page.
        return BriefingError(self.path, "taxonomy.yml is empty: it names no topics, countries or people "
                                        "(add them first: an empty taxonomy would remove every index page)")

    def entries(self, section: str, node: Node) -> list[tuple[str, int, Node]]:
        if _is_null(node) or (isinstance(node, (MappingNode, SequenceNode)) and not node.value):
            return []
        if not isinstance(node, MappingNode):
            # Not one bad entry but the whole section: going on would remove every one of its pages.
            raise BriefingError(self.path, f"{section}: expected a mapping keyed by slug", _line(node))
        return self.pairs(node, section)

    def section(self, section: str, entries: list[tuple[str, int, Node]]) -> dict[str, Term]:
        kept: dict[str, _Entry] = {}
        for slug, line, node in entries:
            entry = self.entry(section, slug, line, node)
            if entry is not None:
                kept[slug] = entry
        if section == "people":
            self.drop_shared_spellings(section, kept, lambda word: word)
        elif section == "organizations":     # spellings that make one page address are one spelling
            self.drop_shared_spellings(section, kept, organization_slug)
        return {slug: entry.term for slug, entry in kept.items()}

    def entry(self, section: str, slug: str, line: int, node: Node) -> _Entry | None:
        """The entry's Term, or None when anything in it is wrong (each problem reported)."""
        where = f"{section}.{printable(slug)}"
        before = len(self.problems)
        if section == "countries":
            if not (_COUNTRY_CODE.fullmatch(slug) and _is_country_code(slug)):
                self.report(line, f"{where}: not an ISO 3166-1 alpha-2 code (two capital letters, like AZ)")
        elif not _SLUG.fullmatch(slug):
            self.report(line, f"{section}: '{printable(slug)}' is not a slug (lowercase letters and digits, "
                              f"words joined by single hyphens, like high-level-visit)")
        elif slug in _RESERVED:
            self.report(line, f"{where}: '{slug}' is a reserved name (a folder's own page, or a Windows device name)")
        fields = {}
        if isinstance(node, MappingNode):
            fields = {name: (field_line, value) for name, field_line, value in self.pairs(node, where)}
        elif not _is_null(node):
            self.report(line, f"{where}: expected a mapping with label, aliases, description")
        texts = {name: self.text(where, name, *fields[name]) for name in _TEXT_FIELDS if name in fields}
        lists = {name: self.words(where, name, *fields[name]) for name in _LIST_FIELDS if name in fields}
        min_mentions = self.count(where, *fields["min_mentions"]) if "min_mentions" in fields else 2
        if len(self.problems) > before:
            return None
        label = texts.get("label")
        if label is None:
            label = country_name(slug) if section == "countries" else slug.replace("-", " ").title()
        aliases = lists.get("aliases") or []
        term = Term(slug=slug, label=label, aliases=tuple(word for word, _ in aliases),
                    description=texts.get("description") or "", min_mentions=min_mentions,
                    requires=tuple(word for word, _ in lists.get("requires") or []))
        label_line = fields["label"][0] if "label" in fields else line
        return _Entry(term, [(label, label_line), *aliases])

    def drop_shared_spellings(self, section: str, entries: dict[str, _Entry], key) -> None:
        """One spelling names one person (or organisation): a later entry that claims another's label or
        alias (as `key` compares them) is left out: the index would fold the first one's mentions into
        the wrong page."""
        owner: dict[str, tuple[str, int]] = {}
        what = "person" if section == "people" else "organisation"
        for slug in list(entries):
            spellings = [(word, line, key(word)) for word, line in entries[slug].spellings]
            taken = [(word, line, k) for word, line, k in spellings if k in owner and owner[k][0] != slug]
            for word, line, k in taken:
                other, other_line = owner[k]
                self.report(line, f"{section}.{slug}: '{printable(word)}' is already a spelling of {section}.{other} "
                                  f"(line {other_line}); one spelling can name only one {what}")
            if taken:
                del entries[slug]
                continue
            for _, line, k in spellings:
                owner.setdefault(k, (slug, line))

    def pairs(self, node: MappingNode, where: str) -> list[tuple[str, int, Node]]:
        """A mapping's keys as written, each with its line and value node. A repeated key (YAML keeps the
        last one without a word) is reported on its second line; the first is kept."""
        if any(key.tag == _MERGE for key, _ in node.value):
            self.loader.flatten_mapping(node)      # `<<: *defaults`: merged keys come first, the entry's own win
            return list({key.value: (key.value, _line(key), value) for key, value in node.value}.values())
        seen: dict[str, int] = {}
        pairs = []
        for key, value in node.value:
            line = _line(key)
            if not isinstance(key, ScalarNode):
                self.report(line, f"{where}: a key must be a name, not a list or mapping")
            elif key.value in seen:
                self.report(line, f"{where}: '{printable(key.value)}' appears twice, on lines {seen[key.value]} "
                                  f"and {line}; the first is kept")
            else:
                seen[key.value] = line
                pairs.append((key.value, line, value))
        return pairs

    def text(self, where: str, name: str, line: int, node: Node) -> str | None:
        # The scalar as written: a label `NO` is the word, not YAML's false.
        if _is_null(node):
            return None
        if not isinstance(node, ScalarNode):
            self.report(line, f"{where}: {name}: expected text, not a list or mapping")
            return None
        return node.value

    def words(self, where: str, name: str, line: int, node: Node) -> list[tuple[str, int]]:
        if _is_null(node):
            return []
        if not isinstance(node, SequenceNode):
            self.report(line, f"{where}: {name}: expected a list, like [first, second]")
            return []
        words = []
        for item in node.value:
            if not isinstance(item, ScalarNode) or _is_null(item) or not item.value.strip():
                self.report(_line(item), f"{where}: {name}: an item is empty or not a word")
            else:
                words.append((item.value, _line(item)))
        return words

    def count(self, where: str, line: int, node: Node) -> int:
        value = self.value(where, line, node) if node.tag == _INT else None     # not `three`, `1.5`, `yes`
        if value is None or value < 0:
            shown = f"'{printable(node.value)}'" if isinstance(node, ScalarNode) else "a list or mapping"
            self.report(line, f"{where}: min_mentions: expected a whole number, 0 or more, not {shown}")
            return 0
        return value

    def about(self, node: Node) -> dict:
        value = self.value(_ABOUT, _line(node), node)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.report(_line(node), f"{_ABOUT}: expected a mapping with title and description")
            return {}
        return value

    def value(self, where: str, line: int, node: Node):
        """The node as yaml.safe_load would give it; None, reported, when it cannot be built."""
        try:
            return self.loader.construct_document(node)
        except (yaml.YAMLError, ValueError, TypeError) as error:     # an unknown tag, a date like 2024-13-45
            self.loader.constructed_objects, self.loader.recursive_objects = {}, {}
            self.loader.state_generators = []
            self.report(line, f"{where}: {getattr(error, 'problem', None) or error}")
            return None


def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == _NULL

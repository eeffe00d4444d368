"""The extractor's heuristic tables (generator/data/*.yml), each read once into a typed object, gathered
in one Lexicon that extract_article passes to the field chains beside the taxonomy."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from generator.extract.organizations import OrganizationLexicon, load_organization_lexicon
from generator.extract.people import PeopleLexicon, load_people_lexicon


@dataclass(frozen=True)
class Lexicon:
    organizations: OrganizationLexicon     # data/organizations.yml
    people: PeopleLexicon                   # data/roles.yml


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The shipped tables; loaded on first use, then shared by every article of a run."""
    return Lexicon(organizations=load_organization_lexicon(), people=load_people_lexicon())

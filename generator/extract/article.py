"""Assemble one Article from a RawDocument: clean, then each field's chain."""

from __future__ import annotations

import re

from generator.clean import clean, has_sentence
from generator.errors import BriefingError
from generator.extract.countries import country_mentions, PageClues, extract_countries
from generator.extract.date import extract_date
from generator.extract.events import extract_events
from generator.extract.figures import extract_key_figures
from generator.extract.organizations import canonical_organization, extract_organizations
from generator.extract.people import extract_people
from generator.extract.source import extract_source
from generator.extract.summary import extract_summary
from generator.extract.title import extract_section, extract_title
from generator.extract.topics import extract_topics
from generator.lexicon import Lexicon, load_lexicon
from generator.model import Article, Event, RawDocument
from generator.taxonomy import Taxonomy


def extract_article(document: RawDocument, taxonomy: Taxonomy, lexicon: Lexicon | None = None) -> Article:
    """Everything LABELLING.md asks of one article. `lexicon`: the heuristic tables (the shipped ones
    by default)."""
    lexicon = lexicon or load_lexicon()
    text = clean(document.text)
    if not has_sentence(text):
        # Only furniture (share buttons, counters, menus, "Contact Us"): a page made of it would have
        # a menu item for a title and no text, so the file is refused by name instead.
        raise BriefingError(document.path, "no article text left after removing page furniture "
                                           "(no sentence: only menus, buttons, counters, date stamps)")
    title, derived = extract_title(text, document.html_title)
    date, precision = extract_date(text, document.html_date, document.text)
    body = text.body
    # The outlet is read before the people: its country leads the article's (a paper names its own
    # country's officials without saying whose they are). Only a person's name can change it.
    outlet = extract_source(text, document.text)
    countries, primary = extract_countries(text.headline, body, taxonomy,
                                           PageClues(outlet, text.dateline, document.text))
    home = primary[0] if primary else None
    people = tuple(extract_people(body, taxonomy, lexicon.organizations.words, home, lexicon.people, text.dateline))
    # A person the text gives a role is never the outlet ("told Aliyev"); a name the text only says
    # was told something may be the outlet ("told Steppe Ledger."), and then it is no person.
    named = tuple(p.name for p in people if p.role)
    if outlet in named:
        outlet = extract_source(text, document.text, named)
    return Article(
        path=document.path,
        title=title,
        title_derived=derived,
        date=date,
        date_precision=precision,
        source=(source := _as_organization(outlet, taxonomy, home, lexicon)),
        countries=tuple(countries),
        primary_countries=tuple(primary),
        # Likewise a name the text gives no role that what surrounds it shows to be a body ("analysts at
        # Capital Economics") is an organisation, and no person.
        organizations=(organizations := tuple(extract_organizations(
            body, taxonomy, home, source, named, lexicon.organizations,
            tuple((p.role, p.country) for p in people if p.role)))),
        people=tuple(p for p in people if p.name != source and p.name not in organizations),
        topics=tuple(extract_topics(text.headline, body, taxonomy)),
        summary=extract_summary(body),
        key_figures=tuple(extract_key_figures(body)),
        events=tuple(Event(**event) for event in extract_events(body, date, precision)),
        text=body,
        sha256=document.sha256,
        section=extract_section(document.text, text.headline),
    )


def _as_organization(source: str | None, taxonomy: Taxonomy, home: str | None, lexicon: Lexicon) -> str | None:
    """A ministry's own page names itself generically ("Ministry of Defense"): its source is written as
    its organisation is, with the article's country ("Ministry of Defense of Azerbaijan")."""
    # One that names its state ("Ministry of Foreign Affairs of the Republic of Tajikistan") is written as it
    # names itself.
    if source and lexicon.organizations.ministry_re.fullmatch(source):
        if not country_mentions(source, taxonomy):
            return canonical_organization(source, taxonomy, home, lexicon.organizations)
        return re.sub(r"^The\s+(?=Ministry\b)", "", source)
    return source
